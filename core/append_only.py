"""Database triggers that refuse UPDATE and DELETE on a table, whatever the application does.

Migrations call `refuse_changes` (existing ones included: they import it rather than keeping a
copy of the SQL). TRUNCATE is left alone: test databases are emptied with it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AppendOnly:
    """The triggers for one table. `message` starts the error, e.g. "The audit log is
    append-only"; `trigger` names the Postgres trigger."""

    table: str
    trigger: str
    message: str

    @property
    def function(self) -> str:
        return f"{self.table}_refuse_change"

    def postgres_forward(self) -> str:
        return f"""
CREATE OR REPLACE FUNCTION {self.function}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{self.message}: % is not allowed on {self.table}',
        TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER {self.trigger}
    BEFORE UPDATE OR DELETE ON {self.table}
    FOR EACH ROW EXECUTE FUNCTION {self.function}();
"""

    def postgres_backward(self) -> str:
        return f"""
DROP TRIGGER IF EXISTS {self.trigger} ON {self.table};
DROP FUNCTION IF EXISTS {self.function}();
"""

    def sqlite_forward(self) -> list[str]:
        return [
            f"""CREATE TRIGGER {self.table}_no_{operation.lower()} BEFORE {operation}
            ON {self.table} BEGIN
            SELECT RAISE(ABORT, '{self.message}: {operation} is not allowed'); END;"""
            for operation in ("UPDATE", "DELETE")
        ]

    def sqlite_backward(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {self.table}_no_{op};" for op in ("update", "delete")]


def refuse_changes(*, table: str, trigger: str, message: str) -> tuple[Callable, Callable]:
    """The forward and backward functions of a RunPython that makes `table` append-only."""
    triggers = AppendOnly(table=table, trigger=trigger, message=message)

    def run(schema_editor, postgres: str, sqlite: list[str]) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(postgres, params=None)
        elif schema_editor.connection.vendor == "sqlite":
            for statement in sqlite:
                schema_editor.execute(statement)

    def forward(apps, schema_editor):
        run(schema_editor, triggers.postgres_forward(), triggers.sqlite_forward())

    def backward(apps, schema_editor):
        run(schema_editor, triggers.postgres_backward(), triggers.sqlite_backward())

    return forward, backward
