"""Every example query in docs/queries.md runs on the fixture archive and returns what it says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from newsarchive.store.database import make_engine
from tests.conftest import PostgresServer, fresh_database
from tests.fixtureweb import FixtureWeb
from tests.support import run_cli

QUERIES_MD = Path(__file__).resolve().parent.parent / "docs" / "queries.md"


def documented_queries() -> list[tuple[str, str]]:
    """(heading, SQL) for each example, in document order."""
    sections = re.split(r"^### ", QUERIES_MD.read_text(encoding="utf-8"), flags=re.M)[1:]
    found = []
    for section in sections:
        heading = section.splitlines()[0].strip()
        match = re.search(r"```sql\n(.*?)```", section, flags=re.S)
        assert match, f"no SQL block under {heading!r}"
        found.append((heading, match.group(1).strip()))
    return found


QUERIES = documented_queries()


@pytest.fixture(scope="module")
def archive_url(
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("queries")
    with FixtureWeb() as web, fresh_database(postgres_server, migrated_template) as url:
        registry = web.write_registry(tmp / "outlets.toml")
        result = run_cli(
            "crawl",
            "--registry",
            str(registry),
            "-s",
            "DOWNLOAD_DELAY=0.05",
            env={"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(tmp)},
        )
        assert result.returncode == 0, result.stderr[-2000:]
        yield url


def run(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql.rstrip(";")))]
    finally:
        engine.dispose()


def test_the_document_has_at_least_ten_queries() -> None:
    assert len(QUERIES) >= 10


@pytest.mark.parametrize(("heading", "sql"), QUERIES, ids=[h.split(".")[0] for h, _ in QUERIES])
def test_documented_query_returns_the_expected_rows(
    archive_url: str, heading: str, sql: str
) -> None:
    number = int(heading.split(".")[0])
    if "pg_trgm" in heading and not run(
        archive_url, "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"
    ):
        pytest.skip("this server has no pg_trgm (the embedded server ships no contrib)")
    rows = run(archive_url, sql)
    assert [tuple(map(_plain, row)) for row in rows] == EXPECTED[number]


def _plain(value: Any) -> Any:
    """Rows as comparable plain values: dates and decimals as strings, arrays as tuples."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, int | str | bool) or value is None:
        return value
    if isinstance(value, dict):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(sep=" ")
    return str(value)


