"""Where a page's time goes: the top of a cProfile of the pool worker's path or of the crawl.

`worker` profiles, in this one process, what an extraction-pool worker does to each bench page
(analysis.page.extract_page: decode, extract, analyse) plus the pickling between the reactor and
the pool, and prints the time per package (trafilatura, lxml, our extract/, analysis/, ...) and
the top functions by own time. Everything that is not trafilatura's, lxml's or its helpers' own
work is ours to cut.

`crawl` runs `newsarchive crawl` in this process on the bench web (bench/crawl.py's generated
outlet) with cProfile on the reactor thread, and a profile of its own in each database call the
crawl hands to a thread (store batches, the known-URL check, story assignment), and prints the
top of both. The pool workers are separate processes: `worker` is their profile.

    python bench/profile_pages.py worker [--pages 181] [--top 25]
    python bench/profile_pages.py crawl [--pages 1000] [--top 25] [--database-url URL]
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pickle
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests.fixtureweb's server
sys.path.insert(0, str(REPO / "bench"))  # crawl.py's bench web

from crawl import DEFAULT_DATASET, build_site, crawl_command, load_pages, registry_toml  # noqa: E402
from newsarchive.analysis.page import extract_page, warm_up  # noqa: E402
from newsarchive.extract import Evidence  # noqa: E402
from tests.fixtureweb.server import OriginServer, RequestLog  # noqa: E402

#: Where a function's file lives -> the name its own time is summed under.
PACKAGES = (
    ("newsarchive/extract/", "newsarchive.extract"),
    ("newsarchive/analysis/", "newsarchive.analysis"),
    ("newsarchive/store/", "newsarchive.store"),
    ("newsarchive/fetch/", "newsarchive.fetch"),
    ("newsarchive/", "newsarchive (other)"),
    ("/trafilatura/", "trafilatura"),
    ("/justext/", "justext"),
    ("/htmldate/", "htmldate"),
    ("/courlan/", "courlan"),
    ("/lxml/", "lxml"),
    ("/ftfy/", "ftfy"),
    ("/charset_normalizer/", "charset_normalizer"),
    ("/py3langid/", "py3langid"),
    ("/scrapy/", "scrapy"),
    ("/twisted/", "twisted"),
    ("/sqlalchemy/", "sqlalchemy"),
    ("/psycopg/", "psycopg"),
    ("/asyncio/", "asyncio"),
)


#: What a profile's times are measured in: the CPU time of the thread a function ran in (the
#: default: on a shared, loaded machine wall time charges other processes' turns on the CPU to
#: whatever function was running, mostly to the reactor's epoll wait), or wall-clock time.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.thread_time, "wall": time.perf_counter}
CLOCK = "cpu"


def package_of(filename: str, function: str) -> str:
    for marker, name in PACKAGES:
        if marker in filename:
            return name
    if filename == "~":  # a built-in: lxml's C methods show as "<method 'x' of 'lxml...'>"
        for marker in ("lxml", "gzip", "zlib", "pickle", "re.Pattern", "select", "socket"):
            if marker in function:
                return f"built-in ({marker})"
        return "built-in (other)"
    return "python stdlib / other"


def by_package(stats: pstats.Stats) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        totals[package_of(filename, function)] += own
    return dict(totals)


def print_profile(title: str, stats: pstats.Stats, per: int, top: int) -> None:
    """Own time per package, then the top functions by own and by cumulative time (ms per page)."""
    total = sum(by_package(stats).values())
    print(
        f"\n== {title}: {total * 1000 / per:.2f} ms per page of profiled time ({per} pages, "
        f"{'thread CPU' if CLOCK == 'cpu' else 'wall-clock'} time)"
    )
    for name, seconds in sorted(by_package(stats).items(), key=lambda kv: -kv[1]):
        if seconds * 1000 / per >= 0.01:
            print(f"  {seconds * 1000 / per:9.2f} ms  {seconds / total:6.1%}  {name}")
    for key, label in (("tottime", "own"), ("cumtime", "cumulative")):
        print(f"-- top {top} by {label} time (ms per page)")
        rows = sorted(
            stats.stats.items(),  # type: ignore[attr-defined]
            key=lambda kv: -(kv[1][2] if key == "tottime" else kv[1][3]),
        )[:top]
        for (filename, line, function), (_cc, calls, own, cum, _callers) in rows:
            where = _short(filename, line)
            print(
                f"  own {own * 1000 / per:7.2f}  cum {cum * 1000 / per:7.2f}  "
                f"calls/page {calls / per:7.1f}  {function}  {where}"
            )


def _short(filename: str, line: int) -> str:
    for marker in ("site-packages/", "src/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1] + f":{line}"
    return f"{filename}:{line}"


def profile_worker(args: argparse.Namespace) -> None:
    pages = load_pages(args.dataset)[: args.pages]
    warm_up()
    now = datetime.now(UTC)
    urls = [f"http://127.0.0.1/news/{i:05d}/story.html" for i in range(len(pages))]
    # Pickling between the reactor and the pool: the call's arguments out, the result back.
    clock = CLOCKS[CLOCK] if CLOCK == "wall" else time.process_time
    started = clock()
    results = []
    for body, url in zip(pages, urls, strict=True):
        pickle.loads(pickle.dumps((body, "utf-8", url, Evidence(), now)))
        results.append(extract_page(body, "utf-8", url, Evidence(), now))
    plain = clock() - started
    started = clock()
    for body, url, result in zip(pages, urls, results, strict=True):
        pickle.loads(pickle.dumps((body, "utf-8", url, Evidence(), now)))
        pickle.loads(pickle.dumps(result))
    pickling = clock() - started
    profiler = cProfile.Profile(CLOCKS[CLOCK])
    profiler.enable()
    for body, url in zip(pages, urls, strict=True):
        extract_page(body, "utf-8", url, Evidence(), now)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    n = len(pages)
    print(
        f"{n} pages: extract_page {plain * 1000 / n:.2f} ms/page unprofiled; pickling arguments "
        f"and result both ways {pickling * 1000 / n:.3f} ms/page"
    )
    print_profile("pool worker: analysis.page.extract_page", stats, n, args.top)


class ThreadProfiles:
    """Profiles each call of the wrapped functions in the thread it runs in (cProfile sees only
    the thread that enabled it, and the crawl's database calls run in asyncio.to_thread)."""

    def __init__(self) -> None:
        self.stats: pstats.Stats | None = None
        self.lock = threading.Lock()
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, owner: Any, name: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)
        label = f"{getattr(owner, '__name__', owner)}.{name}"

        @functools.wraps(original)
        def profiled(*args: Any, **kwargs: Any) -> Any:
            profiler = cProfile.Profile(CLOCKS[CLOCK])
            clock = CLOCKS[CLOCK]
            started = clock()
            profiler.enable()
            try:
                return original(*args, **kwargs)
            finally:
                profiler.disable()
                with self.lock:
                    self.seconds[label] += clock() - started
                    self.calls[label] += 1
                    if self.stats is None:
                        self.stats = pstats.Stats(profiler, stream=io.StringIO())
                    else:
                        self.stats.add(profiler)

        setattr(owner, name, profiled)


