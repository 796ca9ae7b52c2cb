"""Gather the public test corpora that bench/corpora.py reads, from local git mirrors.

Each corpus is a project's own test pages with the values that project's tests expect of them,
so the truth is the project's, not ours. The pages are written byte for byte as the repository
holds them (`pages/<id>.html`), the expectations in one `truth.json` (see bench/corpora.py for
the keys), and a `SOURCE` file naming the repository and the commit read. Nothing here is
fetched from the network: the input is a bare git directory per repository (a mirror or a
clone), read with `git cat-file`, so a run is repeatable from the commit in `SOURCE`.

What each project's tests give, and so what each corpus holds:

- newspaper4k (tests/data): the page, the text newspaper4k's tests expect (`txt/`, a whole
  body), its recorded title and publication date (`metadata/`); the URL from the metadata or
  the test fixtures. The home pages its source tests read (CNN, Wired, Yahoo) are `front`; its
  RSS sample and the Associated Press story of its meta-refresh test (one story under AP's
  generic title, its address not given) are `other`; the 571-byte meta-refresh stub is left out.
- trafilatura-eval (tests/evaldata.json, pages under tests/eval and tests/cache): the snippets
  the body must and must not contain; the one page that is a blog's index (ten posts under
  their headline links; its snippets ask for the first post only) is `front`.
- readability (test/test-pages): the whole expected body (`expected.html`, as text), title and
  published time (`expected-metadata.json`); pages Readability itself calls not readerable
  are `other`. Pages under 5,000 bytes are hand-made fragments testing one rule each and are
  left out.
- goose3 (tests/data): title, publication date and the opening of the body (the first
  paragraph of `cleaned_text`, as a snippet the body must contain) from each page's JSON;
  fragments under 5,000 bytes and pages whose JSON gives no URL are left out.
- postlight (fixtures, expectations from src/extractors/custom/*/index.test.js): URL, title,
  published date and the first words of the content (a snippet), read from the tests' own
  `assert.equal` lines; a fixture no test reads with a URL is left out.
- recipes (hhursev/recipe-scrapers tests/test_data): title and canonical URL; `other` (a recipe
  is not a news article).
- article-or-not (AdamClarkStandke/SeniorResearch, a study of telling news articles from other
  pages of ten news sites: ABC, BBC, CBS, CNN, DW, Fox, HuffPost, NBC, The Verge, Yahoo, saved
  in 2018-2019): its `Articles/` are `article`; of its `not_articles/`, the section fronts, topic
  and tag pages and home pages are `front`, and the single videos, galleries, podcasts, 360-degree
  views, recipes, Reddit threads and service pages (schedule, contact) are `other`. The address
  is the file's name (URL-safe base64 of the page's URL).
- autopager (TeamHG-Memex/autopager autopager/data: pages with pagination links, by address in
  data.csv): the listings of news sites and blogs (home pages, category, tag, date archives and
  their later pages, `_AUTOPAGER_FRONTS`) are `front`; the rest (forums, shops, event
  calendars, directories, the odd article split over pages) is `other`.

    python bench/gather_corpora.py [--root /work/corpora] [MIRROR_GIT_DIR ...]

Without mirror arguments it reads /work/.mirror/<owner>+<name>/repo for each repository.
"""

from __future__ import annotations

import argparse
import ast
import base64
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

DEFAULT_ROOT = Path("/work/corpora")
DEFAULT_MIRRORS = Path("/work/.mirror")
FRAGMENT_BYTES = 5000  # readability's and goose3's one-rule test fragments are smaller

REPOS = {
    "newspaper4k": "AndyTheFactory/newspaper4k",
    "trafilatura-eval": "adbar/trafilatura",
    "readability": "mozilla/readability",
    "goose3": "goose3/goose3",
    "postlight": "postlight/parser",
    "recipes": "hhursev/recipe-scrapers",
    "article-or-not": "AdamClarkStandke/SeniorResearch",
    "autopager": "TeamHG-Memex/autopager",
}