EXPECTED: dict[int, list[tuple[Any, ...]]] = {
    1: [
        (
            "2025-06-26 13:05:27+00:00",
            "Iran’s defense minister goes to China on first reported foreign trip since conflict with Israel",
        ),
        (
            "2024-07-10 21:48:00+00:00",
            "NATO allies pledge long-term support for Ukraine at Washington summit",
        ),
        (
            "2024-03-12 11:02:00+00:00",
            "China, Iran and Russia begin joint naval drill in Gulf of Oman",
        ),
        ("2022-04-28 10:42:00+00:00", "China, Iran agree to strengthen military ties"),
    ],
    2: [
        ("meridian_wire", "China, Iran and Russia begin joint naval drill in Gulf of Oman"),
        ("harbour_post", "NATO allies pledge long-term support for Ukraine at Washington summit"),
    ],
    3: [
        (
            "meridian_wire",
            "harbour_post",
            "China, Iran and Russia begin joint naval drill in Gulf of Oman",
        ),
    ],
    4: [
        ("Iran seeks to expand its military cooperation with China",),
        ("China, Iran agree to strengthen military ties",),
        ("China’s Defense Minister in Tehran: More Than Meets the Eye",),
        ("Iranian Defense Minister's Visit to China: What It Means",),
    ],
    5: [
        ("China, Iran and Russia begin joint naval drill in Gulf of Oman", "0.085"),
        ("China, Iran and Russia begin joint naval drill in Gulf of Oman", "0.085"),
        ("Iranian Defense Minister's Visit to China: What It Means", "0.071"),
        ("China, Iran agree to strengthen military ties", "0.046"),
        ("Iran seeks to expand its military cooperation with China", "0.041"),
    ],
    6: [
        ("Indonesia orders 42 Rafale fighters in deal with France", "0.57"),
    ],
    7: [
        ("2022-04-27", "meridian_wire", "Iran seeks to expand its military cooperation with China"),
        ("2022-04-28", "harbour_post", "China, Iran agree to strengthen military ties"),
        (
            "2022-05-09",
            "strategy_digest",
            "China’s Defense Minister in Tehran: More Than Meets the Eye",
        ),
        (
            "2023-03-10",
            "gulf_courier",
            "Saudi Arabia and Iran agree to restore ties in China-brokered deal",
        ),
        (
            "2024-03-12",
            "meridian_wire",
            "China, Iran and Russia begin joint naval drill in Gulf of Oman",
        ),
        (
            "2025-06-26",
            "harbour_post",
            "Iran’s defense minister goes to China on first reported foreign trip since conflict with Israel",
        ),
        (
            "2025-06-30",
            "strategy_digest",
            "Iranian Defense Minister's Visit to China: What It Means",
        ),
    ],
    8: [
        ("2022-02-10", "Indonesia orders 42 Rafale fighters in deal with France"),
        ("2022-05-09", "China’s Defense Minister in Tehran: More Than Meets the Eye"),
        ("2022-12-06", "Poland takes delivery of first South Korean K2 tanks and K9 howitzers"),
    ],
    9: [
        ("diplomacy_visit", 6),
        ("military_cooperation", 5),
        ("arms_transfer", 3),
        ("exercises", 3),
        ("defence_industry", 2),
        ("maritime", 2),
        ("sanctions", 2),
        ("summit", 2),
        ("treaty_agreement", 2),
        ("ceasefire_conflict", 1),
        ("intelligence", 1),
        ("missiles_drones", 1),
        ("nuclear", 1),
        ("terrorism_security", 1),
    ],
    10: [
        ("2025-06-26", "harbour_post", "ceasefire_conflict", 1, 1),
        ("2025-06-26", "harbour_post", "diplomacy_visit", 1, 1),
        ("2025-06-26", "harbour_post", "military_cooperation", 1, 1),
        ("2025-06-26", "harbour_post", "nuclear", 1, 1),
        ("2025-06-26", "harbour_post", "summit", 1, 1),
        ("2025-06-30", "strategy_digest", "defence_industry", 1, 1),
        ("2025-06-30", "strategy_digest", "diplomacy_visit", 1, 1),
        ("2025-06-30", "strategy_digest", "exercises", 1, 1),
        ("2025-06-30", "strategy_digest", "intelligence", 1, 1),
        ("2025-06-30", "strategy_digest", "military_cooperation", 1, 1),
        ("2025-06-30", "strategy_digest", "sanctions", 1, 1),
        ("2025-06-30", "strategy_digest", "terrorism_security", 1, 1),
    ],
    11: [
        (
            "strategy_digest",
            "China’s Defense Minister in Tehran: More Than Meets the Eye",
            ("garbled",),
        ),
        (
            "strategy_digest",
            "Iranian Defense Minister's Visit to China: What It Means",
            ("generic",),
        ),
    ],
    12: [
        ("meta", 4),
        ("json_ld", 3),
        ("feed", 2),
        ("time_element", 2),
    ],
    13: [
        ("gulf_courier", "teaser_list", "/section/gulf"),
        ("harbour_post", "teaser_list", "/category/world/"),
    ],
    14: [
        ("ok", 11, 0, {}),
    ],
    15: [("2025-06-25", "Aziz Nasirzadeh", "Qingdao", ("harbour_post",))],
    16: [
        (
            "Iran’s defense minister goes to China on first reported foreign trip since conflict with Israel",
            1,
            1,
            ("en",),
        ),
        ("Iranian Defense Minister's Visit to China: What It Means", 1, 1, ("en",)),
    ],
    17: [
        (
            "meridian_wire",
            "2022-04-27 17:12:00+00:00",
            "2022-04-27 17:12:00+00:00",
            ("en",),
            309,
            1,
        ),
        ("harbour_post", "2022-04-28 10:42:00+00:00", "2022-04-28 10:42:00+00:00", ("en",), 274, 1),
    ],
    18: [
        ("France", "state", "supplier", 1, 1),
        ("Indonesia", "state", "recipient", 1, 1),
        ("Poland", "state", "recipient", 1, 1),
        ("South Korea", "state", "supplier", 1, 1),
    ],
    19: [
        ("en", "China, Iran and Russia begin joint naval drill in Gulf of Oman"),
        ("en", "China, Iran and Russia begin joint naval drill in Gulf of Oman"),
    ],
}
