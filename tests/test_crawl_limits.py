"""What bounds a crawl: --max-articles, robots.txt, and private addresses."""

from __future__ import annotations

from pathlib import Path

from tests.fixtureweb import FixtureWeb
from tests.support import FAST, query, run_cli


def _scalar(database_url: str, sql: str) -> object:
    return query(database_url, sql)[0][0]


def test_max_articles_bounds_the_pages_fetched_in_a_run(tmp_path: Path, database_url: str) -> None:
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        result = run_cli(
            "crawl", "--registry", str(registry), "--max-articles", "3", *FAST, env=env
        )
        article_requests = [
            r for r in web.requests if not r.path.endswith((".xml", ".atom", "/feed/", ".txt"))
        ]
    assert result.returncode == 0, result.stderr[-2000:]
    assert _scalar(database_url, "SELECT count(*) FROM pages WHERE kind = 'article'") == 3
    assert len(article_requests) == 3
    assert _scalar(database_url, "SELECT count(*) FROM articles") <= 3


def test_robots_txt_is_obeyed_even_for_requests_made_while_it_is_still_downloading(
    tmp_path: Path, database_url: str
) -> None:
    """Scrapy 2.19 let all but the first request waiting on a robots.txt through unchecked."""
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    with FixtureWeb() as web:
        [disallowed] = web.disallowed_urls
        registry = web.write_registry(tmp_path / "outlets.toml")
        base = disallowed.split("/private/", 1)[0]
        # Listed as a sitemap, the disallowed URL is the third request at start, after the
        # outlet's feed and sitemap, while robots.txt is still on its way.
        registry.write_text(
            registry.read_text().replace(
                f'sitemaps = ["{base}/sitemap.xml"]',
                f'sitemaps = ["{base}/sitemap.xml", "{disallowed}"]',
            )
        )
        result = run_cli("crawl", "--registry", str(registry), *FAST, env=env)
        requested = {f"{web.outlets[r.outlet]}{r.path}" for r in web.requests}
    assert disallowed not in requested
    assert result.returncode == 0, result.stderr[-2000:]
    assert (
        _scalar(
            database_url,
            f"SELECT error FROM pages WHERE url = '{disallowed}' AND outcome = 'skipped'",
        )
        or ""
    ).startswith("robots")


def test_private_addresses_are_refused_unless_the_outlet_allows_them(
    tmp_path: Path, database_url: str
) -> None:
    env = {"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path)}
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        registry.write_text(registry.read_text().replace("allow_private_network = true", ""))
        result = run_cli("crawl", "--registry", str(registry), *FAST, env=env)
        requests = list(web.requests)
    assert requests == []
    assert result.returncode == 1  # nothing could be fetched
    errors = _scalar(
        database_url,
        "SELECT string_agg(DISTINCT split_part(error, ':', 1), ',') FROM pages",
    )
    assert errors == "private_network"
