"""`newsarchive try`: one page through the crawl's extraction, printed for an operator.

Pages are served by a fixture origin on 127.0.0.1 or read from a file; the assertions are on
the printed values and the exit code, as an operator (or a script) reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.settings import USER_AGENT
from tests.fixtureweb.ministry import registry_entry
from tests.fixtureweb.server import OriginServer, RequestLog, Resource
from tests.support import closed_port, run_cli

#: A story whose page states its time without an offset: the outlet's registry timezone says
#: which clock it is (Berlin, UTC+01:00 in December).
STORY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers agree joint air defence purchases | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="article:published_time" content="2026-12-04T09:30:00">
<meta name="author" content="Jane Doe">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<article><h1>Ministers agree joint air defence purchases</h1>
<p>Defence ministers agreed on Thursday in Brussels to pool their purchases of air defence
systems, officials said after the two-day meeting ended late in the evening.</p>
<p>The plan commits the members to buy interceptors together over the next five years and to
station more batteries on the eastern flank, according to a statement released at the close.</p>
<p>The secretary general said the agreement was the most significant step for the alliance's
air defences in a decade and that the first joint orders would be placed next spring.</p>
<p>Several ministers said industry would need to expand production lines quickly to meet the
demand, which has grown steadily since the start of the war in Ukraine three years ago.</p>
</article>
<footer>Copyright Harbour Herald</footer></body></html>
"""

FIRST_PARAGRAPH = (
    "Defence ministers agreed on Thursday in Brussels to pool their purchases of air defence "
    "systems, officials said after the two-day meeting ended late in the evening."
)

