"""CommissionerRegion moves from outcomes to accounts, where the commissioner's platform role is.

The rows stay where they are: the state gains the model here with the old table, then the table
is renamed to this app's name (a rename keeps every row, its ids and its constraints). Outcomes'
0005 then forgets the model without touching the database.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_auditevent_refuse_truncate"),
        ("outcomes", "0004_proven_reoffending_needs_a_proof_date"),
        ("providers", "0008_organisation_case_retention_years"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CommissionerRegion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.region",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="commissioner_region",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "outcomes_commissionerregion"},
                ),
            ],
        ),
        migrations.AlterModelTable(name="commissionerregion", table=None),
    ]
