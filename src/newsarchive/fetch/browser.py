"""Pages drawn by JavaScript: fetched through a headless Chromium via scrapy-playwright.

Optional: `pip install 'newsarchive[browser]'` brings scrapy-playwright, which drives the
system's Chromium (Debian's `chromium`; Playwright's own browser download is not needed). Only
the requests of outlets (or listing pages) marked `render = "browser"` go through the browser;
scrapy-playwright's handler passes every other request to Scrapy's own HTTP handler. Without the
extra or without Chromium, those outlets are named once and skipped, and the rest are crawled.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import Any

from newsarchive.registry import Outlet

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
#: Where Chromium is looked for, in order, unless NEWSARCHIVE_CHROMIUM names it.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
#: A crawler needs no sandbox inside a container, no GPU, and no background traffic of its own.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def needs_browser(outlet: Outlet) -> bool:
    return outlet.render == "browser" or bool(outlet.browser_pages)


def chromium_path() -> str | None:
    named = os.environ.get("NEWSARCHIVE_CHROMIUM")
    if named is not None:
        return named if os.access(named, os.X_OK) else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def browser_problem() -> str | None:
    """Why pages cannot be rendered here (None: they can)."""
    try:
        import scrapy_playwright.handler  # noqa: F401
    except ImportError:
        return "the browser extra is not installed (pip install 'newsarchive[browser]')"
    if chromium_path() is None:
        return "no Chromium found (apt-get install chromium, or set NEWSARCHIVE_CHROMIUM)"
    return None


def split_browser_outlets(
    outlets: Sequence[Outlet],
) -> tuple[list[Outlet], list[Outlet], str | None]:
    """(outlets to crawl, outlets skipped for want of a browser, why) for one run."""
    wanting = [outlet for outlet in outlets if needs_browser(outlet)]
    if not wanting:
        return list(outlets), [], None
    problem = browser_problem()
    if problem is None:
        return list(outlets), [], None
    return [outlet for outlet in outlets if not needs_browser(outlet)], wanting, problem


def browser_settings(outlets: Sequence[Outlet]) -> dict[str, Any]:
    """Scrapy settings that route marked requests through Chromium (none if no outlet needs it)."""
    if not any(needs_browser(outlet) for outlet in outlets):
        return {}
    return {
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {
            "executable_path": chromium_path(),
            "headless": True,
            "args": list(CHROMIUM_ARGS),
        },
        # Browser pages are heavy next to HTTP requests: a few at once on a small machine.
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": 30_000,
    }


def browser_meta() -> dict[str, Any]:
    """Request meta that sends one request through the browser and waits for its scripts."""
    # "networkidle": lists are often fetched by a script after the load event.
    return {"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "networkidle"}}
