from django.db import migrations


def load(apps, schema_editor):
    from accreditation.standard_data import load_standard

    load_standard(
        apps.get_model("accreditation", "Standard"),
        apps.get_model("accreditation", "Area"),
        apps.get_model("accreditation", "Requirement"),
    )


class Migration(migrations.Migration):
    dependencies = [("accreditation", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
