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

With --naive and --news-please-python PY it also crawls a fresh URL set each with a naive
Scrapy spider calling trafilatura in its callback (bench/naive_spider.py) and with news-please
(bench/newsplease_run.py, run by PY, the Python of a virtualenv that has news-please), and prints
our rate over theirs. With --rss-at 2000,20000 (and --pages 20000) it is the memory-bound check:
the crawl's RSS sampled as pages are served, printed after 2,000 and after 20,000 pages.

    python bench/crawl.py [--dataset ../shared/benchmarks/aeb] [--pages 1000]
                          [--extract-workers N] [--workers 1,2] [--redis-url URL]
                          [--naive] [--news-please-python PY] [--rss-at N,N] [--crawl-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
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
    than a sampling interval may be missed; the PostgreSQL server is not in the tree).

    Summed RSS counts a page shared by several processes (libraries, what a forked worker shares
    with its parent) once per process; the summed PSS (proportional set size) counts it once in
    all, which is the memory the tree takes from the machine. Both peaks are kept.
    """

    def __init__(self, *pids: int, progress: Callable[[], int] | None = None) -> None:
        self.processes = [psutil.Process(pid) for pid in pids]
        self.peak = 0
        self.peak_pss = 0
        #: pid -> (its command, last CPU seconds sampled), for the per-process CPU split.
        self.commands: dict[int, str] = {}
        #: pid -> its own peak RSS and PSS, for the per-process memory split.
        self.peaks: dict[int, tuple[int, int]] = {}
        #: (progress(), summed RSS) per sample when a progress counter is given (pages served).
        self.progress = progress
        self.samples: list[tuple[int, int]] = []
        self._cpu: dict[int, float] = {}
        #: root pid -> CPU seconds of its main thread (the crawl's reactor), last sampled.
        self._main_thread: dict[int, float] = {}
        self._cpu_before = {p.pid: _cpu_seconds(p) for p in self.processes}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = pss = 0
            for process in self.processes:
                try:
                    tree = [process, *process.children(recursive=True)]
                    for member in tree:
                        memory = member.memory_full_info()
                        total += memory.rss
                        pss += memory.pss
                        rss_peak, pss_peak = self.peaks.get(member.pid, (0, 0))
                        self.peaks[member.pid] = (
                            max(rss_peak, memory.rss),
                            max(pss_peak, memory.pss),
                        )
                        self._cpu[member.pid] = _cpu_seconds(member)
                        if member.pid == process.pid:
                            self._main_thread[member.pid] = _main_thread_seconds(member)
                        if member.pid not in self.commands:
                            self.commands[member.pid] = _role(member, process)
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)
            if self.progress is not None:
                self.samples.append((self.progress(), total))
            self._stop.wait(0.1)

    def rss_at(self, count: int) -> int | None:
        """The highest RSS sampled in the window of 5% of the pages before `count` pages."""
        window = [rss for done, rss in self.samples if count * 0.95 <= done <= count]
        return max(window) if window else None

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values()) - sum(self._cpu_before.values())

    def main_thread_seconds(self, pid: int) -> float | None:
        """CPU seconds of a sampled root process's main thread (None: never sampled)."""
        return self._main_thread.get(pid)

    def cpu_split(self) -> list[tuple[str, float, int, int]]:
        """(role, CPU seconds, peak RSS, peak PSS) of each process sampled, the busiest first."""
        split = [
            (
                self.commands.get(pid, str(pid)),
                seconds - self._cpu_before.get(pid, 0.0),
                *self.peaks.get(pid, (0, 0)),
            )
            for pid, seconds in self._cpu.items()
        ]
        return sorted(split, key=lambda row: -row[1])


def _role(member: psutil.Process, root: psutil.Process) -> str:
    """What a process of the tree is: the crawl itself, a pool worker, the forkserver, ..."""
    if member.pid == root.pid:
        return f"main process (pid {member.pid})"
    command = " ".join(member.cmdline())
    for marker, role in (
        ("forkserver", "pool worker" if member.ppid() != root.pid else "forkserver"),
        ("resource_tracker", "resource tracker"),
    ):
        if marker in command:
            return f"{role} (pid {member.pid})"
    return f"{member.name()} (pid {member.pid})"


