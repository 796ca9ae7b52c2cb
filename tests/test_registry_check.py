"""`registry check`: a registry validated as crawl does it, and its listings probed once.

The probe runs against the fixture web, the ministry whose press releases are listed on HTML
pages, the ministry whose pages are drawn by JavaScript (not probed over plain HTTP), and two
outlets of this module's own: one whose robots.txt forbids our articles (and one of its feeds),
one on a port nobody listens on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.fixtureweb import FixtureWeb
from tests.fixtureweb.listings import Entry, plain_rss
from tests.fixtureweb.ministry import ON_PAGE_1, build_ministry, registry_entry
from tests.fixtureweb.scripted import build_scripted
from tests.fixtureweb.server import OriginServer, RequestLog, Resource
from tests.support import closed_port, run_cli

NEWEST = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
WALLED_ROBOTS = (
    "User-agent: *\nDisallow: /members/\n\n"
    # Our own group: it replaces the * group for us, as robots.txt groups do.
    "User-agent: newsarchive\nDisallow: /news/\nDisallow: /feeds/hidden.xml\n"
)


@dataclass
class ProbeWeb:
    web: FixtureWeb
    walled: OriginServer
    walled_log: RequestLog
    dead_url: str
    registry: Path
    ministry_index: str


def _feeds(urls: list[str]) -> str:
    return f"feeds = [{', '.join(json.dumps(url) for url in urls)}]"


@pytest.fixture
def probe_web(tmp_path: Path) -> Iterator[ProbeWeb]:
    log = RequestLog()
    with (
        FixtureWeb() as web,
        OriginServer("walled_gazette", log) as walled,
        OriginServer("ministry", log) as ministry_server,
        OriginServer("scripted", log) as scripted_server,
    ):
        ministry = build_ministry(ministry_server)
        scripted = build_scripted(scripted_server)
        entries = [
            Entry(
                walled.base_url + f"/news/{n}-frigate-sea-trials", f"Frigate trials {n}", when, when
            )
            for n, when in ((1, NEWEST), (2, datetime(2026, 11, 30, 18, tzinfo=UTC)))
        ]
        feed = plain_rss(
            site_name="Walled Gazette",
            base_url=walled.base_url,
            description="News",
            entries=entries,
        )
        walled.serve(
            {
                "/robots.txt": Resource.text(WALLED_ROBOTS, "text/plain"),
                "/feeds/main.xml": Resource.text(feed, "application/rss+xml"),
                "/feeds/hidden.xml": Resource.text(feed, "application/rss+xml"),
            }
        )
        dead_url = f"http://127.0.0.1:{closed_port()}/rss.xml"
        registry = web.write_registry(tmp_path / "outlets.toml")
        walled_feeds = [walled.base_url + "/feeds/main.xml", walled.base_url + "/feeds/hidden.xml"]
        extra = [
            registry_entry(
                "walled_gazette", "Walled Gazette", walled.base_url, _feeds(walled_feeds)
            ),
            registry_entry(
                "dead_outlet", "Dead Outlet", dead_url[: dead_url.index("/rss")], _feeds([dead_url])
            ),
            ministry.registry_entry(depth=2),
            scripted.registry_entry(),
        ]
        with registry.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(extra))
        yield ProbeWeb(web, walled, log, dead_url, registry, ministry.index_url)


def _check(*args: str) -> tuple[int, str, str]:
    result = run_cli("registry", "check", *args, env={}, timeout=120)
    return result.returncode, result.stdout, result.stderr


def _block(stdout: str, slug: str) -> str:
    """The lines printed for one outlet: its header line up to the next outlet's."""
    match = re.search(rf"^{slug}: .*?(?=^\S|\Z)", stdout, re.M | re.S)
    assert match, f"no block for {slug} in:\n{stdout}"
    return match.group(0)


def test_a_valid_registry_passes_without_touching_the_network(tmp_path: Path) -> None:
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        code, stdout, stderr = _check("--registry", str(registry))
        assert web.requests == []
    assert (code, stderr) == (0, "")
    assert stdout.strip() == f"registry {registry}: valid, 4 outlets (4 enabled)"


def test_the_shipped_registry_is_valid() -> None:
    code, stdout, _ = _check()
    assert code == 0
    assert re.fullmatch(r"registry \S+outlets\.toml: valid, \d+ outlets \(\d+ enabled\)\n", stdout)


def test_an_invalid_registry_gets_exactly_the_errors_crawl_gives(tmp_path: Path) -> None:
    registry = tmp_path / "outlets.toml"
    registry.write_text(
        '[[outlet]]\nslug = "broken_daily"\nname = "Broken Daily"\ndomains = ["b.example"]\n'
        'language = "en"\nkind = "tabloid"\nfeeds = ["ftp://b.example/rss"]\n',
        encoding="utf-8",
    )
    code, stdout, stderr = _check("--registry", str(registry), "--probe")
    crawl = run_cli("crawl", "--registry", str(registry), env={"NEWSARCHIVE_HOME": str(tmp_path)})
    assert (code, stdout) == (2, "")
    assert stderr == crawl.stderr
    assert crawl.returncode == 2
    assert "line 6, outlet 'broken_daily', key 'kind'" in stderr
    assert "line 7, outlet 'broken_daily', key 'feeds'" in stderr
    assert "Traceback" not in stderr


def test_an_unknown_outlet_is_a_usage_error_naming_the_registry_outlets(tmp_path: Path) -> None:
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        code, stdout, stderr = _check("--registry", str(registry), "--probe", "--outlet", "nosuch")
        assert web.requests == []
    assert (code, stdout) == (2, "")
    assert stderr.startswith("newsarchive: no outlet nosuch in the registry")
    assert "harbour_post" in stderr


