"""`manage.py migrate`, run as the owner of the tables when MIGRATION_DATABASE_URL is set.

Django's own command, with two steps around it: it connects as the owner (the application's
role in DATABASE_URL cannot create or alter tables), and afterwards grants the application's
role its rights, the audit log's being SELECT and INSERT only (accounts/database.py). Without
MIGRATION_DATABASE_URL (the demo and the tests) it is Django's command unchanged.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS, connections

from accounts.database import RoleError, grant_app_role

CONNECTION_KEYS = ("NAME", "USER", "PASSWORD", "HOST", "PORT")


class Command(migrate.Command):
    help = (
        "Update the database tables. With MIGRATION_DATABASE_URL set, runs as the tables' owner "
        "and then grants the application's role (DATABASE_URL) what it may do."
    )

    def handle(self, *args, **options):
        owner = settings.MIGRATION_DATABASE
        if not owner or options["database"] != DEFAULT_DB_ALIAS:
            return super().handle(*args, **options)
        connection = connections[DEFAULT_DB_ALIAS]
        app = {key: connection.settings_dict[key] for key in CONNECTION_KEYS}
        if (owner["NAME"], owner["HOST"], owner["PORT"]) != (app["NAME"], app["HOST"], app["PORT"]):
            raise CommandError(
                "MIGRATION_DATABASE_URL must name the same database as DATABASE_URL, with the "
                "owner's user and password."
            )
        connection.close()
        connection.settings_dict.update({key: owner[key] for key in CONNECTION_KEYS})
        try:
            super().handle(*args, **options)
            grant_app_role(connection, role=app["USER"], password=app["PASSWORD"])
        except RoleError as error:
            raise CommandError(str(error)) from error
        finally:
            connection.close()
            connection.settings_dict.update(app)
        if options["verbosity"]:
            self.stdout.write(
                f"The application's role {app['USER']} may read and add to the audit log, "
                "and change nothing in it."
            )
