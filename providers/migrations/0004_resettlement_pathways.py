from django.db import migrations

from providers import pathways


def load_pathways(apps, schema_editor):
    Taxonomy = apps.get_model("providers", "Taxonomy")
    TaxonomyTerm = apps.get_model("providers", "TaxonomyTerm")
    taxonomy, _ = Taxonomy.objects.update_or_create(
        id=pathways.taxonomy_id(), defaults=pathways.TAXONOMY
    )
    for position, (code, name, description) in enumerate(pathways.PATHWAYS):
        TaxonomyTerm.objects.update_or_create(
            id=pathways.term_id(code),
            defaults={
                "taxonomy": taxonomy,
                "code": code,
                "name": name,
                "description": description,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("providers", "0003_search_indexes")]

    operations = [migrations.RunPython(load_pathways, migrations.RunPython.noop)]
