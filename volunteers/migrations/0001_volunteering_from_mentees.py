"""Volunteering moves from mentees to its own app (docs/decisions/0053-volunteers-app.md).

No row moves: the state gains the models on mentees' tables, then each table is renamed to this
app's name (a rename keeps every row, id and constraint), the one named index follows, and the
content types (and so the permissions) change app. Mentees' 0010 then forgets the models
without touching the database, after matching's 0003 has pointed its foreign keys here.
"""

import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = [
    "mentorprofile",
    "supervisionsession",
    "trainingmodule",
    "volunteerapplication",
    "trainingrecord",
    "interview",
    "dbscheck",
    "criminalrecorddisclosure",
    "applicationupdate",
    "volunteerreference",
    "volunteerrole",
]


def _move_content_types(apps, *, source: str, target: str) -> None:
    """Point the moved models' content types (and so their permissions) at their new app. A
    content type already made for the target (by an earlier run) gives way to the old one."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=target, model__in=MOVED).delete()
    content_type.objects.filter(app_label=source, model__in=MOVED).update(app_label=target)


def content_types_to_volunteers(apps, schema_editor):
    _move_content_types(apps, source="mentees", target="volunteers")


def content_types_to_mentees(apps, schema_editor):
    _move_content_types(apps, source="volunteers", target="mentees")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("mentees", "0009_referral_statuses_merged_and_waiting"),
        # matching made its foreign keys to mentees.MentorProfile before the table moves.
        ("matching", "0002_notification_kinds"),
        ("providers", "0010_service_drafts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Django's state gains the models on mentees' tables; no SQL runs here.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="MentorProfile",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "Active"),
                                    ("paused", "Paused"),
                                    ("left", "Left"),
                                ],
                                default="active",
                                max_length=20,
                            ),
                        ),
                        ("status_reason", models.TextField(blank=True)),
                        (
                            "status_changed_at",
                            models.DateTimeField(default=django.utils.timezone.now),
                        ),
                        ("approved_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "capacity",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(10),
                                ],
                                verbose_name="mentees at once",
                            ),
                        ),
                        (
                            "gender",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("woman", "Woman"),
                                    ("man", "Man"),
                                    ("non_binary", "Non-binary"),
                                    ("self_described", "I describe myself another way"),
                                    ("not_said", "I would rather not say"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("gender_description", models.CharField(blank=True, max_length=100)),
                        ("date_of_birth", models.DateField(blank=True, null=True)),
                        ("languages", models.JSONField(blank=True, default=list)),
                        ("lived_experience", models.JSONField(blank=True, default=list)),
                        ("can_visit_prisons", models.BooleanField(default=False)),
                        ("availability", models.JSONField(blank=True, default=list)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "approved_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "local_authorities",
                            models.ManyToManyField(
                                blank=True, related_name="+", to="providers.localauthority"
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="mentor_profiles",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "pathways",
                            models.ManyToManyField(
                                blank=True, related_name="+", to="providers.taxonomyterm"
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="mentor_profiles",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["user__full_name", "user__email"],
                    },
                ),
                migrations.CreateModel(
                    name="SupervisionSession",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("held_on", models.DateField()),
                        ("notes", models.TextField()),
                        ("concerns", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "mentor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="supervision_sessions",
                                to="volunteers.mentorprofile",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "supervisor",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-held_on", "-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="TrainingModule",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("name", models.CharField(max_length=120)),
                        ("description", models.TextField(blank=True)),
                        ("required", models.BooleanField(default=True)),
                        (
                            "valid_for_months",
                            models.PositiveSmallIntegerField(blank=True, null=True),
                        ),
                        (
                            "is_active",
                            models.BooleanField(default=True, verbose_name="still in use"),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="training_modules",
                                to="providers.organisation",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-required", "name"],
                    },
                ),
                migrations.CreateModel(
                    name="VolunteerApplication",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("reference", models.CharField(editable=False, max_length=12, unique=True)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Not sent yet"),
                                    ("submitted", "Being checked"),
                                    ("approved", "Approved"),
                                    ("rejected", "Not approved"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                default="draft",
                                max_length=20,
                            ),
                        ),
                        (
                            "stage",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("interview", "Interview"),
                                    ("references", "References"),
                                    ("dbs", "DBS check"),
                                    ("training", "Training"),
                                    ("ready", "Ready for a decision"),
                                    ("decided", "Decided"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("completed_steps", models.JSONField(blank=True, default=list)),
                        ("full_name", models.CharField(blank=True, max_length=150)),
                        ("date_of_birth", models.DateField(blank=True, null=True)),
                        (
                            "gender",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("woman", "Woman"),
                                    ("man", "Man"),
                                    ("non_binary", "Non-binary"),
                                    ("self_described", "I describe myself another way"),
                                    ("not_said", "I would rather not say"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("gender_description", models.CharField(blank=True, max_length=100)),
                        ("phone", models.CharField(blank=True, max_length=30)),
                        ("postcode", models.CharField(blank=True, max_length=10)),
                        ("lived_experience", models.JSONField(blank=True, default=list)),
                        ("lived_experience_details", models.TextField(blank=True)),
                        ("availability", models.JSONField(blank=True, default=list)),
                        ("can_visit_prisons", models.BooleanField(blank=True, null=True)),
                        ("languages", models.JSONField(blank=True, default=list)),
                        ("other_languages", models.CharField(blank=True, max_length=200)),
                        ("experience", models.TextField(blank=True)),
                        ("motivation", models.TextField(blank=True)),
                        ("dbs_consent", models.BooleanField(default=False)),
                        ("dbs_consent_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("submitted_at", models.DateTimeField(blank=True, null=True)),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        ("decision_reason", models.TextField(blank=True)),
                        ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                        ("erased_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        (
                            "applicant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="volunteer_applications",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "local_authorities",
                            models.ManyToManyField(
                                blank=True, related_name="+", to="providers.localauthority"
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="volunteer_applications",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "pathways",
                            models.ManyToManyField(
                                blank=True, related_name="+", to="providers.taxonomyterm"
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-submitted_at", "-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="TrainingRecord",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("completed_on", models.DateField()),
                        ("expires_on", models.DateField(blank=True, null=True)),
                        ("notes", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "module",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="records",
                                to="volunteers.trainingmodule",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="training_records",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["module__name", "-completed_on"],
                    },
                ),
                migrations.AddField(
                    model_name="mentorprofile",
                    name="application",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="mentor_profile",
                        to="volunteers.volunteerapplication",
                    ),
                ),
                migrations.CreateModel(
                    name="Interview",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("interview_date", models.DateField()),
                        (
                            "arrangements",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="time and place"
                            ),
                        ),
                        (
                            "outcome",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "Not yet held"),
                                    ("suitable", "Suitable to go ahead"),
                                    ("not_suitable", "Not suitable"),
                                    ("did_not_attend", "Did not attend"),
                                ],
                                default="",
                                max_length=20,
                            ),
                        ),
                        ("notes", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="interviews",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-interview_date", "-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="DBSCheck",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("basic", "Basic"),
                                    ("standard", "Standard"),
                                    ("enhanced", "Enhanced"),
                                    ("enhanced_barred", "Enhanced with barred lists"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("certificate_number", models.CharField(max_length=12)),
                        ("issue_date", models.DateField()),
                        (
                            "result",
                            models.CharField(
                                choices=[
                                    ("clear", "No information disclosed"),
                                    ("disclosed", "Information disclosed"),
                                ],
                                max_length=20,
                            ),
                        ),
                        (
                            "update_service",
                            models.BooleanField(
                                default=False, verbose_name="on the DBS Update Service"
                            ),
                        ),
                        ("renew_by", models.DateField(blank=True, null=True)),
                        ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "risk_decision",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("proceed", "Safe to go ahead"),
                                    ("do_not_proceed", "Not safe to go ahead"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("risk_decided_on", models.DateField(blank=True, null=True)),
                        ("risk_decision_reason", models.TextField(blank=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "risk_decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dbs_checks",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "DBS check",
                        "ordering": ["-issue_date", "-recorded_at"],
                    },
                ),
                migrations.CreateModel(
                    name="CriminalRecordDisclosure",
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
                        ("has_record", models.BooleanField(null=True)),
                        ("details", models.TextField(blank=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "application",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="disclosure",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                    ],
                ),
                migrations.CreateModel(
                    name="ApplicationUpdate",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("received", "Application received"),
                                    ("interview_arranged", "Interview arranged"),
                                    ("interview_passed", "Interview went well"),
                                    ("references_received", "References received"),
                                    ("dbs_cleared", "DBS check complete"),
                                    ("training_complete", "Training complete"),
                                    ("approved", "Approved as a mentor"),
                                    ("rejected", "Not approved"),
                                    ("withdrawn", "Application withdrawn"),
                                ],
                                max_length=30,
                            ),
                        ),
                        ("message", models.TextField()),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("emailed_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="updates",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="VolunteerReference",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("position", models.PositiveSmallIntegerField()),
                        ("name", models.CharField(max_length=150)),
                        (
                            "relationship",
                            models.CharField(max_length=200, verbose_name="how they know you"),
                        ),
                        ("email", models.EmailField(blank=True, max_length=254)),
                        ("phone", models.CharField(blank=True, max_length=30)),
                        ("requested_on", models.DateField(blank=True, null=True)),
                        ("received_on", models.DateField(blank=True, null=True)),
                        ("satisfactory", models.BooleanField(blank=True, null=True)),
                        ("notes", models.TextField(blank=True)),
                        (
                            "application",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="references",
                                to="volunteers.volunteerapplication",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="providers.organisation",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["position"],
                    },
                ),
                migrations.CreateModel(
                    name="VolunteerRole",
                    fields=[
                        (
                            "id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                primary_key=True,
                                serialize=False,
                            ),
                        ),
                        ("title", models.CharField(max_length=120)),
                        ("summary", models.CharField(max_length=300)),
                        ("description", models.TextField(verbose_name="what a mentor does")),
                        (
                            "time_commitment",
                            models.CharField(max_length=300, verbose_name="time asked"),
                        ),
                        ("training_given", models.TextField(verbose_name="training we give")),
                        (
                            "expenses",
                            models.CharField(max_length=300, verbose_name="expenses we pay"),
                        ),
                        (
                            "where",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="where you would volunteer"
                            ),
                        ),
                        (
                            "criminal_record_policy",
                            models.CharField(
                                choices=[
                                    ("welcome", "A criminal record does not stop you applying"),
                                    (
                                        "case_by_case",
                                        "We talk through any criminal record with you, case by case",
                                    ),
                                    (
                                        "some_excluded",
                                        "Some convictions mean we cannot offer this role",
                                    ),
                                ],
                                default="welcome",
                                max_length=20,
                            ),
                        ),
                        ("criminal_record_notes", models.TextField(blank=True)),
                        (
                            "dbs_level",
                            models.CharField(
                                choices=[
                                    ("basic", "Basic"),
                                    ("standard", "Standard"),
                                    ("enhanced", "Enhanced"),
                                    ("enhanced_barred", "Enhanced with barred lists"),
                                ],
                                default="enhanced",
                                max_length=20,
                                verbose_name="DBS check needed",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("published", "Published"),
                                    ("closed", "Closed"),
                                ],
                                default="draft",
                                max_length=20,
                            ),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("published_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="volunteer_roles",
                                to="providers.organisation",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["title"],
                    },
                ),
                migrations.AddField(
                    model_name="volunteerapplication",
                    name="role",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="volunteers.volunteerrole",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="trainingmodule",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "name"), name="unique_training_module_name"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="trainingrecord",
                    constraint=models.UniqueConstraint(
                        fields=("application", "module", "completed_on"),
                        name="one_record_per_module_completion",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="mentorprofile",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "user"), name="one_mentor_profile_per_organisation"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="dbscheck",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("certificate_number", ""), _negated=True),
                        fields=("application", "certificate_number"),
                        name="one_record_per_certificate",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="volunteerreference",
                    constraint=models.UniqueConstraint(
                        fields=("application", "position"), name="one_reference_per_position"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="volunteerrole",
                    constraint=models.UniqueConstraint(
                        fields=("organisation", "title"), name="unique_volunteer_role_title"
                    ),
                ),
                migrations.AddIndex(
                    model_name="volunteerapplication",
                    index=models.Index(
                        fields=["organisation", "status", "stage"],
                        name="mentees_vol_organis_b2aa3f_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="volunteerapplication",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(
                            models.Q(("status", "withdrawn"), _negated=True),
                            ("erased_at__isnull", True),
                        ),
                        fields=("applicant", "role"),
                        name="one_open_application_per_role",
                    ),
                ),
                migrations.AlterModelTable(name="mentorprofile", table="mentees_mentorprofile"),
                migrations.AlterModelTable(
                    name="supervisionsession", table="mentees_supervisionsession"
                ),
                migrations.AlterModelTable(name="trainingmodule", table="mentees_trainingmodule"),
                migrations.AlterModelTable(
                    name="volunteerapplication", table="mentees_volunteerapplication"
                ),
                migrations.AlterModelTable(name="trainingrecord", table="mentees_trainingrecord"),
                migrations.AlterModelTable(name="interview", table="mentees_interview"),
                migrations.AlterModelTable(name="dbscheck", table="mentees_dbscheck"),
                migrations.AlterModelTable(
                    name="criminalrecorddisclosure", table="mentees_criminalrecorddisclosure"
                ),
                migrations.AlterModelTable(
                    name="applicationupdate", table="mentees_applicationupdate"
                ),
                migrations.AlterModelTable(
                    name="volunteerreference", table="mentees_volunteerreference"
                ),
                migrations.AlterModelTable(name="volunteerrole", table="mentees_volunteerrole"),
            ],
        ),
        # Each table (and its many-to-many tables) takes this app's name: a rename keeps every
        # row, id and constraint.
        migrations.AlterModelTable(name="mentorprofile", table=None),
        migrations.AlterModelTable(name="supervisionsession", table=None),
        migrations.AlterModelTable(name="trainingmodule", table=None),
        migrations.AlterModelTable(name="volunteerapplication", table=None),
        migrations.AlterModelTable(name="trainingrecord", table=None),
        migrations.AlterModelTable(name="interview", table=None),
        migrations.AlterModelTable(name="dbscheck", table=None),
        migrations.AlterModelTable(name="criminalrecorddisclosure", table=None),
        migrations.AlterModelTable(name="applicationupdate", table=None),
        migrations.AlterModelTable(name="volunteerreference", table=None),
        migrations.AlterModelTable(name="volunteerrole", table=None),
        migrations.RenameIndex(
            model_name="volunteerapplication",
            new_name="volunteers__organis_814790_idx",
            old_name="mentees_vol_organis_b2aa3f_idx",
        ),
        migrations.RunPython(content_types_to_volunteers, content_types_to_mentees),
    ]
