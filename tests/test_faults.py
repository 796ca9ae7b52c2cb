"""Every fault a news site can throw at the crawler, in one crawl into real PostgreSQL.

The fault outlet (tests/faultweb.py) serves good articles beside each fault. One crawl of it with
the real command is shared by the module; each test checks one fault's record: the page's
outcome and `reason: detail` error, the run's failures_by_reason, and that the good pages of
that same run were stored, so no fault took the rest of the run down with it. The crawl runs
under a subprocess timeout (a hang fails the module) and its peak memory is measured.
"""

from __future__ import annotations

import resource
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest, ResponseDataLossError
from scrapy.http import HtmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from sqlalchemy import text
from twisted.python.failure import Failure

from newsarchive.extract.sniff import binary_kind
from newsarchive.fetch.failures import describe_failure
from newsarchive.fetch.settings import BASE_SETTINGS
from newsarchive.store.database import make_engine
from tests.conftest import PostgresServer, fresh_database
from tests.faultweb import CHARSET_PARAGRAPH, FaultWeb
from tests.support import CliRun, run_cli

#: Retries as in production (RETRY_TIMES 2: three requests in all); the rest is shortened so
#: the module runs in seconds: no politeness delay to 127.0.0.1, a 5 s download timeout (room
#: for a loaded machine; the stalling pages hold for 20 s).
RETRY_TIMES = 2
SETTINGS = {
    "DOWNLOAD_TIMEOUT": "5",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "RETRY_TIMES": str(RETRY_TIMES),
}
#: DOWNLOAD_MAXSIZE and REDIRECT_MAX_TIMES stay at the archive's own defaults.
MAXSIZE = int(BASE_SETTINGS["DOWNLOAD_MAXSIZE"])
REDIRECT_MAX_TIMES = int(BASE_SETTINGS["REDIRECT_MAX_TIMES"])
#: A generous bound on the peak RSS of the crawl's processes (about 270 MiB here): inflating
#: the gzip bomb, or holding a few copies of the 50 MB page, would pass it.
PEAK_RSS_BOUND = 1536 * 2**20

#: Article URLs that must fail, with the reason they must be recorded with.
FAILING_ARTICLES = {
    "burst_503_long": "http_503",
    "rate_limited": "http_429",
    "silent": "timeout",
    "drip": "timeout",
    "truncated": "truncated",
    "redirect_loop": "redirect_loop",
    "endless_redirect": "redirect_loop",
    "binary_png": "binary_content",
    "binary_pdf": "binary_content",
    "binary_gzip": "binary_content",
    "huge_declared": "too_large",
    "huge_streamed": "too_large",
    "gzip_bomb": "too_large",
    "challenge_403": "blocked",
    "challenge_503": "blocked",
    "challenge_200": "blocked",
    "plain_403": "http_403",
}
#: Faulty article URLs the crawler must get through to a stored article.
SURVIVED_ARTICLES = (
    "burst_500_short",
    "burst_503_short",
    "charset_cp1252_as_utf8",
    "charset_utf8_as_latin1",
    "charset_missing",
    "charset_unknown_label",
)
#: Feeds and sitemaps that must fail, with their reason.
FAILING_LISTINGS = {
    "feed_unreadable": "listing_malformed",
    "feed_is_html": "listing_not_a_listing",
    "feed_empty": "listing_empty_body",
    "sitemap_gzip_bomb": "listing_too_large",
}
#: Broken or hostile listings that are still read, each listing one good page of its own.
READABLE_LISTINGS = {
    "feed_broken_but_readable": "/news/listed-in-a-broken-feed",
    "feed_entity_bomb": "/news/listed-in-the-feed-bomb",
    "sitemap_entity_bomb": "/news/listed-in-the-sitemap-bomb",
}


