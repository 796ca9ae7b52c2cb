"""`registry check`: a registry validated as crawl does it, and its listings probed once.

The probe runs against the fixture web plus two outlets of this module's own: one whose robots.txt
forbids our articles (and one of its feeds), one on a port nobody listens on.
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


def _outlet_block(slug: str, netloc: str, feeds: list[str]) -> str:
    return "\n".join(
        [
            "[[outlet]]",
            f'slug = "{slug}"',
            f'name = "{slug.replace("_", " ").title()}"',
            f'domains = ["{netloc}"]',
            'language = "en"',
            'kind = "newspaper"',
            f"feeds = [{', '.join(json.dumps(feed) for feed in feeds)}]",
            "allow_private_network = true",
        ]
    )


@pytest.fixture
def probe_web(tmp_path: Path) -> Iterator[ProbeWeb]:
    log = RequestLog()
    with FixtureWeb() as web, OriginServer("walled_gazette", log) as walled:
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
        extra = [
            _outlet_block(
                "walled_gazette",
                walled.netloc,
                [walled.base_url + "/feeds/main.xml", walled.base_url + "/feeds/hidden.xml"],
            ),
            _outlet_block("dead_outlet", dead_url.split("/")[2], [dead_url]),
        ]
        with registry.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n\n".join(extra) + "\n")
        yield ProbeWeb(web, walled, log, dead_url, registry)


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

    assert stdout.splitlines()[-1] == "6 outlets probed: 5 reachable, 2 with something to look at"


def test_probe_is_polite_robots_first_each_url_once_with_our_user_agent(
    probe_web: ProbeWeb,
) -> None:
    _check("--registry", str(probe_web.registry), "--probe", "--outlet", "walled_gazette")
    requests = probe_web.walled_log.snapshot()
    # The feed robots.txt forbids is never asked for.
    assert [r.path for r in requests] == ["/robots.txt", "/feeds/main.xml"]
    assert all(r.headers["user-agent"].startswith("newsarchive/") for r in requests)
    # --outlet probes only that outlet.
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