class Repo:
    """One bare git directory, read at HEAD through a single `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir
        self.commit = self._git("rev-parse", "HEAD").strip()
        self._batch = subprocess.Popen(
            ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def _git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "--git-dir", str(self.git_dir), *args], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8")

    def files(self, under: str) -> dict[str, int]:
        """Every file under a folder at HEAD, with its size in bytes."""
        out = self._git("ls-tree", "-r", "-l", "-z", self.commit, "--", under)
        sizes = {}
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, path = entry.split("\t", 1)
            kind, size = meta.split()[1], meta.split()[3]
            if kind != "blob":
                continue
            if not size.isdigit():  # listed but absent from a partial mirror (git says BAD)
                print(f"  absent from the mirror, left out: {path}")
                continue
            sizes[path] = int(size)
        return sizes

    def read(self, path: str) -> bytes:
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(f"{self.commit}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode("utf-8").split()
        if len(header) < 3 or header[1] != "blob":
            raise FileNotFoundError(f"{self.git_dir}: {path}")
        data = self._batch.stdout.read(int(header[2]) + 1)
        return data[:-1]

    def text(self, path: str) -> str:
        return self.read(path).decode("utf-8")

    def close(self) -> None:
        if self._batch.stdin is not None:
            self._batch.stdin.close()
        self._batch.wait()


@dataclass
class Entry:
    """One page to write and what the project's tests expect of it."""

    id: str
    html: bytes
    url: str
    kind: str = "article"
    body: str | None = None
    title: str | None = None
    date: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)

    def truth(self) -> dict[str, Any]:
        item: dict[str, Any] = {"url": self.url, "kind": self.kind}
        for key, value in (("body", self.body), ("title", self.title), ("date", self.date)):
            if value is not None:
                item[key] = value
        if self.with_:
            item["with"] = self.with_
        if self.without:
            item["without"] = self.without
        return item


_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"}
    | {"figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main"}
    | {"nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
)


def html_text(markup: str) -> str:
    """The visible text of an HTML fragment, one line per block, so words never run together."""
    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def page_url(html: bytes) -> str | None:
    """The page's own canonical address (link rel=canonical, else og:url), when absolute."""
    head = html[:200_000].decode("utf-8", "replace")
    patterns = (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)",
        r"<link[^>]+href=[\"']([^\"']+)[\"'][^>]*rel=[\"']canonical",
        r"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
    )
    for pattern in patterns:
        found = re.search(pattern, head, re.IGNORECASE)
        if found and found.group(1).startswith("http"):
            return found.group(1)
    return None


def day_or_instant(value: str | None) -> str | None:
    """An ISO date as the truth keeps it: with its offset when stated, else the bare day."""
    if not value:
        return None
    value = value.strip().replace(" ", "T", 1)
    if re.search(r"(Z|[+-]\d\d:?\d\d)$", value):
        return value
    return value[:10] if re.match(r"\d{4}-\d\d-\d\d", value) else None


# newspaper4k ----------------------------------------------------------------------------------

# Pages newspaper4k's tests read as a site's home page, by file: the address they stand for.
_NEWSPAPER_FRONTS = {
    "cnn_main_site": "http://cnn.com",
    "wired_main_site": "https://www.wired.com/",
    "yahoo_main_site": "https://uk.yahoo.com/",
}
# Pages its tests read for one field only, and what they are: the meta-refresh test's AP page is
# one story under the agency's generic title, at an address the test does not give.
_NEWSPAPER_OTHERS = {
    "sample_rss": "https://example.com/feed",
    "ap_meta_refresh": "https://apnews.com/",
}


def _fixture_urls(conftest: str) -> dict[str, str]:
    """File name -> URL from the `(file, url, language)` tuples of the tests' conftest."""
    urls = {}
    for node in ast.walk(ast.parse(conftest)):
        if isinstance(node, ast.Tuple) and len(node.elts) == 3:
            try:
                name, url, _ = ast.literal_eval(node)
            except ValueError:
                continue
            if isinstance(name, str) and isinstance(url, str) and url.startswith("http"):
                urls[name] = url
    return urls


def gather_newspaper4k(repo: Repo) -> Iterator[Entry]:
    files = repo.files("tests/data")
    fixture_urls = _fixture_urls(repo.text("tests/conftest.py"))
    for path in sorted(files):
        match = re.fullmatch(r"tests/data/html/(.+)\.html", path)
        if not match:
            continue
        name, html = match.group(1), repo.read(path)
        if name in _NEWSPAPER_FRONTS:
            yield Entry(name, html, _NEWSPAPER_FRONTS[name], kind="front")
            continue
        if name in _NEWSPAPER_OTHERS:  # an RSS document; a story without its address
            yield Entry(name, html, _NEWSPAPER_OTHERS[name], kind="other")
            continue
        if files[path] < FRAGMENT_BYTES:  # the 571-byte meta-refresh stub
            continue
        meta_path = f"tests/data/metadata/{name}.json"
        meta = json.loads(repo.text(meta_path)) if meta_path in files else {}
        txt_path = f"tests/data/txt/{name}.txt"
        body = repo.text(txt_path) if txt_path in files else None
        url = meta.get("url") or fixture_urls.get(name) or page_url(html)
        if not url:
            raise ValueError(f"newspaper4k {name}: no URL")
        yield Entry(
            name,
            html,
            url,
            body=body,
            title=meta.get("title") or None,
            date=day_or_instant(meta.get("publish_date")),
        )


