"""Publication dates as the outlet wrote them: its calendar day, its UTC offset, the precision.

Pages state a date in one of three ways: an instant with an offset ("00:30+01:00"), a wall-clock
time with none ("2025-12-05 18:30", read in the outlet's registry zone when it has one) or a bare
day. The archive keeps the instant in UTC beside the outlet's day, offset and precision, and
counts days (daily_counts, export) by the outlet's day.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from newsarchive.export import ExportOptions, export_articles, week_window
from newsarchive.extract import ArticleRecord, OutletFacts, extract_article
from newsarchive.extract.dates import DateFinding, published_date
from newsarchive.store.database import downgrade_database, make_engine, upgrade_database

STORY = " ".join(
    [
        "The defence ministry confirmed on Friday that two frigates would join the allied task",
        "force in the eastern Mediterranean next month, after parliament approved the mission in",
        "a late-night vote. The ships will escort merchant convoys and take part in air defence",
        "exercises with partner navies, the ministry said in a statement. Opposition deputies",
        "asked for the cost of the deployment to be published and for a debate before any",
        "extension of the mandate beyond six months. The government said the budget would be",
        "presented to the defence committee next week, together with the rules of engagement.",
    ]
)


def page(head: str, byline: str = "") -> str:
    """A news article template: dates only where `head` and `byline` put them."""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Frigates to join allied task force | Harbour Post</title>
<meta property="og:type" content="article">
{head}
</head><body><header><a href="/">Harbour Post</a></header>
<article><h1>Frigates to join allied task force</h1>
<div class="byline">{byline}</div>
<p>{STORY}</p><p>{STORY}</p>
</article><footer>© Harbour Post</footer></body></html>"""


URL = "https://harbourpost.example/defence/frigates-task-force"
NOW = datetime(2025, 12, 8, tzinfo=UTC)


def extract(html: str, outlet: OutletFacts | None = None) -> ArticleRecord:
    record = extract_article(html, URL, now=NOW, outlet=outlet)
    assert isinstance(record, ArticleRecord), record
    return record


def test_just_after_midnight_with_an_offset_keeps_the_outlets_day() -> None:
    """00:30 in Paris is 23:30 UTC the day before: the outlet's day is the 5th."""
    record = extract(
        page('<meta property="article:published_time" content="2025-12-05T00:30:00+01:00">')
    )

    assert record.published_at == datetime(2025, 12, 4, 23, 30, tzinfo=UTC)
    assert record.published_offset == timedelta(hours=1)
    assert record.published_on == date(2025, 12, 5)
    assert record.published_precision == "minute"


def test_a_bare_day_is_a_day_not_midnight_utc() -> None:
    head = """<script type="application/ld+json">{"@context": "https://schema.org",
"@type": "NewsArticle", "headline": "Frigates to join allied task force",
"datePublished": "2025-12-05"}</script>"""

    record = extract(page(head))

    assert record.published_precision == "day"
    assert record.published_on == date(2025, 12, 5)
    assert record.published_offset is None


def test_a_time_without_offset_is_read_in_the_outlets_registry_zone() -> None:
    html = page('<meta property="article:published_time" content="2025-12-05T08:15:42">')

    unknown = extract(html)
    tokyo = extract(html, OutletFacts(timezone="Asia/Tokyo"))

    assert unknown.published_at == datetime(2025, 12, 5, 8, 15, 42, tzinfo=UTC)
    assert unknown.published_offset is None
    assert unknown.published_on == date(2025, 12, 5)
    assert tokyo.published_at == datetime(2025, 12, 4, 23, 15, 42, tzinfo=UTC)
    assert tokyo.published_offset == timedelta(hours=9)
    assert tokyo.published_on == date(2025, 12, 5)
    assert tokyo.published_precision == "second"


def test_an_instant_given_in_utc_is_dated_on_the_outlets_calendar() -> None:
    """The markup says 23:30Z; for an outlet in Paris (winter, +01:00) that is the next day."""
    html = page('<meta property="article:published_time" content="2025-12-05T23:30:00Z">')

    record = extract(html, OutletFacts(timezone="Europe/Paris"))

    assert record.published_at == datetime(2025, 12, 5, 23, 30, tzinfo=UTC)
    assert record.published_offset == timedelta(hours=1)
    assert record.published_on == date(2025, 12, 6)


@pytest.mark.parametrize(
    ("value", "source", "zone", "expected"),
    [
        # A summer date in New York: the zone's offset of that day (-04:00), not of today.
        (
            datetime(2025, 7, 4, 21, 0),
            "meta",
            "America/New_York",
            (
                datetime(2025, 7, 5, 1, 0, tzinfo=UTC),
                timedelta(hours=-4),
                "minute",
                date(2025, 7, 4),
            ),
        ),
        # A bare day stays that day, whatever the zone: its instant is the zone's midnight.
        (
            datetime(2025, 7, 4),
            "json_ld",
            "Asia/Kolkata",
            (datetime(2025, 7, 3, 18, 30, tzinfo=UTC), None, "day", date(2025, 7, 4)),
        ),
        # A date read from the URL is a day even if the parser gave it a time.
        (
            datetime(2025, 7, 4, 12, 0),
            "url",
            None,
            (datetime(2025, 7, 4, 12, 0, tzinfo=UTC), None, "day", date(2025, 7, 4)),
        ),
    ],
)
def test_published_date_in_the_outlets_terms(
    value: datetime,
    source: str,
    zone: str | None,
    expected: tuple[datetime, timedelta | None, str, date],
) -> None:
    found = published_date(DateFinding(value, source), zone)

    assert (found.at, found.offset, found.precision, found.on) == expected