@dataclass
class FaultCrawl:
    web: FaultWeb
    database_url: str
    result: CliRun
    peak_rss: int  # bytes, the largest process the crawl ran (it or an extraction worker)

    def query(self, sql: str, **params: Any) -> list[Any]:
        engine = make_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(sql), params))
        finally:
            engine.dispose()

    def pages(self, name: str) -> list[Any]:
        """The page rows of one fault (by the last hop's URL for a redirect chain)."""
        fault = self.web.faults[name]
        if fault.match_prefix:
            return self.query(
                "SELECT * FROM pages WHERE starts_with(url, :url) ORDER BY id", url=fault.url
            )
        return self.query("SELECT * FROM pages WHERE url = :url ORDER BY id", url=fault.url)

    def failures_by_reason(self) -> dict[str, int]:
        [run] = self.query("SELECT failures_by_reason FROM crawl_runs")
        return dict(run.failures_by_reason)

    def assert_good_pages_stored(self) -> None:
        """Every good page of the run is an article with its title and its text."""
        rows = {
            row.url: row
            for row in self.query(
                "SELECT url, title, text FROM articles WHERE url = ANY(:urls)",
                urls=[page.url for page in self.web.good_pages],
            )
        }
        for page in self.web.good_pages:
            assert page.url in rows, f"good page not stored: {page.url}"
            assert rows[page.url].title == page.title, page.url
            assert page.paragraph in rows[page.url].text, page.url


def _settings() -> list[str]:
    overrides = dict(SETTINGS)
    return [arg for name, value in overrides.items() for arg in ("-s", f"{name}={value}")]


