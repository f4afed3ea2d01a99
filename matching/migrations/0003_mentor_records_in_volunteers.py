"""Mentor records moved to the volunteers app, on renamed tables whose rows and constraints are
unchanged: the foreign keys to them change in Django's state only, with no SQL."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_notification_kinds"),
        ("volunteers", "0001_volunteering_from_mentees"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="bulkproposalrow",
                    name="mentor",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="volunteers.mentorprofile",
                    ),
                ),
                migrations.AlterField(
                    model_name="exclusion",
                    name="mentor",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="exclusions",
                        to="volunteers.mentorprofile",
                    ),
                ),
                migrations.AlterField(
                    model_name="match",
                    name="mentor",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="matches",
                        to="volunteers.mentorprofile",
                    ),
                ),
            ],
        ),
    ]
