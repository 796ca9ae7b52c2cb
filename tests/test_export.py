"""The weekly CSV export, read back as a spreadsheet user's script would read it."""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, text

from newsarchive import __version__
from newsarchive.export import (
    COLUMNS,
    EVENT_COLUMNS,
    ExportOptions,
    ExportResult,
    _selection,
    export_articles,
    last_complete_week,
    week_window,
    window_label,
)
from newsarchive.store.database import libpq_url, sqlalchemy_url
from tests.support import run_cli

WEEK = "2026-W47"
SINCE = datetime(2026, 11, 16, tzinfo=UTC)
UNTIL = datetime(2026, 11, 23, tzinfo=UTC)

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?q=1","Click, here")'
QUOTED_TITLE = 'Talks resume, "cautiously", in Geneva'
MULTILINE_TEXT = (
    'First paragraph, with a comma.\nSecond paragraph with "quotes".\r\n'
    "- a bullet line inside the body\nLast line"
)
DASH_TEXT = "-1 day to the deadline, officials said.\nSecond line"


@dataclass
class Story:
    """One article row to insert; the defaults make a relevant original in the week."""

    key: str
    outlet: str
    published_at: datetime | None
    title: str = "Defence ministers meet"
    text: str = "Body text."
    authors: list[str] = field(default_factory=lambda: ["Jane Doe"])
    section: str | None = "world"
    topics: list[str] = field(default_factory=lambda: ["alliances"])
    countries: list[str] = field(default_factory=lambda: ["US"])
    relevance: float | None = 0.85
    is_relevant: bool = True
    duplicate_of: str | None = None
    modified_at: datetime | None = None
    extractor_version: str = "3.1"


STORIES = [
    Story(
        "quoted",
        "bbc",
        datetime(2026, 11, 17, 9, 30, tzinfo=UTC),
        title=QUOTED_TITLE,
        text=MULTILINE_TEXT,
        authors=["@defence_desk", "Jane Doe"],
        topics=["arms_control", "alliances"],
        countries=["CH", "US"],
        modified_at=datetime(2026, 11, 17, 12, 0, 5, tzinfo=UTC),
    ),
    Story(
        "formula",
        "tass",
        datetime(2026, 11, 22, 23, 59, 59, tzinfo=UTC),
        title=FORMULA_TITLE,
        text=DASH_TEXT,
        topics=["sanctions"],
        extractor_version="3.2",
    ),
    Story(
        "first_moment",
        "defnews",
        SINCE,
        title="+40% procurement budget",
        section="\tDefence",
        topics=["arms_transfer"],
    ),
    Story("off_topic", "bbc", datetime(2026, 11, 18, tzinfo=UTC), relevance=0.1, is_relevant=False),
    Story("copy", "tass", datetime(2026, 11, 19, tzinfo=UTC), duplicate_of="quoted"),
    Story("next_week", "bbc", UNTIL),
    Story("last_week", "bbc", SINCE - timedelta(seconds=1)),
    Story("undated", "bbc", None),
]

OUTLETS = [
    ("bbc", "BBC News", "GB"),
    ("tass", "TASS", "RU"),
    ("defnews", "Defense News, Inc.", "US"),
]


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    """Insert the outlets and stories; return article ids by story key."""
    inserted: dict[str, int] = {}
    with engine.begin() as conn:
        outlet_ids = {
            slug: conn.execute(
                text(
                    "INSERT INTO outlets (slug, name, country, language, kind)"
                    " VALUES (:slug, :name, :country, 'en', 'newspaper') RETURNING id"
                ),
                {"slug": slug, "name": name, "country": country},
            ).scalar_one()
            for slug, name, country in OUTLETS
        }
        for story in STORIES:
            inserted[story.key] = conn.execute(
                text(
                    "INSERT INTO articles (outlet_id, url, original_url, final_url, title,"
                    " authors, published_at, published_source, modified_at, language, section,"
                    " text, word_count, content_hash, simhash, extractor_version, topics,"
                    " countries, relevance, is_relevant, duplicate_of)"
                    " VALUES (:outlet_id, :url, :url, :url, :title, :authors, :published_at,"
                    " 'json_ld', :modified_at, 'en', :section, :text, :word_count, :hash, 0,"
                    " :extractor_version, :topics, :countries, :relevance, :is_relevant,"
                    " :duplicate_of) RETURNING id"
                ),
                {
                    "outlet_id": outlet_ids[story.outlet],
                    "url": f"https://{story.outlet}.example/{story.key}",
                    "title": story.title,
                    "authors": story.authors,
                    "published_at": story.published_at,
                    "modified_at": story.modified_at,
                    "section": story.section,
                    "text": story.text,
                    "word_count": len(story.text.split()),
                    "hash": hashlib.sha256(story.text.encode()).hexdigest(),
                    "extractor_version": story.extractor_version,
                    "topics": story.topics,
                    "countries": story.countries,
                    "relevance": story.relevance,
                    "is_relevant": story.is_relevant,
                    "duplicate_of": inserted[story.duplicate_of] if story.duplicate_of else None,
                },
            ).scalar_one()
    return inserted


