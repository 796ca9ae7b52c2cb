"""What the crawl machinery costs: end-to-end crawl pages/s beside extraction-only docs/s.

Serves a generated outlet of real-sized article pages (the article-extraction-benchmark pages,
each served at several distinct URLs) on 127.0.0.1, crawls it with `newsarchive crawl` into a
fresh database, and in the same run extracts the same pages with the same number of processes
without any crawling. The ratio crawl/extraction shows the overhead of discovery, download,
decoding, storage and bookkeeping (target: >= 0.8). Figures only; nothing is asserted.

    python bench/crawl.py [--dataset ../shared/benchmarks/aeb] [--pages 1000] [--workers N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.fixtureweb's server

from newsarchive.crawl.extraction import extract_page, warm_up  # noqa: E402
from newsarchive.extract import Evidence  # noqa: E402
from tests.fixtureweb.server import OriginServer, RequestLog, Resource  # noqa: E402

DEFAULT_DATASET = REPO.parent / "shared" / "benchmarks" / "aeb"


def load_pages(dataset: Path) -> list[bytes]:
    files = sorted((dataset / "html").glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no *.html.gz pages under {dataset / 'html'}")
    return [gzip.decompress(path.read_bytes()) for path in files]


def build_site(origin: OriginServer, pages: list[bytes], count: int) -> dict[str, bytes]:
    """Serve `count` article URLs (pages reused round-robin) listed in one sitemap."""
    served: dict[str, bytes] = {}
    routes: dict[str, Resource] = {}
    for index in range(count):
        path = f"/news/{index:05d}/story.html"
        body = pages[index % len(pages)]
        served[f"{origin.base_url}{path}"] = body
        routes[path] = Resource(body, "text/html; charset=utf-8")
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in served)
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )
    routes["/sitemap.xml"] = Resource.text(sitemap, "application/xml")
    routes["/robots.txt"] = Resource.text("User-agent: *\nAllow: /\n", "text/plain")
    origin.serve(routes)
    return served


def registry_toml(origin: OriginServer) -> str:
    return (
        "[[outlet]]\n"
        'slug = "bench"\nname = "Bench Outlet"\n'
        f'domains = ["{origin.netloc}"]\n'
        'language = "en"\nkind = "newspaper"\n'
        f'sitemaps = ["{origin.base_url}/sitemap.xml"]\n'
        "allow_private_network = true\n"
    )


class PeakMemory:
    """Samples the summed RSS of a process and its children (extraction workers) until stopped."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = sum(p.memory_info().rss for p in tree if p.is_running())
            except psutil.Error:
                total = 0
            self.peak = max(self.peak, total)
            self._stop.wait(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_crawl(registry: Path, home: Path, env: dict[str, str], workers: int) -> tuple[float, int]:
    command = [
        sys.executable,
        "-m",
        "newsarchive",
        "crawl",
        "--registry",
        str(registry),
        "-q",
        # Politeness off: this is our own server, and we measure our machinery, not a delay.
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s",
        f"NEWSARCHIVE_EXTRACT_WORKERS={workers}",
        "-s",
        "NEWSARCHIVE_PROGRESS_INTERVAL=0",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    print(f"  crawl said: {stdout.strip()}")
    if process.returncode != 0:
        raise SystemExit(f"crawl exited {process.returncode}")
    return seconds, peak


def run_extraction(bodies: list[tuple[str, bytes]], workers: int) -> tuple[float, int]:
    started = time.perf_counter()
    context = get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up) as pool:
        futures = [
            pool.submit(extract_page, body, "utf-8", url, Evidence()) for url, body in bodies
        ]
        articles = sum(1 for future in futures if future.result().record is not None)
    return time.perf_counter() - started, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--database-url",
        help="database to crawl into (default: an embedded server in a temporary directory)",
    )
    args = parser.parse_args()

    pages = load_pages(args.dataset)
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
        home = Path(tmp) / "home"
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["NEWSARCHIVE_HOME"] = str(home)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        # Start and migrate the database first: its start-up is not the crawl's cost.
        subprocess.run(
            [sys.executable, "-m", "newsarchive", "db", "upgrade", "-q"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        origin = OriginServer("bench", RequestLog())
        with origin:
            served = build_site(origin, pages, args.pages)
            registry = Path(tmp) / "bench.toml"
            registry.write_text(registry_toml(origin))
            mib = sum(len(b) for b in served.values()) / 2**20
            print(
                f"{len(served)} pages ({mib:.0f} MiB of HTML, {len(pages)} distinct), "
                f"{args.workers} extraction processes"
            )
            crawl_seconds, peak = run_crawl(registry, home, env, args.workers)
        extract_seconds, articles = run_extraction(list(served.items()), args.workers)
        if not args.database_url:
            subprocess.run(
                [sys.executable, "-m", "newsarchive", "db", "stop"],
                env=env,
                check=False,
                stdout=subprocess.DEVNULL,
            )

    crawl_rate = len(served) / crawl_seconds
    extract_rate = len(served) / extract_seconds
    print(f"{'':24}{'seconds':>10}{'pages/s':>10}")
    print(
        f"{'crawl end to end':24}{crawl_seconds:>10.1f}{crawl_rate:>10.1f}"
        f"   peak RSS {peak / 2**20:.0f} MiB (crawler + workers)"
    )
    print(
        f"{'extraction only':24}{extract_seconds:>10.1f}{extract_rate:>10.1f}"
        f"   ({articles} of {len(served)} pages extracted as articles)"
    )
    print(f"ratio crawl/extraction: {crawl_rate / extract_rate:.2f} (target >= 0.8)")


if __name__ == "__main__":
    main()
