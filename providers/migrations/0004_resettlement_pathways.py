from django.db import migrations

from providers import pathways


def load_pathways(apps, schema_editor):
    pathways.load_pathways(
        apps.get_model("providers", "Taxonomy"), apps.get_model("providers", "TaxonomyTerm")
    )


class Migration(migrations.Migration):
    dependencies = [("providers", "0003_search_indexes")]

    operations = [migrations.RunPython(load_pathways, migrations.RunPython.noop)]