def profile_crawl(args: argparse.Namespace) -> None:
    from newsarchive import cli
    from newsarchive.fetch import pipelines, spider
    from newsarchive.store import articles, frontier

    threads = ThreadProfiles()
    threads.wrap(articles.ArticleWriter, "store_batch")
    threads.wrap(frontier.Frontier, "known_urls")
    threads.wrap(pipelines, "assign_urls")  # the name the store pipeline calls
    del spider  # imported so the crawl's modules are loaded before profiling starts

    pages = load_pages(args.dataset)
    with tempfile.TemporaryDirectory(prefix="newsarchive-profile-") as tmp:
        os.environ["NEWSARCHIVE_HOME"] = str(Path(tmp) / "home")
        if args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
        else:
            os.environ.pop("DATABASE_URL", None)
        subprocess.run(
            [sys.executable, "-m", "newsarchive", "db", "upgrade", "-q"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        try:
            with OriginServer("bench", RequestLog()) as origin:
                [served] = build_site(origin, pages, args.pages)
                registry = Path(tmp) / "bench.toml"
                registry.write_text(registry_toml(origin))
                argv = crawl_command(registry, args.extract_workers)[3:]  # after "-m newsarchive"
                profiler = cProfile.Profile(CLOCKS[CLOCK])
                started = time.perf_counter()
                profiler.enable()
                code = cli.main(argv)
                profiler.disable()
                seconds = time.perf_counter() - started
        finally:
            if not args.database_url:
                subprocess.run(
                    [sys.executable, "-m", "newsarchive", "db", "stop"],
                    check=False,
                    stdout=subprocess.DEVNULL,
                )
    n = len(served)
    print(f"crawl exited {code}: {n} pages in {seconds:.1f} s ({n / seconds:.1f} pages/s)")
    for label, spent in sorted(threads.seconds.items()):
        print(
            f"  {label}: {threads.calls[label]} calls, {spent:.2f} s "
            f"({spent * 1000 / n:.2f} ms per page)"
        )
    reactor = pstats.Stats(profiler, stream=io.StringIO())
    print_profile("reactor thread", reactor, n, args.top)
    if args.dump:
        reactor.dump_stats(args.dump)
    if threads.stats is not None:
        print_profile("database threads", threads.stats, n, args.top)


def main() -> None:
    global CLOCK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("worker", "crawl"))
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--pages", type=int, help="worker: 181 (the distinct pages); crawl: 1000")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--extract-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", help="crawl: an empty throwaway database")
    parser.add_argument("--dump", type=Path, help="crawl: also write the reactor's pstats here")
    parser.add_argument(
        "--clock",
        choices=tuple(CLOCKS),
        default=CLOCK,
        help="profile in each thread's CPU time (default; robust to a loaded machine) or wall time",
    )
    args = parser.parse_args()
    CLOCK = args.clock
    if args.what == "worker":
        args.pages = args.pages or 10_000
        profile_worker(args)
    else:
        args.pages = args.pages or 1000
        profile_crawl(args)


if __name__ == "__main__":
    main()