# trafilatura ----------------------------------------------------------------------------------


#: Evaluation pages that are a blog's index, not one article: trafilatura's snippets ask for
#: the first post's text and not the next posts'. The archive must not store them as articles.
_TRAFILATURA_LISTINGS = frozenset({"echte-demokratie-jetzt.de.blog"})


def gather_trafilatura(repo: Repo) -> Iterator[Entry]:
    evaldata = json.loads(repo.text("tests/evaldata.json"))
    files = repo.files("tests/eval") | repo.files("tests/cache")
    for url, item in evaldata.items():
        found = [
            p for p in (f"tests/eval/{item['file']}", f"tests/cache/{item['file']}") if p in files
        ]
        if not found:
            raise FileNotFoundError(f"trafilatura evaldata names {item['file']}: not in the repo")
        page_id = item["file"].removesuffix(".html")
        yield Entry(
            page_id,
            repo.read(found[0]),
            url,
            kind="front" if page_id in _TRAFILATURA_LISTINGS else "article",
            with_=list(item["with"]),
            without=list(item["without"]),
        )


# readability ----------------------------------------------------------------------------------

READABILITY_URL = "http://fakehost/test/page.html"  # the address its test harness gives


def gather_readability(repo: Repo) -> Iterator[Entry]:
    files = repo.files("test/test-pages")
    for path in sorted(files):
        match = re.fullmatch(r"test/test-pages/([^/]+)/source\.html", path)
        if not match or files[path] < FRAGMENT_BYTES:
            continue
        folder = f"test/test-pages/{match.group(1)}"
        meta = json.loads(repo.text(f"{folder}/expected-metadata.json"))
        yield Entry(
            match.group(1),
            repo.read(path),
            READABILITY_URL,
            kind="article" if meta.get("readerable", True) else "other",
            body=html_text(repo.text(f"{folder}/expected.html")),
            title=meta.get("title") or None,
            date=day_or_instant(meta.get("publishedTime")),
        )


# goose3 ---------------------------------------------------------------------------------------


def gather_goose3(repo: Repo) -> Iterator[Entry]:
    files = repo.files("tests/data")
    for path in sorted(files):
        match = re.fullmatch(r"tests/data/([^/]+)/(.+)\.html", path)
        if not match or files[path] < FRAGMENT_BYTES:
            continue
        data = json.loads(repo.text(f"tests/data/{match.group(1)}/{match.group(2)}.json"))
        if not data.get("url"):
            continue
        expected = data.get("expected", {})
        # goose3's tests compare only the start of the text; its recorded text runs on into
        # what goose3 itself kept (captions, asides), so the opening is the first paragraph.
        opening = next(iter((expected.get("cleaned_text") or "").strip().splitlines()), "")
        published = expected.get("publish_datetime_utc") or expected.get("publish_date")
        yield Entry(
            f"{match.group(1)}_{match.group(2)}",
            repo.read(path),
            data["url"],
            title=expected.get("title") or None,
            date=day_or_instant(published),
            with_=[opening] if opening else [],
        )


# postlight ------------------------------------------------------------------------------------

_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def js_literal(source: str, start: int) -> tuple[str | None, int] | None:
    """The JS string (literals joined with `+`) or `null` at `start`: (value, end), else None."""
    pos, parts = start, list[str]()
    while True:
        while pos < len(source) and source[pos].isspace():
            pos += 1
        if not parts and source.startswith("null", pos):
            return None, pos + 4
        if pos >= len(source) or source[pos] not in "'\"`":
            return ("".join(parts), pos) if parts else None
        quote, pos, chars = source[pos], pos + 1, []
        while pos < len(source) and source[pos] != quote:
            char = source[pos]
            if char == "\\":
                nxt = source[pos + 1]
                if nxt == "u":
                    chars.append(chr(int(source[pos + 2 : pos + 6], 16)))
                    pos += 6
                    continue
                if nxt == "x":
                    chars.append(chr(int(source[pos + 2 : pos + 4], 16)))
                    pos += 4
                    continue
                if nxt == "\n":  # a line continuation
                    pos += 2
                    continue
                chars.append(_JS_ESCAPES.get(nxt, nxt))
                pos += 2
                continue
            chars.append(char)
            pos += 1
        parts.append("".join(chars))
        pos += 1
        rest = pos
        while rest < len(source) and source[rest].isspace():
            rest += 1
        if rest < len(source) and source[rest] == "+":
            pos = rest + 1
            continue
        return "".join(parts), pos


