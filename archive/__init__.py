"""news-archive: the archive (SQLite store, ingest, CLI, Datasette publishing, demo site)."""

# The one version of the package: pyproject.toml, the crawler's User-Agent and `--version`
# read it here. The extraction rules have their own, EXTRACTOR_VERSION, recorded with each
# article: it says which rules extracted it, and moves only when they change.
__version__ = "0.2.0"
