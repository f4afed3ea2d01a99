"""CommissionerRegion now belongs to accounts (its 0006 took the table): forget it here only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0004_proven_reoffending_needs_a_proof_date"),
        ("accounts", "0006_commissionerregion_from_outcomes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CommissionerRegion")],
        ),
    ]