def export(database_url: str, tmp_path: Path, **options: Any) -> ExportResult:
    options.setdefault("output", tmp_path / "export.csv")
    return export_articles(database_url, ExportOptions(since=SINCE, until=UNTIL, **options))


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as csv_file:
        reader = csv.reader(csv_file)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def exported_keys(path: Path, ids: dict[str, int]) -> list[str]:
    keys_by_id = {str(article_id): key for key, article_id in ids.items()}
    return [keys_by_id[row["article_id"]] for row in read_rows(path)[1]]


def by_key(path: Path, ids: dict[str, int]) -> dict[str, dict[str, str]]:
    keys_by_id = {str(article_id): key for key, article_id in ids.items()}
    return {keys_by_id[row["article_id"]]: row for row in read_rows(path)[1]}


def test_the_file_starts_with_a_bom_and_the_header_is_exactly_the_documented_columns(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export(database_url, tmp_path)
    assert result.path.read_bytes().startswith(b"\xef\xbb\xbfarticle_id,outlet,")
    header, _ = read_rows(result.path)
    assert header == list(COLUMNS)
    assert list(COLUMNS) == [
        "article_id", "outlet", "outlet_name", "outlet_country", "url", "title", "authors",
        "published_at", "published_source", "modified_at", "language", "section", "topics",
        "countries", "relevance", "quality_flags", "duplicate_of", "story_id", "word_count", "text",
        "published_on", "published_precision", "published_utc_offset",
    ]  # fmt: skip
    documented = (Path(__file__).parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in documented


def test_by_default_only_relevant_originals_published_in_the_window_are_exported_in_date_order(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export(database_url, tmp_path)
    assert exported_keys(result.path, ids) == ["first_moment", "quoted", "formula"]
    assert (result.rows, result.outlets) == (3, 3)
    assert result.first_published == SINCE
    assert result.last_published == datetime(2026, 11, 22, 23, 59, 59, tzinfo=UTC)


def test_all_adds_off_topic_articles_and_duplicates_but_keeps_the_window(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export(database_url, tmp_path, include_all=True)
    assert exported_keys(result.path, ids) == [
        "first_moment",
        "quoted",
        "off_topic",
        "copy",
        "formula",
    ]
    rows = by_key(result.path, ids)
    assert rows["copy"]["duplicate_of"] == str(ids["quoted"])
    assert rows["off_topic"]["relevance"] == "0.1"


def test_outlet_and_topic_filters_narrow_the_selection(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    bbc = export(database_url, tmp_path, outlets=("bbc",), output=tmp_path / "bbc.csv")
    assert exported_keys(bbc.path, ids) == ["quoted"]
    bbc_all = export(
        database_url, tmp_path, outlets=("bbc",), include_all=True, output=tmp_path / "all.csv"
    )
    assert exported_keys(bbc_all.path, ids) == ["quoted", "off_topic"]
    topics = export(
        database_url, tmp_path, topics=("sanctions", "arms_transfer"), output=tmp_path / "t.csv"
    )
    assert exported_keys(topics.path, ids) == ["first_moment", "formula"]
    both = export(
        database_url,
        tmp_path,
        outlets=("tass", "bbc"),
        topics=("arms_control",),
        output=tmp_path / "both.csv",
    )
    assert exported_keys(both.path, ids) == ["quoted"]


def test_an_unknown_outlet_is_an_error_rather_than_an_empty_export(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"no outlet bbcc in the archive; outlets: .*bbc"):
        export(database_url, tmp_path, outlets=("bbc", "bbcc"))
    assert list(tmp_path.iterdir()) == []


def test_commas_quotes_and_newlines_round_trip_through_csv_quoting(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    row = by_key(export(database_url, tmp_path).path, ids)["quoted"]
    assert row["title"] == QUOTED_TITLE
    assert row["text"] == MULTILINE_TEXT
    assert row["outlet"] == "bbc"
    assert row["outlet_name"] == "BBC News"
    assert row["outlet_country"] == "GB"
    assert row["url"] == "https://bbc.example/quoted"
    assert row["topics"] == "arms_control; alliances"
    assert row["countries"] == "CH; US"
    assert row["published_at"] == "2026-11-17T09:30:00Z"
    assert row["modified_at"] == "2026-11-17T12:00:05Z"
    assert row["published_source"] == "json_ld"
    assert row["relevance"] == "0.85"
    assert row["duplicate_of"] == ""
    assert row["word_count"] == str(len(MULTILINE_TEXT.split()))
    defnews = by_key(export(database_url, tmp_path, output=tmp_path / "b.csv").path, ids)
    assert defnews["first_moment"]["outlet_name"] == "Defense News, Inc."


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised_in_the_file_only(
    database_url: str, engine: Engine, ids: dict[str, int], tmp_path: Path
) -> None:
    rows = by_key(export(database_url, tmp_path).path, ids)
    assert rows["formula"]["title"] == "'" + FORMULA_TITLE
    assert rows["formula"]["text"] == "'" + DASH_TEXT
    assert rows["quoted"]["authors"] == "'@defence_desk; Jane Doe"
    assert rows["first_moment"]["title"] == "'+40% procurement budget"
    assert rows["first_moment"]["section"] == "'\tDefence"
    # Only the start of a cell matters to a spreadsheet: a dash later in the body stays.
    assert "\n- a bullet line" in rows["quoted"]["text"]
    assert rows["quoted"]["section"] == "world"
    with engine.connect() as conn:
        title, body = conn.execute(
            text("SELECT title, text FROM articles WHERE id = :id"), {"id": ids["formula"]}
        ).one()
    assert (title, body) == (FORMULA_TITLE, DASH_TEXT)


def test_no_text_keeps_the_text_column_but_empties_it(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export(database_url, tmp_path, with_text=False)
    header, rows = read_rows(result.path)
    assert header == list(COLUMNS)
    assert len(rows) == 3
    assert {row["text"] for row in rows} == {""}
    assert {row["title"] for row in rows} >= {QUOTED_TITLE}


def test_the_manifest_matches_the_file_it_describes(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export(database_url, tmp_path, topics=("sanctions", "arms_control"), label=WEEK)
    assert result.manifest_path == tmp_path / "export.manifest.json"
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    data = result.path.read_bytes()
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest() == result.sha256
    assert manifest["rows"] == len(read_rows(result.path)[1]) == result.rows == 2
    assert manifest["file"] == "export.csv"
    assert manifest["window"] == {
        "label": WEEK,
        "since": "2026-11-16T00:00:00Z",
        "until": "2026-11-23T00:00:00Z",
    }
    assert manifest["filters"] == {
        "outlets": [],
        "topics": ["sanctions", "arms_control"],
        "include_all": False,
        "with_text": True,
    }
    assert manifest["extractor_versions"] == ["3.1", "3.2"]
    assert manifest["newsarchive_version"] == __version__
    assert manifest["columns"] == list(COLUMNS)
    created = datetime.fromisoformat(manifest["created_at"])
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "export.csv",
        "export.events.csv",
        "export.manifest.json",
    ]
    events = manifest["events"]
    assert events["file"] == "export.events.csv" and events["columns"] == list(EVENT_COLUMNS)
    data = (tmp_path / "export.events.csv").read_bytes()
    assert events["sha256"] == hashlib.sha256(data).hexdigest()
    assert events["rows"] == result.events == 0  # these rows were stored without analysis


def test_the_default_file_name_carries_the_window_label(
    database_url: str, ids: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = export(database_url, tmp_path, output=None)
    assert result.path == tmp_path / "newsarchive-2026-W47.csv"
    assert result.manifest_path == tmp_path / "newsarchive-2026-W47.manifest.json"
    assert result.manifest_path.exists()
    into_directory = export(database_url, tmp_path, output=tmp_path, label="weekly")
    assert into_directory.path == tmp_path / "newsarchive-weekly.csv"
    assert "3 articles from 3 outlets" in into_directory.describe()
    assert str(into_directory.path) in into_directory.describe()
    assert "2026-11-16T00:00:00Z .. 2026-11-22T23:59:59Z" in into_directory.describe()


def test_an_empty_window_still_writes_the_header_and_a_manifest(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    result = export_articles(
        database_url,
        ExportOptions(*week_window("2027-W01"), output=tmp_path / "empty.csv"),
    )
    assert read_rows(result.path) == (list(COLUMNS), [])
    assert (result.rows, result.outlets, result.first_published) == (0, 0, None)
    assert "0 articles" in result.describe()
    assert json.loads(result.manifest_path.read_text())["extractor_versions"] == []


def test_iso_weeks_map_to_monday_to_monday_windows_in_utc() -> None:
    assert week_window("2026-W47") == (SINCE, UNTIL)
    assert week_window("2026-W53") == (
        datetime(2026, 12, 28, tzinfo=UTC),
        datetime(2027, 1, 4, tzinfo=UTC),
    )
    for bad in ("2025-W53", "2026-W00", "2026-47", "last week"):
        with pytest.raises(ValueError):
            week_window(bad)
    assert window_label(SINCE, UNTIL) == WEEK
    assert window_label(SINCE, SINCE + timedelta(days=1)) == "2026-11-16_2026-11-17"


def test_the_last_complete_week_is_the_one_before_the_current_week() -> None:
    assert last_complete_week(datetime(2026, 11, 24, tzinfo=UTC)) == "2026-W47"
    assert last_complete_week(datetime(2026, 11, 23, tzinfo=UTC)) == "2026-W47"
    assert last_complete_week(datetime(2026, 11, 22, 23, 59, tzinfo=UTC)) == "2026-W46"
    assert last_complete_week(datetime(2027, 1, 5, 8, tzinfo=UTC)) == "2026-W53"
    # Monday morning in Tokyo is still Sunday in UTC: the week has not ended yet.
    tokyo = timezone(timedelta(hours=9))
    assert last_complete_week(datetime(2026, 11, 23, 8, tzinfo=tokyo)) == "2026-W46"
    with pytest.raises(ValueError, match="timezone-aware"):
        last_complete_week(datetime(2026, 11, 24))


def test_a_naive_or_reversed_window_is_refused(database_url: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        export_articles(
            database_url, ExportOptions(since=datetime(2026, 11, 16), until=UNTIL, output=tmp_path)
        )
    with pytest.raises(ValueError, match="empty window"):
        export_articles(database_url, ExportOptions(since=UNTIL, until=SINCE, output=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_an_export_into_a_missing_directory_fails_and_leaves_nothing(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(FileNotFoundError):
        export(database_url, tmp_path, output=tmp_path / "missing" / "export.csv")
    assert list(tmp_path.iterdir()) == []


def test_an_export_from_an_unreachable_database_fails_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(psycopg.OperationalError):
        export_articles(
            "postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=3",
            ExportOptions(since=SINCE, until=UNTIL, output=tmp_path / "export.csv"),
        )
    assert list(tmp_path.iterdir()) == []


def test_a_manifest_that_cannot_be_written_takes_the_csv_back_with_it(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    # A directory squatting on the manifest's name makes its final rename fail.
    (tmp_path / "export.manifest.json").mkdir()
    with pytest.raises(OSError):
        export(database_url, tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["export.manifest.json"]
    assert list((tmp_path / "export.manifest.json").iterdir()) == []


def test_the_export_command_writes_the_week_and_prints_a_one_line_summary(
    database_url: str, ids: dict[str, int], tmp_path: Path
) -> None:
    output = tmp_path / "week.csv"
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}

    result = run_cli("export", "--week", "2026-W47", "--output", str(output), env=env)

    assert result.returncode == 0, result.stderr[-2000:]
    expected = export(database_url, tmp_path, output=tmp_path / "library.csv")
    [summary] = result.stdout.strip().splitlines()
    assert summary.startswith(f"{expected.rows} articles from {expected.outlets} outlets (")
    assert summary.endswith(f"written to {output}")
    assert read_rows(output) == read_rows(tmp_path / "library.csv")
    assert (tmp_path / "week.manifest.json").exists()


def test_the_export_command_refuses_a_bad_week_and_fails_on_a_dead_database(
    tmp_path: Path,
) -> None:
    bad = run_cli("export", "--week", "2026-47", env={"NEWSARCHIVE_HOME": str(tmp_path)})
    assert bad.returncode == 2 and "ISO week" in bad.stderr
    dead = run_cli(
        "export",
        "--week",
        "2026-W47",
        "--output",
        str(tmp_path / "x.csv"),
        env={
            "DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/none",
            "NEWSARCHIVE_HOME": str(tmp_path),
        },
    )
    assert dead.returncode == 1
    assert not (tmp_path / "x.csv").exists()


def test_a_week_of_whole_days_is_selected_through_the_outlet_day_index(
    database_url: str, ids: dict[str, int]
) -> None:
    """The week's selection must match ix_articles_outlet_day's expression exactly: otherwise
    every weekly export reads the whole archive (a second at a million articles)."""
    since, until = week_window(WEEK)
    where = _selection(ExportOptions(since=since, until=until), since, until)
    query = sql.SQL(
        "EXPLAIN (FORMAT json) SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id "
        "WHERE {}"
    ).format(where)
    with psycopg.connect(libpq_url(sqlalchemy_url(database_url))) as conn:
        conn.execute("SET enable_seqscan = off")  # a handful of rows: force the choice
        plan = json.dumps(conn.execute(query).fetchone())
    assert '"Index Name": "ix_articles_outlet_day"' in plan
