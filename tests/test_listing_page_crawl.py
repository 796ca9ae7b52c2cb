"""A ministry with no feed, only a paginated HTML index of press releases, crawled end to end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.fixtureweb.ministry import ON_PAGE_1, MinistrySite, build_ministry
from tests.fixtureweb.server import OriginServer, RequestLog
from tests.support import crawl, query


@pytest.fixture
def ministry() -> Iterator[tuple[MinistrySite, RequestLog]]:
    log = RequestLog()
    with OriginServer("ministry", log) as server:
        yield build_ministry(server), log


def _registry(tmp_path: Path, site: MinistrySite, depth: int) -> Path:
    path = tmp_path / "outlets.toml"
    path.write_text(site.registry_entry(depth=depth), encoding="utf-8")
    return path


def _articles(database_url: str) -> list[tuple[str, str, datetime, datetime, str, str, str]]:
    return [
        tuple(row)
        for row in query(
            database_url,
            "SELECT url, listed_in, listed_published_at, published_at, published_source, "
            "title, text FROM articles ORDER BY published_at DESC",
        )
    ]


def test_the_index_gives_its_releases_with_list_dates_and_is_read_conditionally_next_time(
    ministry: tuple[MinistrySite, RequestLog], database_url: str, tmp_path: Path
) -> None:
    site, log = ministry
    registry = _registry(tmp_path, site, depth=1)

    first = crawl(registry, database_url, tmp_path)

    assert first.returncode == 0, first.stderr[-3000:]
    expected = site.releases[:ON_PAGE_1]
    rows = _articles(database_url)
    assert [row[0] for row in rows] == [release.url for release in expected]
    for row, release in zip(rows, expected, strict=True):
        _, listed_in, listed_at, published_at, source, title, text = row
        assert listed_in == "listing_page"
        assert listed_at == release.listed_on
        # The release pages print no date: the list item's date is the one kept.
        assert (published_at, source) == (release.listed_on, "listing")
        assert title == release.title
        assert release.first_paragraph in text
    requested = {site.base_url + record.path for record in log.snapshot()}
    assert site.page_2_url not in requested  # depth 1: the index's first page only
    assert not requested & set(site.navigation_urls)
    assert query(database_url, "SELECT count(*) FROM articles WHERE url LIKE '%index%'") == [(0,)]
    listing_rows = "SELECT kind, outcome, article_id, html_gz FROM pages WHERE url = :u"
    assert query(database_url, listing_rows, u=site.index_url) == [
        ("listing", "listed", None, None)
    ]
    assert query(
        database_url, "SELECT last_listed FROM listing_sources WHERE url = :u", u=site.index_url
    ) == [(ON_PAGE_1 + 1,)]  # its releases and its next page, as an index counts its children

    log.clear()
    second = crawl(registry, database_url, tmp_path)

    assert second.returncode == 0, second.stderr[-3000:]
    index_requests = [r for r in log.snapshot() if site.base_url + r.path == site.index_url]
    assert [r.status for r in index_requests] == [304]
    assert "if-none-match" in index_requests[0].headers
    assert query(
        database_url,
        "SELECT kind, etag IS NOT NULL, consecutive_failures FROM listing_sources WHERE url = :u",
        u=site.index_url,
    ) == [("listing", True, 0)]
    assert len(_articles(database_url)) == ON_PAGE_1


def test_depth_two_follows_the_next_link_to_the_older_releases(
    ministry: tuple[MinistrySite, RequestLog], database_url: str, tmp_path: Path
) -> None:
    site, log = ministry

    result = crawl(_registry(tmp_path, site, depth=2), database_url, tmp_path)

    assert result.returncode == 0, result.stderr[-3000:]
    rows = _articles(database_url)
    assert [(row[0], row[2]) for row in rows] == [
        (release.url, release.listed_on) for release in site.releases
    ]
    assert query(
        database_url, "SELECT kind, outcome FROM pages WHERE url = :u", u=site.page_2_url
    ) == [("listing", "listed")]
    assert query(database_url, "SELECT count(*) FROM articles WHERE url LIKE '%index%'") == [(0,)]
    assert all(row[2].tzinfo is not None and row[2] < datetime.now(UTC) for row in rows)
    requested = {site.base_url + record.path for record in log.snapshot()}
    assert not requested & set(site.navigation_urls)
