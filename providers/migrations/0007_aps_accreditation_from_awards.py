from django.db import migrations


class Migration(migrations.Migration):
    """Accreditation now comes from accreditation.Award, worked out in each query. Nothing ever
    set the stored date but the demo data, which now makes a real award, so it is dropped
    without copying."""

    dependencies = [("providers", "0006_service_name_index")]

    operations = [migrations.RemoveField(model_name="organisation", name="aps_accredited_until")]
