"""Persistence: ORM tables, engine and sessions, migrations, backups, library seeding."""
