"""Volunteering moved from mentees to its own app (docs/decisions/0053): what was recorded before
the move is found after it through the new models, with the same ids and links, on tables that
now carry the new app's name, and the content types and permissions moved with the models."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Migrating back and forth renders the whole project state three times: slow on a busy machine.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(600)]

BEFORE = [
    ("mentees", "0009_referral_statuses_merged_and_waiting"),
    ("matching", "0002_notification_kinds"),
    ("volunteers", None),
]
AFTER = [
    ("volunteers", "0001_volunteering_from_mentees"),
    ("matching", "0003_mentor_records_in_volunteers"),
    ("mentees", "0010_volunteering_to_volunteers"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]]).apps


def _tables():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _volunteering_before(old):
    """A role, an application with its areas, the mentor approved from it with their pathways,
    a supervision session, and a must-not-match pair in matching, all made through the models
    as they were in mentees."""
    user_model = old.get_model("accounts", "User")
    region = old.get_model("providers", "Region").objects.create(
        name="North West", nation="England"
    )
    organisation = old.get_model("providers", "Organisation").objects.create(
        name="Gate Mentors", slug="gate-mentors", region=region
    )
    area = old.get_model("providers", "LocalAuthority").objects.create(
        gss_code="E08000012",
        name="Liverpool",
        official_name="Liverpool City Council",
        region=region,
        kind="Metropolitan district",
        latitude="53.408371",
        longitude="-2.991573",
    )
    taxonomy = old.get_model("providers", "Taxonomy").objects.create(
        slug="pathways", name="Pathways", description="Resettlement pathways"
    )
    pathway = old.get_model("providers", "TaxonomyTerm").objects.create(
        taxonomy=taxonomy, code="housing", name="Housing", description="Somewhere to live"
    )
    coordinator = user_model.objects.create(email="cat@example.org")
    volunteer = user_model.objects.create(email="sam@example.org")
    role = old.get_model("mentees", "VolunteerRole").objects.create(
        organisation=organisation,
        title="Gate mentor",
        summary="Meet people at the gate",
        description="You meet people on the day they leave prison.",
        time_commitment="Two hours a week",
        training_given="Three sessions",
        expenses="Travel",
    )
    application = old.get_model("mentees", "VolunteerApplication").objects.create(
        reference="VA-3467-9ACD", organisation=organisation, role=role, applicant=volunteer
    )
    application.local_authorities.add(area)
    mentor = old.get_model("mentees", "MentorProfile").objects.create(
        organisation=organisation,
        user=volunteer,
        application=application,
        approved_by=coordinator,
        capacity=2,
    )
    mentor.pathways.add(pathway)
    session = old.get_model("mentees", "SupervisionSession").objects.create(
        organisation=organisation,
        mentor=mentor,
        held_on=date(2026, 11, 2),
        supervisor=coordinator,
        notes="Going well",
        recorded_by=coordinator,
    )
    mentee = old.get_model("mentees", "Mentee").objects.create(
        organisation=organisation, reference="MN-3467-9ACD", full_name="Alex Lee"
    )
    exclusion = old.get_model("matching", "Exclusion").objects.create(
        organisation=organisation, mentee=mentee, mentor=mentor, reason="They know each other"
    )
    return {
        "role": role.pk,
        "application": application.pk,
        "mentor": mentor.pk,
        "session": session.pk,
        "exclusion": exclusion.pk,
        "area": area.pk,
        "pathway": pathway.pk,
    }


def test_volunteering_records_survive_the_move_to_their_own_app():
    old = _migrate(BEFORE)
    try:
        content_type = old.get_model("contenttypes", "ContentType")
        role_type = content_type.objects.get_or_create(app_label="mentees", model="volunteerrole")[
            0
        ]
        permission = old.get_model("auth", "Permission").objects.get_or_create(
            content_type=role_type, codename="change_volunteerrole", defaults={"name": "Can change"}
        )[0]
        made = _volunteering_before(old)
        assert "mentees_mentorprofile" in _tables()

        new = _migrate(AFTER)

        mentor = new.get_model("volunteers", "MentorProfile").objects.get()
        assert mentor.pk == made["mentor"]
        assert mentor.application_id == made["application"]
        assert list(mentor.pathways.values_list("pk", flat=True)) == [made["pathway"]]
        application = new.get_model("volunteers", "VolunteerApplication").objects.get()
        assert (application.pk, application.role_id) == (made["application"], made["role"])
        assert list(application.local_authorities.values_list("pk", flat=True)) == [made["area"]]
        session = new.get_model("volunteers", "SupervisionSession").objects.get()
        assert (session.pk, session.mentor_id) == (made["session"], made["mentor"])
        exclusion = new.get_model("matching", "Exclusion").objects.select_related("mentor").get()
        assert (exclusion.pk, exclusion.mentor.pk) == (made["exclusion"], made["mentor"])

        tables = _tables()
        for table in (
            "volunteers_volunteerrole",
            "volunteers_volunteerapplication_local_authorities",
            "volunteers_mentorprofile_pathways",
        ):
            assert table in tables
        for table in ("mentees_volunteerrole", "mentees_mentorprofile_pathways"):
            assert table not in tables

        moved_type = new.get_model("contenttypes", "ContentType").objects.get(pk=role_type.pk)
        assert (moved_type.app_label, moved_type.model) == ("volunteers", "volunteerrole")
        moved_permission = new.get_model("auth", "Permission").objects.get(pk=permission.pk)
        assert moved_permission.content_type_id == role_type.pk
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