class ServerCpu:
    """CPU seconds of a PostgreSQL server's processes (postmaster and backends) while a crawl
    runs, sampled every 0.2 s (a backend lives only as long as its connection): the server is
    not in the crawl's process tree, but its work is per page too."""

    def __init__(self, data_dir: Path | None) -> None:
        self.data_dir = data_dir
        self._first: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if data_dir is not None:
            self._sample(first=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def _sample(self, first: bool = False) -> None:
        for process in psutil.process_iter(["cmdline"]):
            command = process.info["cmdline"] or []
            if command and command[0].endswith("postgres") and str(self.data_dir) in command:
                try:
                    members = [process, *process.children()]
                except psutil.Error:
                    return
                for member in members:
                    seconds = _cpu_seconds(member)
                    if first:
                        self._first[member.pid] = seconds
                    if seconds:
                        self._last[member.pid] = seconds
                return

    def stop(self) -> float | None:
        """CPU seconds used since construction (None: no server of ours to watch)."""
        if self.data_dir is None:
            return None
        self._stop.set()
        self._thread.join()
        self._sample()
        return sum(last - self._first.get(pid, 0.0) for pid, last in self._last.items())


def _main_thread_seconds(process: psutil.Process) -> float:
    """CPU seconds of the process's main thread: in the crawl, the reactor's (the rest is its
    database threads, the pool's hand-off threads and the start-up)."""
    try:
        threads = process.threads()
    except psutil.Error:
        return 0.0
    return float(sum(t.user_time + t.system_time for t in threads if t.id == process.pid))


def _cpu_seconds(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


#: Extra Scrapy settings for our crawl (--set KEY=VALUE), after the bench's own.
SETTING_OVERRIDES: list[str] = []


def crawl_command(registry: Path, extract_workers: int) -> list[str]:
    overrides = [arg for setting in SETTING_OVERRIDES for arg in ("-s", setting)]
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
        *overrides,
    ]


def run_crawl(
    registry: Path,
    env: dict[str, str],
    extract_workers: int,
    progress: Callable[[], int] | None = None,
) -> tuple[float, PeakMemory, int]:
    """(seconds, the crawl's memory and CPU, new articles stored) of one `newsarchive crawl`."""
    command = crawl_command(registry, extract_workers)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid, progress=progress)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    memory.stop()
    print(f"  crawl said: {stdout.strip()}")
    if process.returncode != 0:
        raise SystemExit(f"crawl exited {process.returncode}")
    match = re.search(r" (\d+) new,", stdout)
    return seconds, memory, int(match.group(1)) if match else 0


def run_other(command: list[str], output: Path) -> tuple[float, PeakMemory, int]:
    """(seconds, memory and CPU, JSON lines written) of a comparison crawler's process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    memory = PeakMemory(process.pid)
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - started
    memory.stop()
    if stdout.strip():
        print(f"  it said: {stdout.strip().splitlines()[-1]}")
    if process.returncode != 0:
        print(f"  it exited {process.returncode}")
    lines = output.read_text().splitlines() if output.exists() else []
    return seconds, memory, sum(1 for line in lines if _has_text(json.loads(line)["article"]))


def _has_text(article: str | dict[str, object]) -> bool:
    """A result with a body: trafilatura's JSON string, or news-please's record with maintext."""
    return bool(article) if isinstance(article, str) else bool(article.get("maintext"))


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


def warm_up_trafilatura() -> None:
    """The ceiling's workers load trafilatura only, as a bare trafilatura user would."""
    trafilatura.extract("<html><body><p>warm up</p></body></html>", url="http://localhost/")


def plain_trafilatura(body: bytes, url: str) -> bool:
    """The ceiling: what trafilatura alone does with a page (a bare UTF-8 decode first)."""
    text = body.decode("utf-8", "replace")
    result = trafilatura.extract(text, url=url, output_format="json", with_metadata=True)
    return result is not None


def ours(body: bytes, url: str) -> bool:
    """Our pool worker's whole page path (decode, extract, analyse), without the crawl."""
    return extract_page(body, "utf-8", url, Evidence()).record is not None


def _fetch_all(urls: list[str], threads: int) -> tuple[float, int]:
    """(seconds, responses read) for `threads` keep-alive clients splitting `urls`: run in a
    process of its own, so the clients do not share the serving process's GIL."""
    import http.client
    from urllib.parse import urlsplit

    def client(part: list[str]) -> int:
        netloc = urlsplit(part[0]).netloc if part else ""
        connection = http.client.HTTPConnection(netloc, timeout=30)
        for url in part:
            connection.request("GET", urlsplit(url).path, headers={"Accept-Encoding": "gzip"})
            connection.getresponse().read()
        connection.close()
        return len(part)

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        done = sum(pool.map(client, [urls[i::threads] for i in range(threads)]))
    return time.perf_counter() - started, done