@pytest.fixture(scope="module")
def crawl(
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[FaultCrawl]:
    home = tmp_path_factory.mktemp("faults")
    with FaultWeb() as web, fresh_database(postgres_server, migrated_template) as url:
        registry = web.write_registry(home / "faults.toml")
        result = run_cli(
            "crawl",
            "--registry",
            str(registry),
            *_settings(),
            env={"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(home)},
            timeout=120,  # a hang fails the module instead of stalling it
        )
        # Linux reports ru_maxrss in KiB: the largest of this process's finished descendants.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        yield FaultCrawl(web, url, result, peak)


def test_every_fault_the_outlet_serves_is_checked_here(crawl: FaultCrawl) -> None:
    expected = {
        **FAILING_ARTICLES,
        **dict.fromkeys(SURVIVED_ARTICLES),
        **FAILING_LISTINGS,
        **dict.fromkeys(READABLE_LISTINGS),
    }
    assert {name: fault.reason for name, fault in crawl.web.faults.items()} == expected


def test_the_run_completes_as_partial_and_counts_each_failure_by_reason(
    crawl: FaultCrawl,
) -> None:
    assert crawl.result.returncode == 3, crawl.result.stderr[-3000:]  # 3: partial
    [run] = crawl.query("SELECT outcome, finished_at, failures FROM crawl_runs")
    assert run.outcome == "partial"
    assert run.finished_at is not None
    expected = Counter({**FAILING_ARTICLES, **FAILING_LISTINGS}.values())
    assert crawl.failures_by_reason() == dict(expected)
    assert run.failures == sum(expected.values())
    crawl.assert_good_pages_stored()


def test_the_good_pages_of_the_run_are_stored_and_nothing_else(crawl: FaultCrawl) -> None:
    crawl.assert_good_pages_stored()
    stored = {row.url for row in crawl.query("SELECT url FROM articles")}
    assert stored == {page.url for page in crawl.web.good_pages}


@pytest.mark.parametrize("name", sorted(FAILING_ARTICLES))
def test_a_failing_article_is_recorded_with_its_reason_and_never_stored(
    crawl: FaultCrawl, name: str
) -> None:
    reason = FAILING_ARTICLES[name]
    [page] = crawl.pages(name)
    assert page.kind == "article"
    assert page.outcome == "failed"
    assert page.error.startswith(f"{reason}: "), page.error
    assert page.article_id is None
    assert crawl.failures_by_reason()[reason] >= 1
    assert crawl.query("SELECT id FROM articles WHERE url = :url", url=page.url) == []
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize("name", ["burst_500_short", "burst_503_short"])
def test_a_burst_of_server_errors_shorter_than_the_retries_ends_up_stored(
    crawl: FaultCrawl, name: str
) -> None:
    fault = crawl.web.faults[name]
    [page] = crawl.pages(name)
    assert (page.outcome, page.error, page.http_status) == ("stored", None, 200)
    assert page.article_id is not None
    path = fault.url.removeprefix(crawl.web.base_url)
    assert crawl.web.hits(path) == RETRY_TIMES + 1  # two errors, then the page
    crawl.assert_good_pages_stored()


def test_a_burst_longer_than_the_retries_is_recorded_as_the_last_status(
    crawl: FaultCrawl,
) -> None:
    [page] = crawl.pages("burst_503_long")
    assert page.error.startswith("http_503: ")
    assert page.http_status == 503
    assert crawl.web.hits("/news/burst-503-long") == RETRY_TIMES + 1
    crawl.assert_good_pages_stored()


def test_a_429_keeps_the_servers_retry_after(crawl: FaultCrawl) -> None:
    [page] = crawl.pages("rate_limited")
    assert page.error.startswith("http_429: ")
    assert page.http_status == 429
    assert page.headers.get("Retry-After") == "120"
    # Asked to wait two minutes, the run does not ask again; a later run will (failed_urls).
    path = crawl.web.faults["rate_limited"].url.removeprefix(crawl.web.base_url)
    assert crawl.web.hits(path) == 1
    [retry] = crawl.query(
        "SELECT reason, attempts, next_attempt_at - last_failed_at AS wait FROM failed_urls "
        "WHERE url = :url",
        url=crawl.web.faults["rate_limited"].url,
    )
    assert (retry.reason, retry.attempts) == ("http_429", 1)
    assert retry.wait.total_seconds() >= 120
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize("name", ["silent", "drip"])
def test_a_server_that_stalls_is_cut_off_at_the_download_timeout(
    crawl: FaultCrawl, name: str
) -> None:
    [page] = crawl.pages(name)
    assert page.error.startswith("timeout: ")
    assert page.http_status is None
    crawl.assert_good_pages_stored()


def test_a_body_shorter_than_its_content_length_is_truncated_not_stored(
    crawl: FaultCrawl,
) -> None:
    [page] = crawl.pages("truncated")
    assert page.error.startswith("truncated: ")
    assert page.html_gz is None  # nothing half-downloaded is kept as if it were the page
    assert crawl.web.hits("/news/truncated") == RETRY_TIMES + 1
    crawl.assert_good_pages_stored()


def test_a_redirect_loop_is_recorded_once_the_chain_comes_back(crawl: FaultCrawl) -> None:
    """a -> b -> a: each URL requested once; Scrapy's duplicate filter would drop the hop back
    to `a` without a trace, and the page would be missing from the run's record."""
    [page] = crawl.pages("redirect_loop")
    assert page.error.startswith("redirect_loop: ")
    assert "/news/loop-b" in page.error
    assert crawl.web.hits("/news/loop-a") == 1
    assert crawl.web.hits("/news/loop-b") == 1
    crawl.assert_good_pages_stored()


def test_an_endless_redirect_chain_stops_at_the_redirect_limit(crawl: FaultCrawl) -> None:
    [page] = crawl.pages("endless_redirect")
    assert page.error.startswith("redirect_loop: ")
    assert page.url.endswith(f"?hop={REDIRECT_MAX_TIMES}")
    assert crawl.web.hits("/news/endless-redirect") == REDIRECT_MAX_TIMES + 1
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("charset_cp1252_as_utf8", "cp1252"),
        ("charset_utf8_as_latin1", "utf-8"),
        ("charset_missing", "cp1252"),
        ("charset_unknown_label", "utf-8"),
    ],
)
def test_a_wrong_or_missing_charset_is_detected_and_the_text_stored_intact(
    crawl: FaultCrawl, name: str, encoding: str
) -> None:
    [page] = crawl.pages(name)
    assert page.outcome == "stored"
    assert (page.encoding, page.encoding_source) == (encoding, "detected")
    [article] = crawl.query("SELECT text FROM articles WHERE id = :id", id=page.article_id)
    assert CHARSET_PARAGRAPH in article.text
    assert "\ufffd" not in article.text
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize(
    ("name", "kind"),
    [("binary_png", "PNG image"), ("binary_pdf", "PDF document"), ("binary_gzip", "gzip data")],
)
def test_binary_content_served_as_html_is_recorded_as_such(
    crawl: FaultCrawl, name: str, kind: str
) -> None:
    [page] = crawl.pages(name)
    assert page.error.startswith(f"binary_content: {kind}"), page.error
    assert page.http_status == 200
    assert page.encoding is None  # never decoded as text
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize("name", ["huge_declared", "huge_streamed", "gzip_bomb"])
def test_an_oversized_page_or_gzip_bomb_is_cut_off_in_bounded_memory(
    crawl: FaultCrawl, name: str
) -> None:
    [page] = crawl.pages(name)
    assert page.error.startswith("too_large: ")
    assert page.html_gz is None
    assert crawl.peak_rss < PEAK_RSS_BOUND, f"peak RSS {crawl.peak_rss / 2**20:.0f} MiB"
    crawl.assert_good_pages_stored()


