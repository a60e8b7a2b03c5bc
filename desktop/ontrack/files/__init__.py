"""Files outside the database: where the data file lives by default (`paths`), where the
bundled resources are (`resources`), and how a file is written whole or not at all
(`atomic`). The package imports nothing itself, so the Qt-free layers may use `atomic` and
`resources` without loading Qt (`paths` uses QtCore)."""
