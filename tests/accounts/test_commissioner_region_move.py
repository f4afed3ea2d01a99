"""CommissionerRegion moved from outcomes to accounts (docs/decisions/0041): a region given
before the move is still there after it, with the same id, person and region."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("accounts", "0005_auditevent_refuse_truncate"),
    ("outcomes", "0004_proven_reoffending_needs_a_proof_date"),
]
AFTER = [
    ("accounts", "0006_commissionerregion_from_outcomes"),
    ("outcomes", "0005_commissionerregion_to_accounts"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_a_commissioners_region_survives_the_move():
    old = _migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="casey@example.org")
    region = old.get_model("providers", "Region").objects.create(
        name="North East", nation="England"
    )
    given = old.get_model("outcomes", "CommissionerRegion").objects.create(user=user, region=region)
    try:
        new = _migrate(AFTER)
        moved = new.get_model("accounts", "CommissionerRegion").objects.get()
        assert (moved.pk, moved.user_id, moved.region_id) == (given.pk, user.pk, region.pk)
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
        assert "accounts_commissionerregion" in tables
        assert "outcomes_commissionerregion" not in tables
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