def server_rate(urls: list[str], threads: int = 16) -> float:
    """Pages/s the bench web serves to `threads` concurrent clients in another process: if a
    crawler comes near it, the bench's server, not the crawler, sets the pace."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        seconds, done = pool.submit(_fetch_all, urls, threads).result()
    return done / seconds


def run_extraction(
    bodies: list[tuple[str, bytes]],
    workers: int,
    work: Callable[[bytes, str], bool],
    initializer: Callable[[], None],
) -> tuple[float, PeakMemory, int]:
    """(seconds, memory and CPU, pages `work` kept) of `work` over the pages in a pool of
    `workers` processes, without any crawling."""
    started = time.perf_counter()
    memory = PeakMemory(os.getpid())
    context = get_context("forkserver")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer) as pool:
        futures = [pool.submit(work, body, url) for url, body in bodies]
        kept = sum(1 for future in futures if future.result())
        seconds = time.perf_counter() - started
        time.sleep(0.2)  # one more sample of the workers' CPU before they exit
    memory.stop()
    return seconds, memory, kept


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
    parser.add_argument(
        "--naive",
        action="store_true",
        help="also run the naive Scrapy spider (bench/naive_spider.py) on a fresh URL set",
    )
    parser.add_argument(
        "--news-please-python",
        type=Path,
        help="the Python of a virtualenv with news-please: also run it (bench/newsplease_run.py)",
    )
    parser.add_argument(
        "--rss-at",
        type=_counts,
        metavar="N[,N...]",
        help="the memory-bound check: sample the crawl's RSS as pages are served and print it "
        "after N pages (e.g. --pages 20000 --rss-at 2000,20000); skips the extraction-only runs",
    )
    parser.add_argument(
        "--crawl-only",
        action="store_true",
        help="only our crawl and its CPU split per process (crawl process, reactor, pool "
        "workers, PostgreSQL): skips the server's own rate and the extraction-only runs, for "
        "before/after checks of the crawl machinery",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Scrapy setting for our crawl, after the bench's own (repeatable), for A/B runs",
    )
    args = parser.parse_args()
    SETTING_OVERRIDES.extend(args.set)

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
            measure_one(args, pages, env, Path(tmp))
        finally:
            if not args.database_url:
                subprocess.run(
                    [sys.executable, "-m", "newsarchive", "db", "stop"],
                    env=env,
                    check=False,
                    stdout=subprocess.DEVNULL,
                )


Measured = tuple[str, float, PeakMemory, int]  # name, seconds, memory and CPU, pages kept


def measure_one(
    args: argparse.Namespace, pages: list[bytes], env: dict[str, str], tmp: Path
) -> None:
    """Our crawl, then (each on a fresh URL set) the comparisons, then the extraction-only runs
    on our crawl's pages; one table at the end."""
    others = [name for name, on in (("naive", args.naive), ("np", args.news_please_python)) if on]
    served_count = 0

    def count(_record: object) -> None:
        nonlocal served_count
        served_count += 1

    log = RequestLog()
    log.listener = count
    rows: list[Measured] = []
    with OriginServer("bench", log) as origin:
        sets = build_site(origin, pages, args.pages, rounds=1 + len(others))
        registry = tmp / "bench.toml"
        registry.write_text(registry_toml(origin))
        mib = sum(len(b) for b in sets[0].values()) / 2**20
        print(
            f"{args.pages} pages per crawl ({mib:.0f} MiB of HTML, {len(pages)} distinct), "
            f"{args.extract_workers} extraction processes"
        )
        if not args.crawl_only:
            rate = server_rate(list(sets[0]))
            print(f"bench web server alone: {rate:.1f} pages/s to 16 keep-alive clients")
        server = ServerCpu(
            None if args.database_url else Path(env["NEWSARCHIVE_HOME"]) / "postgres"
        )
        served_count = 0  # the crawl's pages only, not those server_rate just fetched
        seconds, memory, stored = run_crawl(
            registry, env, args.extract_workers, progress=lambda: served_count
        )
        server_seconds = server.stop()
        rows.append(("newsarchive crawl end to end", seconds, memory, stored))
        print_split(memory, server_seconds, max(stored, 1))
        for round_, name in enumerate(others, start=1):
            output = tmp / f"{name}.jsonl"
            if name == "naive":
                sitemap = f"{origin.base_url}/r{round_}/sitemap.xml"
                command = [sys.executable, str(Path(__file__).with_name("naive_spider.py"))]
                print("naive Scrapy spider, trafilatura in its callback:")
                measured = run_other([*command, sitemap, str(output)], output)
                rows.append(("naive spider + trafilatura", *measured))
            else:
                urls = tmp / "urls.txt"
                urls.write_text("\n".join(sets[round_]) + "\n")
                script = str(Path(__file__).with_name("newsplease_run.py"))
                print(f"news-please ({args.news_please_python}):")
                measured = run_other(
                    [str(args.news_please_python), script, str(urls), str(output)], output
                )
                rows.append(("news-please from_urls", *measured))
    if args.rss_at:
        print(f"crawl: {stored} articles stored of {args.pages} pages in {seconds:.1f} s")
        for count_at in args.rss_at:
            rss = memory.rss_at(count_at)
            shown = f"{rss / 2**20:.0f} MiB" if rss is not None else "not reached"
            print(f"  RSS of the crawl's process tree after {count_at} pages served: {shown}")
        first, last = (memory.rss_at(n) for n in (args.rss_at[0], args.rss_at[-1]))
        if first and last:
            print(
                f"  ratio {last / first:.2f} (target: within 10%), "
                f"peak {memory.peak / 2**20:.0f} MiB"
            )
        return
    if args.crawl_only:
        print(f"crawl: {stored} articles stored of {args.pages} pages in {seconds:.1f} s")
        return
    bodies = list(sets[0].items())
    for name, work, initializer in (
        ("ceiling: plain trafilatura.extract", plain_trafilatura, warm_up_trafilatura),
        ("our page path in the pool only", ours, warm_up),
    ):
        rows.append((name, *run_extraction(bodies, args.extract_workers, work, initializer)))
    print_table(rows, args)