_ASSERT = re.compile(
    r"assert\.equal\(\s*(title|date_published|first\d+"
    r"|moment\(date_published\)\.format\(['\"]YYYY-MM-DD['\"]\))\s*,"
)


def postlight_cases(test_source: str) -> Iterator[dict[str, str | None]]:
    """Each `beforeAll` setup of a test file with the expectations that follow it."""
    for chunk in test_source.split("beforeAll(")[1:]:
        fixture = re.search(r"readFileSync\(\s*['\"]\./fixtures/([^'\"]+)['\"]", chunk)
        url_at = re.search(r"\burl\s*=\s*", chunk)
        parsed = js_literal(chunk, url_at.end()) if url_at else None
        if not fixture or parsed is None or not parsed[0]:
            continue
        case: dict[str, str | None] = {"fixture": fixture.group(1), "url": parsed[0]}
        for match in _ASSERT.finditer(chunk):
            value = js_literal(chunk, match.end())
            if value is None:
                continue
            key = match.group(1)
            if key.startswith("first"):
                key = "opening"
            elif key.startswith("moment"):
                key = "day"
            case.setdefault(key, value[0])
        yield case


def gather_postlight(repo: Repo) -> Iterator[Entry]:
    fixtures = repo.files("fixtures")
    seen = set()
    tests = sorted(p for p in repo.files("src/extractors/custom") if p.endswith(".test.js"))
    for test in tests:
        for case in postlight_cases(repo.text(test)):
            fixture = f"fixtures/{case['fixture']}"
            if fixture in seen or fixture not in fixtures:
                continue
            seen.add(fixture)
            url = case["url"]
            assert url is not None
            opening = (case.get("opening") or "").strip()
            yield Entry(
                str(case["fixture"]).removesuffix(".html"),
                repo.read(fixture),
                url,
                title=case.get("title") or None,
                date=day_or_instant(case.get("date_published") or case.get("day")),
                with_=[opening] if opening else [],
            )


# recipe-scrapers ------------------------------------------------------------------------------


def gather_recipes(repo: Repo) -> Iterator[Entry]:
    files = repo.files("tests/test_data")
    for path in sorted(files):
        match = re.fullmatch(r"tests/test_data/([^/]+)/(.+)\.testhtml", path)
        expected = f"tests/test_data/{match.group(1)}/{match.group(2)}.json" if match else ""
        if not match or expected not in files:
            continue
        data = json.loads(repo.text(expected))
        url = data.get("canonical_url") or f"https://{match.group(1)}/"
        yield Entry(
            f"{match.group(1)}_{match.group(2)}",
            repo.read(path),
            url,
            kind="other",
            title=data.get("title") or None,
        )


# article-or-not ------------------------------------------------------------------------------

#: Pages of its `not_articles/` that are one item of another kind, not a list of stories: a video
#: (BBC /av/, CBS /video/slug, Yahoo /news/video/), a gallery or slideshow, a 360-degree view, a
#: podcast or schedule page, a contact page, a recipe, a Reddit thread. The rest are section
#: fronts, topic pages and home pages.
_NOT_A_LISTING = re.compile(
    r"/av/|cbsnews\.com/video/.|/news/video/|/pictures/|/g-\d|slideshow|in-360-degrees"
    r"|podcast|/schedule|contact-the|megaphone\.fm|foodnetwork\.com/recipes/|reddit\.com/r/"
    r"|/av-\d|/live-tv/|/Live$|/shows$|morning-joe/episodes"
)


