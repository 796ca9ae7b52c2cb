"""Every extracted record of the benchmark pages as JSON lines, to prove a change keeps output.

A speed change must not change what lands in `articles`: dump the records before and after and
compare the files (`cmp`, `diff`). One line per page, in page order: the corpus, the page id and
`extract_article`'s record (every field; datetimes and offsets as ISO text) or its `NotArticle`
reason and detail. `now` is fixed, so the dump does not depend on the day it is taken.

    python bench/records.py OUT.jsonl [--corpus aeb --corpus dates]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpora import DEFAULT_ROOT, SHARED, load_corpora
from newsarchive.extract import extract_article

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def record_json(result: Any) -> dict[str, Any]:
    """A record or a NotArticle as plain JSON values, with its class name."""
    values = dataclasses.asdict(result)
    return {"kind": type(result).__name__, **values}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="gathered corpora")
    parser.add_argument("--shared", type=Path, default=SHARED, help="aeb and dates")
    parser.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    args = parser.parse_args()
    only = set(args.corpus) if args.corpus else {"aeb", "dates"}
    corpora = load_corpora(args.root, args.shared, only)
    count = 0
    with args.output.open("w", encoding="utf-8") as out:
        for name, pages in corpora.items():
            for page in pages:
                result = extract_article(page.html, page.url, now=NOW)
                line = {"corpus": name, "id": page.id, **record_json(result)}
                out.write(json.dumps(line, ensure_ascii=False, default=str, sort_keys=True) + "\n")
                count += 1
    print(f"{count} records in {args.output}")


if __name__ == "__main__":
    main()
