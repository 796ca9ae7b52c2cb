"""What the crawl machinery costs: end-to-end crawl pages/s beside extraction-only docs/s.

Serves a generated outlet of real-sized article pages (the article-extraction-benchmark pages,
each served at several distinct URLs) on 127.0.0.1, crawls it with `newsarchive crawl` into a
fresh database, and in the same run extracts the same pages with the same number of processes
without any crawling: plain `trafilatura.extract(..., output_format="json", with_metadata=True)`
(the ceiling) and our own pool worker's page path. The ratio crawl/ceiling shows what everything
around trafilatura costs, our own extraction layer included (target: >= 0.8). Prints pages/s,
CPU ms per page and peak RSS of each process tree. Figures only; nothing is asserted.

With --workers N (or a list, --workers 1,2) it instead runs N `newsarchive crawl` processes at
once sharing one Redis frontier (REDIS_URL, scrapy-redis), a fresh set of article URLs for each
N, and prints pages/s per N and the ratio to the first. All N processes share this machine's
CPUs with the web server and PostgreSQL, so the ratio here is a floor for N machines.

    python bench/crawl.py [--dataset ../shared/benchmarks/aeb] [--pages 1000]
                          [--extract-workers N] [--workers 1,2] [--redis-url URL]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import psutil
import trafilatura

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.fixtureweb's server

from newsarchive.analysis.page import extract_page, warm_up  # noqa: E402
from newsarchive.extract import Evidence  # noqa: E402
from tests.fixtureweb.server import OriginServer, RequestLog, Resource  # noqa: E402

DEFAULT_DATASET = REPO.parent / "shared" / "benchmarks" / "aeb"


def load_pages(dataset: Path) -> list[bytes]:
    files = sorted((dataset / "html").glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no *.html.gz pages under {dataset / 'html'}")
    return [gzip.decompress(path.read_bytes()) for path in files]


def build_site(
    origin: OriginServer, pages: list[bytes], count: int, rounds: int = 1
) -> list[dict[str, bytes]]:
    """Serve `rounds` sets of `count` article URLs (pages reused round-robin), each listed in a
    sitemap of its own (/sitemap.xml, /r1/sitemap.xml, ...): one fresh set per crawl measured."""
    routes: dict[str, Resource] = {
        "/robots.txt": Resource.text("User-agent: *\nAllow: /\n", "text/plain")
    }
    sets: list[dict[str, bytes]] = []
    for round_ in range(rounds):
        base = f"/r{round_}" if round_ else ""
        served: dict[str, bytes] = {}
        for index in range(count):
            path = f"{base}/news/{index:05d}/story.html"
            body = pages[index % len(pages)]
            served[f"{origin.base_url}{path}"] = body
            routes[path] = Resource(body, "text/html; charset=utf-8")
        entries = "".join(f"<url><loc>{url}</loc></url>" for url in served)
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        )
        routes[f"{base}/sitemap.xml"] = Resource.text(sitemap, "application/xml")
        sets.append(served)
    origin.serve(routes)
    return sets


def registry_toml(origin: OriginServer, round_: int = 0) -> str:
    base = f"/r{round_}" if round_ else ""
    return (
        "[[outlet]]\n"
        'slug = "bench"\nname = "Bench Outlet"\n'
        f'domains = ["{origin.netloc}"]\n'
        'language = "en"\nkind = "newspaper"\n'
        f'sitemaps = ["{origin.base_url}{base}/sitemap.xml"]\n'
        "allow_private_network = true\n"
    )


class PeakMemory:
    """Samples the summed RSS of processes and their children (extraction workers) until stopped,
    and the CPU seconds each of them used (last sample per process, so a process that lived less
    than a sampling interval may be missed; the PostgreSQL server is not in the tree)."""

    def __init__(self, *pids: int) -> None:
        self.processes = [psutil.Process(pid) for pid in pids]
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._cpu_before = {p.pid: _cpu_seconds(p) for p in self.processes}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for process in self.processes:
                try:
                    tree = [process, *process.children(recursive=True)]
                    total += sum(p.memory_info().rss for p in tree if p.is_running())
                    for member in tree:
                        self._cpu[member.pid] = _cpu_seconds(member)
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values()) - sum(self._cpu_before.values())


def _cpu_seconds(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


def crawl_command(registry: Path, extract_workers: int) -> list[str]:
    return [
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
        f"NEWSARCHIVE_EXTRACT_WORKERS={extract_workers}",
        "-s",
        "NEWSARCHIVE_PROGRESS_INTERVAL=0",
        # Every URL of the sitemap in one run (the default caps a listing at 1,000 URLs).
        "-s",
        "NEWSARCHIVE_LISTING_URL_CAP=1000000",
    ]


def run_crawl(
    registry: Path, env: dict[str, str], extract_workers: int
) -> tuple[float, int, float, int]:
    command = crawl_command(registry, extract_workers)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    print(f"  crawl said: {stdout.strip()}")
    if process.returncode != 0:
        raise SystemExit(f"crawl exited {process.returncode}")
    match = re.search(r" (\d+) new,", stdout)
    return seconds, peak, memory.cpu_seconds, int(match.group(1)) if match else 0


def run_fleet(
    registry: Path, env: dict[str, str], workers: int, extract_workers: int
) -> tuple[float, int, list[int]]:
    """N crawl processes started together on one Redis frontier: (seconds until the last one
    exits, summed peak RSS, pages each fetched). One of them locks the outlet and seeds; the
    others work the queue (fetch/scaleout.py)."""
    # The seconds until every process has stopped include the idle wait: keep it short.
    command = [*crawl_command(registry, extract_workers), "-s", "NEWSARCHIVE_REDIS_IDLE_SECONDS=2"]
    started = time.perf_counter()
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(workers)
    ]
    memory = PeakMemory(*(p.pid for p in processes))
    outputs = [p.communicate()[0] for p in processes]
    seconds = time.perf_counter() - started
    peak = memory.stop()
    fetched = []
    for process, stdout in zip(processes, outputs, strict=True):
        print(f"  crawl said: {stdout.strip().splitlines()[0] if stdout.strip() else ''}")
        if process.returncode != 0:
            raise SystemExit(f"crawl exited {process.returncode}:\n{stdout}")
        match = re.search(r" (\d+) pages,", stdout)
        fetched.append(int(match.group(1)) if match else 0)
    return seconds, peak, fetched


def compare_workers(
    args: argparse.Namespace,
    counts: list[int],
    pages: list[bytes],
    env: dict[str, str],
    tmp: Path,
) -> None:
    """Crawl a fresh URL set once per worker count, all on one shared Redis frontier."""
    import redis

    prefix = f"newsarchive-bench-{os.getpid()}-{secrets.token_hex(3)}"
    client = redis.Redis.from_url(args.redis_url)
    client.ping()  # fail here, not in N crawl processes
    env = env | {
        "REDIS_URL": args.redis_url,
        "NEWSARCHIVE_REDIS_PREFIX": prefix,
    }
    results: list[tuple[int, float, int, list[int]]] = []
    try:
        with OriginServer("bench", RequestLog()) as origin:
            sets = build_site(origin, pages, args.pages, rounds=len(counts))
            mib = sum(len(b) for b in sets[0].values()) / 2**20
            print(
                f"{args.pages} pages per crawl ({mib:.0f} MiB of HTML, {len(pages)} distinct), "
                f"{args.extract_workers} extraction processes per crawl process, "
                f"{os.cpu_count()} CPUs, shared Redis frontier {args.redis_url}"
            )
            for round_, workers in enumerate(counts):
                registry = tmp / f"bench-{round_}.toml"
                registry.write_text(registry_toml(origin, round_))
                print(f"{workers} crawl process(es):")
                seconds, peak, fetched = run_fleet(registry, env, workers, args.extract_workers)
                if sum(fetched) != args.pages:
                    print(f"  note: {sum(fetched)} pages fetched of {args.pages} served")
                results.append((workers, seconds, peak, fetched))
    finally:
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)
        client.close()

    print(f"{'crawl processes':16}{'seconds':>10}{'pages/s':>10}{'ratio':>8}   pages per process")
    first_rate = 0.0
    for workers, seconds, peak, fetched in results:
        rate = args.pages / seconds
        first_rate = first_rate or rate
        print(
            f"{workers:<16}{seconds:>10.1f}{rate:>10.1f}{rate / first_rate:>7.2f}x   "
            f"{' + '.join(map(str, fetched))}   peak RSS {peak / 2**20:.0f} MiB"
        )
    print(
        "seconds: first start to last exit, including start-up and the idle wait "
        "(NEWSARCHIVE_REDIS_IDLE_SECONDS) before each process stops"
    )


def plain_trafilatura(body: bytes, url: str) -> bool:
    """The ceiling: what trafilatura alone does with a page (a bare UTF-8 decode first)."""
    text = body.decode("utf-8", "replace")
    result = trafilatura.extract(text, url=url, output_format="json", with_metadata=True)
    return result is not None


def ours(body: bytes, url: str) -> bool:
    """Our pool worker's whole page path (decode, extract, analyse), without the crawl."""
    return extract_page(body, "utf-8", url, Evidence()).record is not None


