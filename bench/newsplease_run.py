"""news-please on the bench web: run by the Python of a separate virtualenv that has news-please
(`python -m venv DIR && DIR/bin/pip install news-please`), never imported by newsarchive.

Reads the article URLs from a file (one a line), fetches and extracts them with
`NewsPlease.from_urls` (its threaded downloader, then its extractors in a process pool of one
worker per CPU), writes each article as a JSON line and prints how many had a text.

    DIR/bin/python bench/newsplease_run.py URLS.txt OUT.jsonl
"""

from __future__ import annotations

import json
import sys

from newsplease import NewsPlease


def main() -> None:
    urls_file, output = sys.argv[1], sys.argv[2]
    with open(urls_file) as handle:
        urls = [line.strip() for line in handle if line.strip()]
    results = NewsPlease.from_urls(urls, request_args={"timeout": 30}, fetch_images=False)
    kept = 0
    with open(output, "w") as out:
        for url, article in results.items():
            record = (
                article.get_serializable_dict() if hasattr(article, "get_serializable_dict") else {}
            )
            if record.get("maintext"):
                kept += 1
            out.write(json.dumps({"url": url, "article": record}, default=str) + "\n")
    print(f"{kept} of {len(urls)} articles with a text")


if __name__ == "__main__":
    main()
