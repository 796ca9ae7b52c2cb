"""What deciding a page's charset costs per page, beside a bare strict decode of the same bytes.

Decodes every article-extraction-benchmark page (UTF-8 served with a UTF-8 header, the common
case) with `decode_html`, and in the same run with `bytes.decode` alone and with the mojibake check
the decoder used before (ftfy's `is_bad` over the first 200,000 characters), so the figures are
ratios on one loaded machine. Figures only; nothing is asserted.

    python bench/decoding.py [--dataset ../shared/benchmarks/aeb] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from ftfy.badness import is_bad

from newsarchive.extract.decoding import decode_html

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = REPO.parent / "shared" / "benchmarks" / "aeb"


def per_page_ms(pages: list[bytes], decode: Callable[[bytes], object], rounds: int) -> float:
    """The best of `rounds` passes over all pages, in ms per page (the least disturbed pass)."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for body in pages:
            decode(body)
        best = min(best, time.perf_counter() - started)
    return best * 1000 / len(pages)


def median_ms(pages: list[bytes], rounds: int) -> tuple[float, int]:
    """The median page's best time in `decode_html`, and how many pages were in doubt (the
    declared UTF-8 did not decode clean, so the detector ran)."""
    times = []
    doubtful = 0
    for body in pages:
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            page = decode_html(body, "utf-8")
            best = min(best, time.perf_counter() - started)
        times.append(best * 1000)
        doubtful += page.encoding_source != "http"
    return statistics.median(times), doubtful


def whole_sample_check(body: bytes) -> bool:
    text = body.decode("utf-8")
    sample = text[:200_000]
    return "\ufffd" not in sample and not is_bad(sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sorted((args.dataset / "html").glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no *.html.gz pages under {args.dataset / 'html'}")
    pages = [gzip.decompress(path.read_bytes()) for path in files]
    strict = per_page_ms(pages, lambda body: body.decode("utf-8"), args.rounds)
    ours = per_page_ms(pages, lambda body: decode_html(body, "utf-8"), args.rounds)
    before = per_page_ms(pages, whole_sample_check, args.rounds)
    median, doubtful = median_ms(pages, args.rounds)
    kb = sum(map(len, pages)) / len(pages) / 1024
    print(f"{len(pages)} pages, {kb:.0f} KB of HTML on average, best of {args.rounds} passes")
    print(f"bytes.decode('utf-8') alone:           {strict:7.3f} ms/page")
    print(f"decode_html(body, 'utf-8'):            {ours:7.3f} ms/page ({ours / strict:.1f} x)")
    print(f"decode_html, the median page:          {median:7.3f} ms/page")
    print(f"pages whose declared UTF-8 was in doubt (detector ran): {doubtful}")
    print(
        f"strict decode + is_bad over 200k chars: {before:7.3f} ms/page ({before / strict:.1f} x)"
    )


if __name__ == "__main__":
    main()