#: A section front: a list of teasers, no story of its own.
FRONT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>World | Harbour Herald</title></head>
<body><h1>World</h1><ul>
<li><a href="/world/1-ministers">Ministers agree joint air defence purchases</a></li>
<li><a href="/world/2-frigate">Frigate completes sea trials in the Baltic</a></li>
<li><a href="/world/3-summit">Summit ends without a joint statement</a></li>
<li><a href="/world/4-talks">Border talks to resume next week in Geneva</a></li>
</ul></body></html>
"""


@dataclass(frozen=True)
class TryWeb:
    origin: OriginServer
    log: RequestLog
    registry: Path


@pytest.fixture
def try_web(tmp_path: Path) -> Iterator[TryWeb]:
    log = RequestLog()
    with OriginServer("herald", log) as origin:
        origin.serve(
            {
                "/world/1-ministers": Resource.text(STORY, "text/html; charset=utf-8"),
                "/world/": Resource.text(FRONT, "text/html; charset=utf-8"),
            }
        )
        registry = tmp_path / "outlets.toml"
        feeds = f'feeds = ["{origin.base_url}/feed.xml"]'  # never read by `try`
        entry = registry_entry(
            "herald", "Harbour Herald", origin.base_url, feeds, 'timezone = "Europe/Berlin"'
        )
        registry.write_text(entry, encoding="utf-8")
        yield TryWeb(origin, log, registry)


def _try(*args: str) -> tuple[int, str, str]:
    result = run_cli("try", *args, env={}, timeout=120)
    return result.returncode, result.stdout, result.stderr


def _fields(stdout: str) -> dict[str, str]:
    """The `label: value` lines printed before the body."""
    head = stdout.split("\nbody (")[0]
    return {
        label.strip(): value.strip()
        for label, _, value in (line.partition(":") for line in head.splitlines())
    }


def test_a_url_is_fetched_once_with_our_agent_and_read_as_its_outlets(try_web: TryWeb) -> None:
    url = try_web.origin.base_url + "/world/1-ministers"
    code, stdout, stderr = _try(url, "--registry", str(try_web.registry))
    assert (code, stderr) == (0, "")
    fields = _fields(stdout)
    assert fields["outlet"] == "herald (Harbour Herald)"
    assert fields["verdict"] == "article"
    assert fields["title"] == "Ministers agree joint air defence purchases"
    # 09:30 on a Berlin clock: the registry's timezone reached extraction.
    assert fields["published"] == (
        "2026-12-04T08:30:00+00:00 (source meta, precision minute, outlet day 2026-12-04, "
        "UTC+01:00)"
    )
    assert fields["authors"] == "Jane Doe"
    assert fields["language"] == "en"
    body = stdout.split("\nbody (", 1)[1]
    assert body.startswith("first 600 of ")
    assert body.splitlines()[1] == FIRST_PARAGRAPH
    assert "three years ago" not in body
    requests = try_web.log.snapshot()
    assert [(r.method, r.path) for r in requests] == [("GET", "/world/1-ministers")]
    assert requests[0].headers["user-agent"] == USER_AGENT


def test_a_saved_file_reads_as_the_named_outlet_with_full_body(
    try_web: TryWeb, tmp_path: Path
) -> None:
    saved = tmp_path / "story.html"
    saved.write_text(STORY, encoding="utf-8")
    url = try_web.origin.base_url + "/world/1-ministers"
    args = (str(saved), "--registry", str(try_web.registry), "--url", url, "--full")
    code, stdout, stderr = _try(*args, "--outlet", "herald")
    assert (code, stderr) == (0, "")
    fields = _fields(stdout)
    assert fields["url"] == url
    assert fields["outlet"] == "herald (Harbour Herald)"
    assert fields["published"].startswith("2026-12-04T08:30:00+00:00 ")
    assert stdout.rstrip().endswith("since the start of the war in Ukraine three years ago.")
    assert try_web.log.snapshot() == []  # a file is never fetched

    # Without an outlet the same page's clock is UTC: one page cannot tell its zone.
    code, stdout, _ = _try(str(saved), "--registry", str(try_web.registry))
    fields = _fields(stdout)
    assert (code, fields["url"]) == (0, saved.resolve().as_uri())
    assert fields["outlet"] == "none (no registry outlet)"
    assert fields["published"] == (
        "2026-12-04T09:30:00+00:00 (source meta, precision minute, outlet day 2026-12-04)"
    )


def test_a_page_that_is_not_an_article_says_why_and_exits_3(try_web: TryWeb) -> None:
    url = try_web.origin.base_url + "/world/"
    code, stdout, stderr = _try(url, "--registry", str(try_web.registry))
    assert (code, stderr) == (3, "")
    assert (
        _fields(stdout)["verdict"]
        == "not an article: no_body: no body text left after removing boilerplate"
    )
    assert "title" not in _fields(stdout)


def test_failures_are_one_line_with_the_exit_code(try_web: TryWeb, tmp_path: Path) -> None:
    registry = str(try_web.registry)
    missing = try_web.origin.base_url + "/world/9-gone"
    assert _try(missing, "--registry", registry) == (
        1,
        "",
        f"newsarchive: cannot fetch {missing}: HTTP 404\n",
    )
    dead = f"http://127.0.0.1:{closed_port()}/story"
    assert _try(dead, "--registry", registry) == (
        1,
        "",
        f"newsarchive: cannot fetch {dead}: connection refused\n",
    )
    absent = tmp_path / "nowhere.html"
    assert _try(str(absent)) == (
        1,
        "",
        f"newsarchive: cannot read {absent}: No such file or directory\n",
    )
    code, stdout, stderr = _try(str(absent), "--registry", registry, "--outlet", "nope")
    assert (code, stdout) == (2, "")
    assert stderr.startswith("newsarchive: no outlet nope in the registry ")
    assert stderr.count("\n") == 1


def test_try_outlet_shows_the_outlets_hints_applied(tmp_path: Path) -> None:
    from tests.test_hints import REGISTRY, STORY, URL

    registry = tmp_path / "outlets.toml"
    registry.write_text(REGISTRY, encoding="utf-8")
    saved = Path(__file__).parent / "data" / "hints" / "gazette_story.html"
    args = ("--registry", str(registry), "--url", URL, "--full")
    code, stdout, stderr = _try(str(saved), *args, "--outlet", "harbour_gazette")
    assert (code, stderr) == (0, "")
    fields = _fields(stdout)
    assert fields["title"] == "Navy orders four new frigates for the Baltic"
    assert fields["published"] == (
        "2026-12-04T08:30:00+00:00 (source hint, precision minute, outlet day 2026-12-04, "
        "UTC+01:00)"
    )
    assert stdout.split("\nbody (", 1)[1].splitlines()[1:] == STORY
