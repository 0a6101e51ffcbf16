"""news-archive: the archive (SQLite store, search, CLI, Datasette publishing, demo site)."""
