"""Per-outlet download_delay and concurrency reach Scrapy: seen from the outlet's own server."""

from __future__ import annotations

import threading
import time
from itertools import pairwise
from pathlib import Path

from tests.fixtureweb import FixtureWeb
from tests.fixtureweb.server import RequestRecord
from tests.support import crawl, query

POLITE = "harbour_post"
DELAY = 0.8  # seconds; Scrapy's ±50 % jitter makes any gap at least half of it
SERVE_TIME = 0.3  # each answer is held this long, so parallel requests overlap


class _InFlight:
    """Requests being answered at once, per outlet, and when each arrived (listener hook)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.most: dict[str, int] = {}
        self.arrivals: dict[str, list[float]] = {}

    def __call__(self, record: RequestRecord) -> None:
        if record.path == "/robots.txt":  # Scrapy fetches it in the host's slot, not the outlet's
            return
        with self._lock:
            self.arrivals.setdefault(record.outlet, []).append(time.monotonic())
            self.now[record.outlet] = self.now.get(record.outlet, 0) + 1
            self.most[record.outlet] = max(self.most.get(record.outlet, 0), self.now[record.outlet])
        time.sleep(SERVE_TIME)
        with self._lock:
            self.now[record.outlet] -= 1


def test_an_outlets_delay_and_concurrency_apply_to_its_requests_only(
    tmp_path: Path, database_url: str
) -> None:
    """All fixture outlets share the host 127.0.0.1, hence one Scrapy slot by default: only a
    slot of the outlet's own can hold it to one request at a time and space them out while the
    others, on the same host, are still fetched in parallel."""
    seen = _InFlight()
    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        text = registry.read_text(encoding="utf-8")
        marker = f'slug = "{POLITE}"'
        assert marker in text
        registry.write_text(
            text.replace(marker, f"{marker}\ndownload_delay = {DELAY}\nconcurrency = 1"),
            encoding="utf-8",
        )
        web.on_request(seen)
        result = crawl(registry, database_url, tmp_path)
        web.on_request(None)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = query(
        database_url,
        "SELECT count(*) FROM pages p JOIN outlets o ON o.id = p.outlet_id "
        "WHERE o.slug = :slug AND p.kind = 'article' AND p.outcome = 'stored'",
        slug=POLITE,
    )[0][0]
    assert stored >= 3
    polite = seen.arrivals[POLITE]
    assert len(polite) >= stored
    assert seen.most[POLITE] == 1
    gaps = [later - earlier for earlier, later in pairwise(polite)]
    assert min(gaps) >= DELAY * 0.5 * 0.95
    # The same host without the keys: AutoThrottle's short delays let requests overlap.
    others = [slug for slug in seen.most if slug != POLITE]
    assert max(seen.most[slug] for slug in others) > 1