def gather_article_or_not(repo: Repo) -> Iterator[Entry]:
    for folder, labelled in (("Articles", "article"), ("not_articles", "front")):
        for path in sorted(repo.files(folder)):
            match = re.fullmatch(rf"{folder}/([^/]+)/([^/]+)\.html", path)
            if not match:
                continue
            name = match.group(2)
            url = base64.urlsafe_b64decode(name + "=" * (-len(name) % 4)).decode("utf-8")
            kind = labelled
            if labelled == "front" and _NOT_A_LISTING.search(url):
                kind = "other"
            digest = hashlib.sha1(url.encode()).hexdigest()[:10]
            yield Entry(f"{match.group(1)}_{digest}", repo.read(path), url, kind=kind)


# autopager ------------------------------------------------------------------------------------

#: Its pages (by number in data.csv) that list the stories of a news site or a blog: home pages,
#: categories, tags, date archives and their later pages. Chosen by reading each address and
#: page; the others are forums, shops, event calendars, directories and single items.
_AUTOPAGER_FRONTS = frozenset(
    {9, 10, 11, 12, 13, 14, 15, 22, 23, 25, 26, 27, 33, 34, 35, 39, 40, 73, 74, 75, 76, 77}
    | {79, 80, 81, 85, 86, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 110}
    | {111, 112, 113, 124, 125, 126, 130, 131, 136, 137, 138, 143, 146, 147, 148, 149, 151}
    | {152, 153, 154, 161, 162, 163, 165, 169, 173, 174, 175, 176, 180, 181, 182, 185, 192}
    | {201, 202, 203}
)


def gather_autopager(repo: Repo) -> Iterator[Entry]:
    rows = csv.DictReader(io.StringIO(repo.text("autopager/data/data.csv")))
    for row in rows:
        number = int(row["File Name"])
        yield Entry(
            f"page_{number:03d}",
            repo.read(f"autopager/data/html/{number}.html"),
            row["Page URL"],
            kind="front" if number in _AUTOPAGER_FRONTS else "other",
        )


GATHERERS: dict[str, Callable[[Repo], Iterator[Entry]]] = {
    "newspaper4k": gather_newspaper4k,
    "trafilatura-eval": gather_trafilatura,
    "readability": gather_readability,
    "goose3": gather_goose3,
    "postlight": gather_postlight,
    "recipes": gather_recipes,
    "article-or-not": gather_article_or_not,
    "autopager": gather_autopager,
}


def write_corpus(folder: Path, entries: list[Entry], repo_name: str, commit: str) -> None:
    """Replace the corpus folder with these pages, their truth and where they come from."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "pages").mkdir(parents=True)
    truth = {}
    for entry in entries:
        if entry.id in truth or "/" in entry.id:
            raise ValueError(f"{folder.name}: bad or repeated page id {entry.id!r}")
        (folder / "pages" / f"{entry.id}.html").write_bytes(entry.html)
        truth[entry.id] = entry.truth()
    (folder / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    (folder / "SOURCE").write_text(
        f"https://github.com/{repo_name}\ncommit {commit}\n"
        f"gathered by newsarchive bench/gather_corpora.py ({len(entries)} pages)\n",
        encoding="utf-8",
    )


def find_mirrors(given: list[Path]) -> dict[str, Path]:
    """Corpus name -> git dir, from the arguments (named owner+name) or the default mirror."""
    candidates = given or sorted(DEFAULT_MIRRORS.glob("*/repo"))
    found = {}
    for git_dir in candidates:
        label = git_dir.parent.name if git_dir.name == "repo" else git_dir.name
        label = label.removesuffix(".git").replace("+", "/")
        for corpus, repo_name in REPOS.items():
            if label.lower() in (repo_name.lower(), repo_name.split("/")[1].lower()):
                found[corpus] = git_dir
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirrors", nargs="*", type=Path, help="bare git dirs (owner+name/repo)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="where corpora go")
    parser.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    args = parser.parse_args()
    mirrors = find_mirrors(args.mirrors)
    for corpus, gather in GATHERERS.items():
        if args.corpus and corpus not in args.corpus:
            continue
        if corpus not in mirrors:
            print(f"skipped {corpus}: no mirror of {REPOS[corpus]}")
            continue
        repo = Repo(mirrors[corpus])
        try:
            entries = list(gather(repo))
        finally:
            repo.close()
        write_corpus(args.root / corpus, entries, REPOS[corpus], repo.commit)
        kinds = {k: sum(e.kind == k for e in entries) for k in ("article", "front", "other")}
        print(
            f"{corpus:<18}{len(entries):>6} pages {kinds} from {REPOS[corpus]}@{repo.commit[:10]}"
        )


if __name__ == "__main__":
    main()
