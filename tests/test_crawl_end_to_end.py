"""Crawl the fixture web into PostgreSQL with the real command, and check every row that landed."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PostgresServer, fresh_database
from tests.fixtureweb import FixtureWeb
from tests.support import CliRun, crawl, query


@dataclass
class CrawledArchive:
    web: FixtureWeb
    database_url: str
    registry: Path
    home: Path
    first: CliRun
    first_requests: list[Any]

    def query(self, sql: str, **params: Any) -> list[Any]:
        return query(self.database_url, sql, **params)


@pytest.fixture(scope="module")
def archive(
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[CrawledArchive]:
    tmp = tmp_path_factory.mktemp("e2e")
    with FixtureWeb() as web, fresh_database(postgres_server, migrated_template) as url:
        registry = web.write_registry(tmp / "fixture-outlets.toml")
        first = crawl(registry, url, tmp)
        yield CrawledArchive(web, url, registry, tmp, first, list(web.requests))


def test_first_crawl_succeeds_and_records_its_run(archive: CrawledArchive) -> None:
    assert archive.first.returncode == 0, archive.first.stderr[-3000:]
    assert "crawl run" in archive.first.stdout
    [run] = archive.query("SELECT * FROM crawl_runs")
    assert run.outcome == "ok"
    assert run.finished_at is not None
    assert run.articles_new == len(archive.web.expected_articles)
    assert run.failures == 0
    assert sorted(run.outlets) == sorted(archive.web.outlets)


def test_one_row_per_expected_article_and_no_other(archive: CrawledArchive) -> None:
    urls = [row.url for row in archive.query("SELECT url FROM articles")]
    assert sorted(urls) == sorted(a.url for a in archive.web.expected_articles)


def test_each_article_has_its_outlet_title_date_authors_and_clean_body(
    archive: CrawledArchive,
) -> None:
    rows = {
        row.url: row
        for row in archive.query(
            "SELECT a.*, o.slug AS outlet_slug FROM articles a JOIN outlets o ON o.id = a.outlet_id"
        )
    }
    for expected in archive.web.expected_articles:
        row = rows[expected.url]
        assert row.outlet_slug == expected.outlet, expected.url
        assert row.title == expected.title, expected.url
        assert row.published_at == expected.published_at, expected.url
        assert tuple(row.authors) == expected.authors, expected.url
        body_lines = row.text.split("\n")
        positions = [_line_index(body_lines, paragraph) for paragraph in expected.paragraphs]
        assert positions == sorted(positions), f"paragraphs out of order in {expected.url}"
        for line in expected.boilerplate:
            assert line not in row.text, f"boilerplate {line!r} in {expected.url}"
        assert row.word_count == len(row.text.split())


def _line_index(lines: list[str], paragraph: str) -> int:
    for index, line in enumerate(lines):
        if paragraph.strip() == line.strip():
            return index
    raise AssertionError(f"paragraph missing from body: {paragraph[:80]!r}")


def test_section_page_amp_twin_and_tracking_url_get_no_row(archive: CrawledArchive) -> None:
    unwanted = archive.web.non_article_urls + archive.web.twin_urls
    rows = archive.query(
        "SELECT url FROM articles WHERE url = ANY(:urls) OR original_url = ANY(:urls)",
        urls=[u for u in archive.web.non_article_urls],
    )
    assert rows == []
    stored = {row.url for row in archive.query("SELECT url FROM articles")}
    assert not stored & set(unwanted)
    section_pages = archive.query(
        "SELECT outcome, error FROM pages WHERE url = ANY(:urls)", urls=archive.web.non_article_urls
    )
    assert section_pages and {p.outcome for p in section_pages} == {"not_article"}
    # extraction's verdict is kept as "reason: detail", read from the record, not re-parsed
    reasons = {p.error.split(":")[0] for p in section_pages}
    assert reasons and reasons <= {"section_front", "teaser_list", "too_short", "no_body"}


def test_raw_html_is_kept_for_every_stored_article(archive: CrawledArchive) -> None:
    missing = archive.query(
        "SELECT a.url FROM articles a WHERE NOT EXISTS ("
        " SELECT 1 FROM pages p WHERE p.article_id = a.id AND p.html_gz IS NOT NULL)"
    )
    assert missing == []


def test_the_raw_page_is_stored_as_the_server_gzipped_it(archive: CrawledArchive) -> None:
    """The fixture web gzips at level 9 with no timestamp; the crawl's own compression (level 1,
    stamped with the time) would not give these bytes: they are the server's, kept as received."""
    rows = archive.query(
        "SELECT p.html_gz FROM pages p JOIN articles a ON a.id = p.article_id "
        "WHERE p.html_gz IS NOT NULL"
    )
    assert len(rows) >= len(archive.web.expected_articles)
    for row in rows:
        stored = bytes(row.html_gz)
        assert stored == gzip.compress(gzip.decompress(stored), mtime=0)


def test_robots_disallowed_pages_are_never_requested(archive: CrawledArchive) -> None:
    assert archive.web.disallowed_urls
    requested = {f"{archive.web.outlets[r.outlet]}{r.path}" for r in archive.first_requests}
    assert not requested & set(archive.web.disallowed_urls)


def test_second_crawl_adds_no_row_and_changes_no_stored_text(
    postgres_server: PostgresServer, migrated_template: str, tmp_path: Path
) -> None:
    # Its own web and database: the module's archive stays as the first crawl left it.
    with FixtureWeb() as web, fresh_database(postgres_server, migrated_template) as url:
        registry = web.write_registry(tmp_path / "fixture-outlets.toml")
        first = crawl(registry, url, tmp_path)
        assert first.returncode == 0, first.stderr[-3000:]
        sql = "SELECT id, url, title, text, published_at FROM articles ORDER BY id"
        before = query(url, sql)
        web.clear_requests()

        second = crawl(registry, url, tmp_path)

        assert second.returncode == 0, second.stderr[-3000:]
        assert query(url, sql) == before
        runs = query(url, "SELECT articles_new, outcome FROM crawl_runs ORDER BY id")
        assert [(r.articles_new, r.outcome) for r in runs] == [(len(before), "ok"), (0, "ok")]
        article_paths = {a.url.split("/", 3)[3] for a in web.expected_articles}
        refetched = [r for r in web.requests if r.path.lstrip("/") in article_paths]
        assert refetched == []


def test_a_syndicated_copy_points_at_the_original_and_distinct_write_ups_do_not(
    archive: CrawledArchive,
) -> None:
    ids = {row.url: row for row in archive.query("SELECT id, url, duplicate_of FROM articles")}
    [(copy_url, original_url)] = archive.web.syndicated_copies.items()
    assert ids[copy_url].duplicate_of == ids[original_url].id
    assert ids[original_url].duplicate_of is None
    # Every other story, including two outlets' own reports of the same 2022 visit, stands alone.
    linked = {url for url, row in ids.items() if row.duplicate_of is not None}
    assert linked == {copy_url}