def _insert(conn: object, published_at: datetime, source: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO articles (outlet_id, url, original_url, final_url, title, published_at,"
            " published_source, text, word_count, content_hash, simhash, extractor_version,"
            " topics, is_relevant)"
            " VALUES (1, :url, :url, :url, 'Frigates', :published_at, :source, 'x', 1, :url, 0,"
            " 'old', '{}', true)"
        ),
        {
            "url": f"https://harbourpost.example/{published_at:%H%M%S}",
            "published_at": published_at,
            "source": source,
        },
    )


def test_migration_dates_stored_articles_and_daily_counts_count_the_outlets_day(
    database_url: str, tmp_path: Path
) -> None:
    """Rows stored before the columns existed get their UTC day and a precision read from
    published_at; a re-extraction then writes the outlet's day, which daily_counts and the
    export count by."""
    downgrade_database(database_url, "0010")
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO outlets (slug, name, language, kind)"
                    " VALUES ('harbour_post', 'Harbour Post', 'en', 'newspaper')"
                )
            )
            _insert(conn, datetime(2025, 12, 7, 23, 30, tzinfo=UTC), "meta")
            _insert(conn, datetime(2025, 12, 8, 0, 0, tzinfo=UTC), "url")
            _insert(conn, datetime(2025, 12, 8, 9, 15, 12, tzinfo=UTC), "json_ld")
        upgrade_database(database_url)
        with engine.begin() as conn:
            filled = conn.execute(
                text(
                    "SELECT published_on, published_precision, published_utc_offset"
                    " FROM articles ORDER BY published_at"
                )
            ).all()
            assert [tuple(row) for row in filled] == [
                (date(2025, 12, 7), "minute", None),
                (date(2025, 12, 8), "day", None),
                (date(2025, 12, 8), "second", None),
            ]
            # What reextract writes for the first story once its page says 00:30+01:00.
            conn.execute(
                text(
                    "UPDATE articles SET published_on = '2025-12-08', published_utc_offset = 60"
                    " WHERE published_at = '2025-12-07T23:30:00Z'"
                )
            )
            counts = conn.execute(text("SELECT day, articles FROM daily_counts ORDER BY day")).all()
        assert [tuple(row) for row in counts] == [(date(2025, 12, 8), 3)]
    finally:
        engine.dispose()

    since, until = week_window("2025-W50")  # Monday 8 December
    result = export_articles(
        database_url,
        ExportOptions(since=since, until=until, output=tmp_path / "week.csv", include_all=True),
    )
    lines = result.path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:]]
    assert result.rows == 3
    assert [(r["published_at"], r["published_on"], r["published_utc_offset"]) for r in rows] == [
        ("2025-12-07T23:30:00Z", "2025-12-08", "60"),
        ("2025-12-08", "2025-12-08", ""),
        ("2025-12-08T09:15:12Z", "2025-12-08", ""),
    ]
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["rows"] == 3


#: A News Corp Australia page: the JSON-LD writes the Brisbane wall clock with a "Z", the meta
#: tag the true instant (07:25 AEST on the 25th is 21:25 UTC on the 24th).
COURIER_MAIL_HEAD = """<meta property="article:published_time" content="2020-04-24T21:25:06+00:00">
<script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle",
"headline": "Frigates to join allied task force", "datePublished": "2020-04-25T07:25:06Z",
"dateModified": "2020-04-25T07:25:45Z"}</script>"""


def test_a_json_ld_wall_clock_labelled_utc_gives_way_to_the_meta_in_the_outlets_zone() -> None:
    html = page(COURIER_MAIL_HEAD)

    record = extract(html, OutletFacts(timezone="Australia/Brisbane"))

    assert record.published_source == "meta"
    assert record.published_at == datetime(2020, 4, 24, 21, 25, 6, tzinfo=UTC)
    assert record.published_on == date(2020, 4, 25)
    assert record.published_offset == timedelta(hours=10)


def test_without_a_zone_or_with_another_the_json_ld_date_stands() -> None:
    # Nothing on the page says which of the two is the wall clock: the JSON-LD is kept.
    unknown = extract(page(COURIER_MAIL_HEAD))
    assert unknown.published_source == "json_ld"
    assert unknown.published_at == datetime(2020, 4, 25, 7, 25, 6, tzinfo=UTC)

    # A recipe blog in New York the other way round: its meta tag is the wall clock (10:00
    # EDT labelled +00:00), its JSON-LD the instant (14:00 UTC), which stays.
    head = """<meta property="article:published_time" content="2021-07-12T10:00:00+00:00">
<script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle",
"datePublished": "2021-07-12T14:00:00Z"}</script>"""
    record = extract(page(head), OutletFacts(timezone="America/New_York"))
    assert record.published_source == "json_ld"
    assert record.published_at == datetime(2021, 7, 12, 14, 0, tzinfo=UTC)
    assert record.published_on == date(2021, 7, 12)
