"""Storage: one SQLite file through Peewee; rows, migrations, repositories and bulk load/merge."""