def run_extraction(
    bodies: list[tuple[str, bytes]], workers: int, work: Callable[[bytes, str], bool]
) -> tuple[float, int, int, float]:
    """(seconds, pages `work` kept, peak RSS, CPU seconds) of `work` over the pages in a pool of
    `workers` processes, without any crawling."""
    started = time.perf_counter()
    memory = PeakMemory(os.getpid())
    context = get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up) as pool:
        futures = [pool.submit(work, body, url) for url, body in bodies]
        kept = sum(1 for future in futures if future.result())
        seconds = time.perf_counter() - started
        time.sleep(0.2)  # one more sample of the workers' CPU before they exit
    peak = memory.stop()
    return seconds, kept, peak, memory.cpu_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument(
        "--extract-workers",
        type=int,
        default=os.cpu_count() or 1,
        help="extraction processes per crawl process (default: CPUs)",
    )
    parser.add_argument(
        "--workers",
        type=_counts,
        default=[1],
        metavar="N[,N...]",
        help="crawl processes sharing one Redis frontier; a list compares them (default: 1, "
        "the single-process crawl without Redis, beside extraction only)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
        help="Redis for --workers (default: REDIS_URL, else redis://127.0.0.1:6379/0); "
        "keys go under a prefix of their own and are deleted afterwards",
    )
    parser.add_argument(
        "--database-url",
        help="an empty, throwaway database to crawl into: the bench migrates and fills it "
        "(default: an embedded server in a temporary directory)",
    )
    args = parser.parse_args()

    pages = load_pages(args.dataset)
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
        home = Path(tmp) / "home"
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
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
        try:
            if args.workers != [1]:
                compare_workers(args, args.workers, pages, env, Path(tmp))
                return
            origin = OriginServer("bench", RequestLog())
            with origin:
                [served] = build_site(origin, pages, args.pages)
                registry = Path(tmp) / "bench.toml"
                registry.write_text(registry_toml(origin))
                mib = sum(len(b) for b in served.values()) / 2**20
                print(
                    f"{len(served)} pages ({mib:.0f} MiB of HTML, {len(pages)} distinct), "
                    f"{args.extract_workers} extraction processes"
                )
                crawl_seconds, peak, crawl_cpu, stored = run_crawl(
                    registry, env, args.extract_workers
                )
            bodies = list(served.items())
            ceiling = run_extraction(bodies, args.extract_workers, plain_trafilatura)
            pool_only = run_extraction(bodies, args.extract_workers, ours)
        finally:
            if not args.database_url:
                subprocess.run(
                    [sys.executable, "-m", "newsarchive", "db", "stop"],
                    env=env,
                    check=False,
                    stdout=subprocess.DEVNULL,
                )

    pages_n = len(served)
    if stored != pages_n:
        print(f"note: the crawl stored {stored} new articles of {pages_n} pages served")
    crawl_rate = stored / crawl_seconds
    print(f"{'':34}{'seconds':>9}{'pages/s':>9}{'CPU ms/page':>13}{'peak RSS MiB':>14}")
    print(
        f"{'crawl end to end':34}{crawl_seconds:>9.1f}{crawl_rate:>9.1f}"
        f"{crawl_cpu * 1000 / max(stored, 1):>13.1f}{peak / 2**20:>14.0f}"
    )
    for name, (seconds, kept, rss, cpu) in (
        ("ceiling: plain trafilatura.extract", ceiling),
        ("our page path in the pool only", pool_only),
    ):
        print(
            f"{name:34}{seconds:>9.1f}{pages_n / seconds:>9.1f}"
            f"{cpu * 1000 / pages_n:>13.1f}{rss / 2**20:>14.0f}   ({kept} of {pages_n} kept)"
        )
    ceiling_rate = pages_n / ceiling[0]
    print(
        f"ratio crawl / trafilatura ceiling, {args.extract_workers} processes each: "
        f"{crawl_rate / ceiling_rate:.2f} (target >= 0.8)"
    )
    print(
        "crawl settings: -s AUTOTHROTTLE_ENABLED=False -s DOWNLOAD_DELAY=0 "
        "-s CONCURRENT_REQUESTS_PER_DOMAIN=16 (Scrapy keys its slot by host name, not port: "
        "one outlet on 127.0.0.1, one slot); CPU and RSS: the crawl's process tree or the bench's "
        "pool, sampled every 0.1 s, PostgreSQL's server not included"
    )


def _counts(value: str) -> list[int]:
    try:
        counts = [int(part) for part in value.split(",")]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not N or N,N,...") from error
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("worker counts must be at least 1")
    return counts


if __name__ == "__main__":
    main()
