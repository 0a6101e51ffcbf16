"""The sites commands and the sites file: add, edit, remove, list, export and import, checked
input with one clear line for each mistake, and schedules read as cron reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from archive.cli import cli
from archive.publish import datasette_metadata
from archive.sites.timing import Timing, TimingError, parse_every
from archive.store import open_archive
from archive.store.sites import list_sites
from tests.crawling import rows

RULES = Path(__file__).parent / "fixtures" / "rules" / "phnompenhpost.toml"


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["sites", *args, "--db", str(db)])


def _sites(db: Path) -> list[dict]:
    return rows(db, "select * from sites order by name")


def _table(db: Path) -> list[dict]:
    """The sites' definitions, without the timestamps of when they were added or changed."""
    return [{k: v for k, v in row.items() if k not in {"added", "changed"}} for row in _sites(db)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    assert _run(path, "add", "https://www.example-news.com/", "--every", "30m").exit_code == 0
    added = _run(
        path, "add", "http://127.0.0.1:8080/news", "--name", "local", "--cron", "0 */2 * * *",
        "--feed", "http://127.0.0.1:8080/rss.xml", "--sitemap", "http://127.0.0.1:8080/sm.xml",
        "--rules", str(RULES), "--max-pages", "500", "--depth", "2",
        "-s", "DOWNLOAD_DELAY=2", "-s", "ROBOTSTXT_OBEY=False",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    return path


def test_add_stores_every_field(db: Path) -> None:
    example, local = _sites(db)
    assert (example["name"], example["every"], example["cron"]) == ("example-news.com", "30m", None)
    assert local["url"] == "http://127.0.0.1:8080/news"
    assert local["feeds"] == '["http://127.0.0.1:8080/rss.xml"]'
    assert (local["cron"], local["every"], local["max_pages"], local["depth"]) == (
        "0 */2 * * *", None, 500, 2,
    )  # fmt: skip
    assert local["rules"] == str(RULES.resolve())
    assert local["settings"] == '{"DOWNLOAD_DELAY": "2", "ROBOTSTXT_OBEY": "False"}'


def test_a_site_without_a_schedule_is_crawled_daily(tmp_path: Path) -> None:
    result = _run(tmp_path / "a.db", "add", "https://news.example.org:8443/")
    assert (
        result.output == "added news.example.org-8443: https://news.example.org:8443/, every 1d\n"
    )


def test_edit_changes_only_what_it_is_given(db: Path) -> None:
    result = _run(db, "edit", "local", "--every", "2h", "--feed", "http://127.0.0.1:8080/atom",
                  "--unset", "ROBOTSTXT_OBEY", "--no-rules", "--name", "renamed")  # fmt: skip
    assert result.exit_code == 0, result.output
    (row,) = [r for r in _sites(db) if r["name"] == "renamed"]
    assert (row["every"], row["cron"], row["rules"]) == ("2h", None, None)
    assert row["feeds"] == '["http://127.0.0.1:8080/atom"]'
    assert row["sitemaps"] == '["http://127.0.0.1:8080/sm.xml"]' and row["max_pages"] == 500
    assert row["settings"] == '{"DOWNLOAD_DELAY": "2"}'


def test_remove_keeps_the_sites_crawls(db: Path) -> None:
    archive = open_archive(db)
    archive.execute("insert into crawls (site, status, site_id) values ('x', 'finished', 1)")
    archive.conn.commit()
    assert _run(db, "remove", "example-news.com").output == "removed example-news.com\n"
    assert [r["name"] for r in _sites(db)] == ["local"]
    assert rows(db, "select site, site_id from crawls") == [{"site": "x", "site_id": None}]


def test_list_shows_schedules_and_due_times(db: Path) -> None:
    result = _run(db, "list")
    assert result.exit_code == 0
    assert "every 30m" in result.output and "cron 0 */2 * * *" in result.output
    listed = CliRunner().invoke(cli, ["sites", "list", "--json", "--db", str(db)])
    assert '"next_due": null' in listed.output  # never run: due at once


def test_export_then_import_round_trips(db: Path, tmp_path: Path) -> None:
    sites_file = tmp_path / "sites.toml"
    assert _run(db, "export", str(sites_file)).exit_code == 0
    text = sites_file.read_text(encoding="utf-8")
    assert "[sites.local]" in text and 'cron = "0 */2 * * *"' in text
    copy = tmp_path / "copy.db"
    assert _run(copy, "import", str(sites_file)).output == "2 added, 0 changed, 0 unchanged\n"
    assert _table(copy) == _table(db)
    assert _run(copy, "import", str(sites_file)).output == "0 added, 0 changed, 2 unchanged\n"
    assert _table(copy) == _table(db), "the same file twice gives the same table"
    again = tmp_path / "again.toml"
    _run(copy, "export", str(again))
    assert again.read_text(encoding="utf-8") == text


def test_import_reads_rules_paths_from_the_files_folder(tmp_path: Path) -> None:
    folder = tmp_path / "collection"
    (folder / "rules").mkdir(parents=True)
    (folder / "rules" / "site.toml").write_bytes(RULES.read_bytes())
    (folder / "sites.toml").write_text(
        '[sites."one"]\nurl = "https://one.example/"\nrules = "rules/site.toml"\nevery = "1h"\n'
        '[sites."two"]\nurl = "https://two.example/"\nsettings = { DOWNLOAD_DELAY = 1.5 }\n',
        encoding="utf-8",
    )
    db = tmp_path / "a.db"
    assert _run(db, "import", str(folder / "sites.toml")).exit_code == 0
    one, two = list_sites(open_archive(db))
    assert one.site.rules == str(folder / "rules" / "site.toml")
    assert (two.site.every, two.site.settings) == ("1d", {"DOWNLOAD_DELAY": 1.5})
    _run(db, "export", str(folder / "out.toml"))
    assert 'rules = "rules/site.toml"' in (folder / "out.toml").read_text(encoding="utf-8")


def test_import_prune_removes_the_sites_the_file_leaves_out(db: Path, tmp_path: Path) -> None:
    sites_file = tmp_path / "sites.toml"
    sites_file.write_text('[sites."local"]\nurl = "http://127.0.0.1:8080/news"\n', "utf-8")
    result = _run(db, "import", str(sites_file), "--prune")
    assert result.output == "0 added, 1 changed, 0 unchanged, 1 removed\n"
    assert [r["name"] for r in _sites(db)] == ["local"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--cron", "0 3 * * 8"], "cron '0 3 * * 8' is not valid"),
        (["--cron", "0 3 * *"], "cron '0 3 * *' needs 5 fields"),
        (["--cron", "0 0 30 2 *"], "cron '0 0 30 2 *' never comes"),
        (["--every", "5x"], "every '5x' is not an interval"),
        (["--every", "0s"], "the interval must be at least 1s"),
        (["--every", "1h", "--cron", "@daily"], "give every or cron, not both"),
        (["-s", "DOWNLOAD_DELAY=soon"], "setting DOWNLOAD_DELAY='soon' is not valid"),
        (["-s", "JOBDIR=/tmp/x"], "JOBDIR cannot be set here"),
        (["--name", "a/b"], "the name may hold only letters"),
        (["--feed", "ftp://x.org/rss"], "feeds: 'ftp://x.org/rss' is not an http(s) URL"),
    ],
)
def test_bad_input_is_refused_with_one_clear_line(
    tmp_path: Path, options: list[str], message: str
) -> None:
    result = _run(tmp_path / "a.db", "add", "https://x.org/", *options)
    assert result.exit_code == 2
    (error,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert message in error
    assert list_sites(open_archive(tmp_path / "a.db")) == []


def test_unknown_sites_are_named(db: Path) -> None:
    for verb in ("edit", "remove"):
        result = _run(db, verb, "nowhere")
        assert result.exit_code == 1
        assert result.output == "Error: no site named 'nowhere' (see: news-archive sites list)\n"
    result = _run(db, "add", "https://www.example-news.com/")
    assert result.exit_code == 1 and "a site named 'example-news.com' exists" in result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[sites."a"\nurl = 1', "not valid TOML"),
        ('[sites."a"]\nurl = "https://a.example/"\nevery = "often"\n', "site 'a': every 'often'"),
        ('[sites."a"]\nurl = "https://a.example/"\n[sites."b"]\nurl = "x"\n', "site 'b': url:"),
        ('[sites."a"]\nurl = "https://a.example/"\ndepht = 2\n', "site 'a': unknown key 'depht'"),
        ('[sites."a"]\nfeeds = []\n', "site 'a': url is missing"),
        ('[site."a"]\nurl = "https://a.example/"\n', "unknown table 'site'"),
        ('[sites."a"]\nurl = "https://a.example/"\nmax_pages = "9"\n', "site 'a': max_pages:"),
    ],
)
def test_a_bad_sites_file_names_the_entry_and_changes_nothing(
    db: Path, tmp_path: Path, text: str, message: str
) -> None:
    sites_file = tmp_path / "bad.toml"
    sites_file.write_text(text, encoding="utf-8")
    before = _sites(db)
    result = _run(db, "import", str(sites_file))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {sites_file}: ") and message in result.output
    assert len(result.output.splitlines()) == 1
    assert _sites(db) == before


def test_intervals() -> None:
    assert parse_every("1h30m") == timedelta(hours=1, minutes=30)
    assert parse_every("2s") == timedelta(seconds=2)
    with pytest.raises(TimingError):
        parse_every("30")
    assert Timing.of("90m", None).describe() == "every 1h30m"


def test_cron_weekdays_are_crons_own() -> None:
    # 2026-03-14 is a Saturday; "1" is Monday in crontab (APScheduler 3 would say Tuesday).
    saturday = datetime(2026, 3, 14, 12, tzinfo=UTC)
    monday = Timing.of(None, "0 3 * * 1").next_after(saturday)
    assert monday.astimezone().strftime("%A %H:%M") == "Monday 03:00"
    sunday = Timing.of(None, "0 3 * * 0").next_after(saturday)
    assert sunday.astimezone().strftime("%A") == "Sunday"


def test_missed_runs_are_counted_for_coalescing() -> None:
    last = datetime(2026, 3, 14, 12, tzinfo=UTC)
    assert Timing.of("30m", None).missed(last, last + timedelta(hours=2, minutes=5)) == 4
    hourly = Timing.of(None, "0 * * * *")
    assert hourly.missed(last, last + timedelta(hours=5, minutes=1)) == 5
    assert hourly.next_after(last + timedelta(hours=5, minutes=1)) == last + timedelta(hours=6)


def test_datasette_describes_the_sites_table_and_the_crawls_link(db: Path) -> None:
    tables = datasette_metadata(db)["databases"]["archive"]["tables"]
    for name in ("sites", "crawls"):
        columns = {
            column["name"] for column in rows(db, f"select name from pragma_table_info('{name}')")
        }
        assert columns - {"id"} - set(tables[name]["columns"]) == set(), name
    assert tables["sites"]["description"]