def test_the_gzip_bomb_is_refused_at_the_size_limit_not_inflated(crawl: FaultCrawl) -> None:
    [page] = crawl.pages("gzip_bomb")
    assert "DOWNLOAD_MAXSIZE" in page.error
    assert f"({MAXSIZE} B)" in page.error  # the archive's limit, not Scrapy's 1 GiB default


@pytest.mark.parametrize("name", ["challenge_403", "challenge_503", "challenge_200"])
def test_a_bot_challenge_is_recorded_as_blocked_and_never_as_an_article(
    crawl: FaultCrawl, name: str
) -> None:
    [page] = crawl.pages(name)
    assert page.outcome == "failed"
    assert page.error.startswith("blocked: ")
    assert page.article_id is None
    if page.http_status in (429, 503):  # retryable statuses, but a bot wall is not asked again
        path = crawl.web.faults[name].url.removeprefix(crawl.web.base_url)
        assert crawl.web.hits(path) == 1
    challenge_text = crawl.query(
        "SELECT url FROM articles WHERE title ILIKE '%just a moment%' OR title = 'DDoS-Guard'"
        " OR text ILIKE '%enable javascript and cookies%' OR text ILIKE '%ddos protection by%'"
    )
    assert challenge_text == []
    crawl.assert_good_pages_stored()


def test_a_plain_403_is_not_taken_for_a_bot_challenge(crawl: FaultCrawl) -> None:
    [page] = crawl.pages("plain_403")
    assert page.error.startswith("http_403: ")
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize("name", sorted(FAILING_LISTINGS))
def test_an_unusable_feed_or_sitemap_is_recorded_with_its_reason(
    crawl: FaultCrawl, name: str
) -> None:
    reason = FAILING_LISTINGS[name]
    fault = crawl.web.faults[name]
    [page] = crawl.pages(name)
    assert (page.kind, page.outcome) == (fault.kind, "failed")
    assert page.error.startswith(f"{reason}: "), page.error
    assert crawl.failures_by_reason()[reason] == 1
    crawl.assert_good_pages_stored()


@pytest.mark.parametrize("name", sorted(READABLE_LISTINGS))
def test_a_broken_or_entity_bomb_listing_is_read_and_its_article_stored(
    crawl: FaultCrawl, name: str
) -> None:
    """Billion laughs: the DTD is never expanded (feedparser and the sitemap parser leave the
    entity as text), so the listing costs what its bytes cost and its one URL is crawled."""
    fault = crawl.web.faults[name]
    [page] = crawl.pages(name)
    assert (page.kind, page.outcome, page.error) == (fault.kind, "listed", None)
    article_url = crawl.web.base_url + READABLE_LISTINGS[name]
    rows = crawl.query("SELECT url FROM articles WHERE url = :url", url=article_url)
    assert [row.url for row in rows] == [article_url]
    lol = crawl.query("SELECT url FROM articles WHERE text LIKE '%lollollol%'")
    assert lol == []
    crawl.assert_good_pages_stored()


# --- the classifiers on their own: what the crawl above cannot show --------------------------

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html")), ids=lambda path: path.name)
def test_no_real_page_is_taken_for_binary_content(path: Path) -> None:
    assert binary_kind(path.read_bytes()) is None


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_page_is_text_with_or_without_its_bom(codec: str) -> None:
    html = "<html><body><p>Ein Bericht über die Flotte</p></body></html>"
    assert binary_kind(html.encode(codec)) is None


def _http_error(status: int, body: bytes, headers: dict[str, str] | None = None) -> Failure:
    response = HtmlResponse(
        "https://news.example/story", status=status, body=body, headers=headers or {}
    )
    return _failure(HttpError(response, "Ignoring non-200 response"))


def _failure(error: BaseException) -> Failure:
    return Failure(error)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (
            _http_error(403, b"<html><title>Blocked</title></html>", {"cf-mitigated": "challenge"}),
            "blocked",
        ),
        (_http_error(503, b"<html><title>Down for maintenance</title></html>"), "http_503"),
        (_failure(DownloadCancelledError()), "too_large"),
        (_failure(IgnoreRequest("max redirections reached")), "redirect_loop"),
        (_failure(ResponseDataLossError()), "truncated"),
    ],
    ids=["cf-mitigated-header", "plain-503", "cut-off-at-maxsize", "max-redirects", "data-loss"],
)
def test_failure_reasons_of_single_failures(failure: Failure, reason: str) -> None:
    described = describe_failure(failure)
    assert described.reason == reason
    assert described.detail  # never an empty detail, whatever the exception's message
