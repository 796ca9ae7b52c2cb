"""Public test pages with ground truth, read into one shape for the extraction benchmarks.

None of these corpora is in the repository and nothing in the package or its tests needs them:
benchmarks take each corpus's folder as an argument, and a corpus whose folder is missing is
skipped with a note. Two layouts are read:

- the two sets in `../shared/benchmarks`: `aeb` (the article-extraction-benchmark: whole bodies)
  and `dates` (200 news pages of htmldate's evaluation: publication days);
- a normalised folder per gathered corpus (under `/work/corpora` by default): `pages/<id>.html`
  holding the page's bytes as its repository has them, and `truth.json` mapping each id to
  `{url, kind, body?, title?, date?, with?, without?}`. `kind` is `article`, `front` (a home
  page, section front or tag page: must not be stored as an article) or `other` (a real page
  that is neither, such as a recipe: counted for exceptions and titles, not for the gate).
  `with`/`without` are snippets the body must and must not contain (trafilatura's evaluation).

The gathered corpora and where they come from (each folder's `SOURCE` names the commit);
`bench/gather_corpora.py` writes them from a bare git copy of each project, taking the truth
from that project's own test expectations (its docstring says how, corpus by corpus):
newspaper4k (AndyTheFactory/newspaper4k tests/data: bodies, titles, dates; its home pages as
`front`), trafilatura-eval (adbar/trafilatura tests/evaldata.json: snippets), readability
(mozilla/readability test/test-pages: bodies, titles, dates; pages it calls not readerable as
`other`), goose3 (goose3/goose3 tests/data: titles, the opening of the body as a snippet),
postlight (postlight/parser fixtures and their tests: titles, dates, the first words of the body
as a snippet), recipes (hhursev/recipe-scrapers tests/test_data: titles; all `other`),
article-or-not (AdamClarkStandke/SeniorResearch: articles and section fronts of ten news sites,
as that study labelled them; its videos, galleries and other single items `other`) and
autopager (TeamHG-Memex/autopager: paginated pages; the listings of news sites and blogs
`front`, forums and shops `other`): the last two measure the article gate on fronts.
readability's and goose3's hand-made fragments of a few lines (under 5,000 bytes: one parser
rule each) are left out: they are not real pages. Kept apart as never-used
held-out data: fundus's test pages and htmldate's test pages beyond the 200 of `dates`.

    python bench/gather_corpora.py [--root /work/corpora] [GIT_DIR ...]   # write them

    python bench/corpora.py [--root /work/corpora]   # what is there, page counts per corpus
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "benchmarks"
DEFAULT_ROOT = Path("/work/corpora")
GATHERED = (
    "newspaper4k",
    "trafilatura-eval",
    "readability",
    "goose3",
    "postlight",
    "recipes",
    "article-or-not",
    "autopager",
)


@dataclass(frozen=True)
class Page:
    """One page and what its corpus says is right about it (None: the corpus does not say)."""

    corpus: str
    id: str
    url: str
    html: str | bytes
    kind: str = "article"
    body: str | None = None
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, or an ISO datetime with its offset
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()


def load_aeb(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            Page("aeb", page_id, item["url"], raw.decode("utf-8"), body=item["articleBody"])
        )
    return pages


def load_dates(folder: Path) -> list[Page]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    pages = []
    for name, item in sorted(expected.items()):
        raw = gzip.decompress((folder / "pages" / name).read_bytes())
        html = raw.decode("utf-8", "replace")
        day = item["date"]
        if isinstance(day, str):
            pages.append(Page("dates", name, item["url"], html, date=day))
        else:  # NaN: the page states no date (a home page, a search result, a catalogue)
            pages.append(Page("dates", name, item["url"], html, kind="other"))
    return pages


def load_gathered(folder: Path) -> list[Page]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            corpus=folder.name,
            id=page_id,
            url=item["url"],
            html=(folder / "pages" / f"{page_id}.html").read_bytes(),
            kind=item.get("kind", "article"),
            body=item.get("body"),
            title=item.get("title"),
            date=item.get("date"),
            with_snippets=tuple(item.get("with", ())),
            without_snippets=tuple(item.get("without", ())),
        )
        for page_id, item in sorted(truth.items())
    ]


def sources(root: Path, shared: Path) -> dict[str, tuple[Path, Callable[[Path], list[Page]]]]:
    """Every corpus by name: its folder and the function that reads it."""
    found: dict[str, tuple[Path, Callable[[Path], list[Page]]]] = {
        "aeb": (shared / "aeb", load_aeb),
        "dates": (shared / "dates", load_dates),
    }
    for name in GATHERED:
        found[name] = (root / name, load_gathered)
    return found


def load_corpora(
    root: Path = DEFAULT_ROOT, shared: Path = SHARED, only: set[str] | None = None
) -> dict[str, list[Page]]:
    """Each corpus that exists, by name; a missing folder is reported and skipped."""
    corpora = {}
    for name, (folder, load) in sources(root, shared).items():
        if only and name not in only:
            continue
        if not folder.is_dir():
            print(f"skipped {name}: no folder {folder}")
            continue
        corpora[name] = load(folder)
    return corpora


def distinct_pages(corpora: dict[str, list[Page]]) -> int:
    """Pages counted once when two corpora (or two folders of one) hold the same bytes."""
    digests = set()
    for pages in corpora.values():
        for page in pages:
            raw = page.html.encode("utf-8") if isinstance(page.html, str) else page.html
            digests.add(hashlib.sha256(raw).hexdigest())
    return len(digests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="gathered corpora")
    parser.add_argument("--shared", type=Path, default=SHARED, help="aeb and dates")
    args = parser.parse_args()
    corpora = load_corpora(args.root, args.shared)
    for name, pages in corpora.items():
        kinds = {kind: sum(p.kind == kind for p in pages) for kind in ("article", "front", "other")}
        truths = {
            "body": sum(p.body is not None for p in pages),
            "snippets": sum(bool(p.with_snippets or p.without_snippets) for p in pages),
            "title": sum(p.title is not None for p in pages),
            "date": sum(p.date is not None for p in pages),
        }
        print(f"{name:<18}{len(pages):>6} pages  {kinds}  with truth: {truths}")
    total = sum(len(pages) for pages in corpora.values())
    print(f"{total} pages, {distinct_pages(corpora)} distinct")


if __name__ == "__main__":
    main()