def test_probe_reports_each_outlet_reachable_or_why_not(probe_web: ProbeWeb) -> None:
    code, stdout, stderr = _check("--registry", str(probe_web.registry), "--probe")
    assert code == 3, stdout + stderr  # something to look at, but outlets answered
    assert stderr == ""
    sites = probe_web.web.sites

    meridian = _block(stdout, "meridian_wire")
    assert meridian.splitlines()[0] == "meridian_wire: reachable"
    atom = sites["meridian_wire"].routes["/feeds/latest.atom"].body
    assert f"atom, {atom.count(b'<entry>')} entries" in meridian
    assert "news_sitemap, " in meridian
    assert "robots.txt allows them all" in meridian

    # harbour_post's sitemap is an index: its first sitemap is opened too.
    harbour = _block(stdout, "harbour_post")
    assert "sitemap index of 2 sitemaps" in harbour
    assert re.search(r"sitemap_in_index +http://\S+/post-sitemap\.xml", harbour)

    # gulf_courier lists an embargoed /private/ URL its robots.txt forbids: said, not an error.
    gulf = _block(stdout, "gulf_courier")
    assert gulf.splitlines()[0] == "gulf_courier: reachable"
    forbidden = next(url for url in probe_web.web.disallowed_urls if "/private/" in url)
    assert f"robots.txt allows 2 of 3 (forbids e.g. {forbidden})" in gulf

    walled = _block(stdout, "walled_gazette")
    assert walled.splitlines()[0] == "walled_gazette: reachable, with problems"
    base = probe_web.walled.base_url
    assert "rss, 2 entries, newest 2026-12-01 09:30 UTC" in walled
    assert f"robots.txt allows 0 of 2 (forbids e.g. {base}/news/1-frigate-sea-trials)" in walled
    assert "robots.txt forbids this listing: the crawl will not read it" in walled

    dead = _block(stdout, "dead_outlet")
    assert dead.splitlines()[0] == "dead_outlet: UNREACHABLE: connection refused"
    assert probe_web.dead_url in dead

    # The ministry's press releases are on an HTML listing page.
    ministry = _block(stdout, "ministry")
    assert ministry.splitlines()[0] == "ministry: reachable"
    assert re.search(rf"listing_page +{re.escape(probe_web.ministry_index)}\n", ministry)
    assert f"html, {ON_PAGE_1} entries, newest " in ministry

    # The scripted ministry is drawn by JavaScript: not fetched, not a problem.
    scripted = _block(stdout, "scripted")
    assert scripted.splitlines()[0] == (
        "scripted: not probed (its listings are drawn by JavaScript: render = browser)"
    )
    assert not any(r.outlet == "scripted" for r in probe_web.walled_log.snapshot())

    assert stdout.splitlines()[-1] == (
        "8 outlets: 6 reachable, 1 not probed (render = browser), 2 with something to look at"
    )


def test_probe_is_polite_robots_first_each_url_once_with_our_user_agent(
    probe_web: ProbeWeb,
) -> None:
    _check("--registry", str(probe_web.registry), "--probe", "--outlet", "walled_gazette")
    requests = probe_web.walled_log.snapshot()
    # The feed robots.txt forbids is never asked for; --outlet probes only that outlet.
    assert [(r.outlet, r.path) for r in requests] == [
        ("walled_gazette", "/robots.txt"),
        ("walled_gazette", "/feeds/main.xml"),
    ]
    assert all(r.headers["user-agent"].startswith("newsarchive/") for r in requests)
    assert probe_web.web.requests == []


def test_probe_of_only_unreachable_outlets_fails_with_exit_1(probe_web: ProbeWeb) -> None:
    code, stdout, _ = _check(
        "--registry", str(probe_web.registry), "--probe", "--outlet", "dead_outlet"
    )
    assert code == 1
    assert stdout.splitlines()[0] == "dead_outlet: UNREACHABLE: connection refused"


def test_probe_json_says_the_same_for_a_script(probe_web: ProbeWeb) -> None:
    code, stdout, _ = _check(
        "--registry",
        str(probe_web.registry),
        "--probe",
        "--json",
        "--outlet",
        "walled_gazette",
        "--outlet",
        "strategy_digest",
    )
    assert code == 3
    outlets = {outlet["slug"]: outlet for outlet in json.loads(stdout)["outlets"]}
    assert list(outlets) == ["walled_gazette", "strategy_digest"]
    walled = outlets["walled_gazette"]
    assert walled["reachable"] is True
    main, hidden = walled["listings"]
    assert (main["kind"], main["entries"], main["robots_allowed"]) == ("rss", 2, 0)
    assert main["newest"] == NEWEST.isoformat()
    assert hidden["ok"] is False
    assert len(walled["problems"]) == 2
    digest = outlets["strategy_digest"]
    assert digest["problems"] == []
    assert digest["listings"][0]["kept"] == digest["listings"][0]["entries"] > 0


def test_an_outlet_drawn_by_javascript_alone_is_not_a_failure(probe_web: ProbeWeb) -> None:
    code, stdout, _ = _check(
        "--registry", str(probe_web.registry), "--probe", "--outlet", "scripted"
    )
    assert code == 0
    assert stdout.splitlines()[-1] == (
        "1 outlet: 0 reachable, 1 not probed (render = browser), 0 with something to look at"
    )
    assert probe_web.walled_log.snapshot() == []