def print_split(memory: PeakMemory, server_seconds: float | None, pages: int) -> None:
    """Where the crawl's CPU went, per process: who is near a core's worth and who idles."""
    print("  CPU of the crawl per process (ms per page stored), and its own peak RSS and PSS:")
    for role, seconds, rss, pss in memory.cpu_split():
        if seconds > 0.005:
            print(
                f"    {seconds * 1000 / pages:8.1f}  {role:32} "
                f"{rss / 2**20:5.0f} MiB RSS {pss / 2**20:5.0f} MiB PSS"
            )
    for process in memory.processes:
        main = memory.main_thread_seconds(process.pid)
        if main is not None:
            print(f"    {main * 1000 / pages:8.1f}    of which its main thread (the reactor)")
    if server_seconds is not None:
        print(f"    {server_seconds * 1000 / pages:8.1f}  PostgreSQL server (postmaster, backends)")


def print_table(rows: list[Measured], args: argparse.Namespace) -> None:
    pages_n = args.pages
    print(
        f"{'':34}{'seconds':>9}{'pages/s':>9}{'CPU ms/page':>13}{'peak RSS MiB':>14}"
        f"{'peak PSS MiB':>14}   kept"
    )
    rates = {}
    for name, seconds, memory, kept in rows:
        rate = kept / seconds
        rates[name] = rate
        print(
            f"{name:34}{seconds:>9.1f}{rate:>9.1f}{memory.cpu_seconds * 1000 / max(kept, 1):>13.1f}"
            f"{memory.peak / 2**20:>14.0f}{memory.peak_pss / 2**20:>14.0f}   {kept} of {pages_n}"
        )
    ours_rate = rates["newsarchive crawl end to end"]
    ceiling = rates["ceiling: plain trafilatura.extract"]
    print(
        f"ratio crawl / trafilatura ceiling, {args.extract_workers} processes each: "
        f"{ours_rate / ceiling:.2f} (target >= 0.8)"
    )
    for name, target in (("naive spider + trafilatura", 2), ("news-please from_urls", 6)):
        if name in rates:
            print(f"ratio crawl / {name}: {ours_rate / rates[name]:.2f} (target >= {target})")
    print(
        "pages/s: pages kept (articles stored, JSON lines written, extractions that gave a "
        "result) per second, start-up included; crawl settings for ours and the naive spider: "
        "AUTOTHROTTLE_ENABLED=False DOWNLOAD_DELAY=0 CONCURRENT_REQUESTS_PER_DOMAIN=16 "
        "(Scrapy keys its slot by host name, not port: one outlet on 127.0.0.1, one slot); "
        "news-please: its own from_urls (threaded downloads, a process pool of one per CPU); "
        "CPU and RSS: each crawler's process tree or the bench's pool, sampled every 0.1 s, "
        "PostgreSQL's server not included; RSS summed counts a page shared by two processes "
        "twice, PSS summed once"
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
