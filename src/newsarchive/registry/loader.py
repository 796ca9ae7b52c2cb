"""Load and validate an outlet registry (TOML): outlets are data, checked before any request.

Every problem in the file is reported at once, each naming the file, the line, the outlet and
the key, so an operator fixes the file in one go instead of one error per run.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

KINDS = (
    "wire",
    "state_media",
    "newspaper",
    "broadcaster",
    "specialist_defence",
    "think_tank",
    "magazine",
    # Ministries, armed forces, presidential and government press offices.
    "government",
    # NATO, the UN, the SCO, the EU/EEAS, the OSCE, the AU, ASEAN...
    "international_organisation",
)
SLUG_RE = re.compile(r"^[a-z0-9_]+$")
DOMAIN_RE = re.compile(r"^(?=.{1,253}(?::\d{1,5})?$)[a-z0-9]([a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$")
URL_LISTS = ("feeds", "sitemaps", "archive_sitemaps")
#: URLs an operator switched off (a feed failing for weeks) without deleting the entry.
DISABLED_LIST = "disabled_sources"
#: Extraction hints: CSS selectors for an outlet the general extraction rules get wrong.
HINT_SELECTORS = ("body_selector", "title_selector", "date_selector")
HINT_KEYS = (*HINT_SELECTORS, "exclude_selectors")
REGEX_LISTS = ("include", "exclude")
#: HTML index pages (press-release lists), how many of their pages to follow, how to fetch.
LISTING_KEYS = ("listing_pages", "listing_depth", "render")
RENDERS = ("http", "browser")
#: Per-outlet politeness (an official site that asks for one request every few seconds).
POLITENESS_KEYS = ("download_delay", "concurrency")
#: Bounds that catch a typo (600 for 0.6, 40 for 4) rather than express a policy.
MAX_DOWNLOAD_DELAY = 120.0
MAX_CONCURRENCY = 16
KNOWN_KEYS = frozenset(
    {
        "slug",
        "name",
        "domains",
        "country",
        "language",
        "kind",
        "homepage",
        *URL_LISTS,
        *REGEX_LISTS,
        "allow_private_network",
        "enabled",
        DISABLED_LIST,
        "horizon_days",
        "timezone",
        *HINT_KEYS,
        *LISTING_KEYS,
        *POLITENESS_KEYS,
    }
)

_ENGLISH = Locale("en")
# CLDR's territories also hold two-letter codes that are not ISO 3166-1 countries: ISO's
# exceptionally reserved codes (EU, UN, IC for the Canaries...) and the user-assigned ones CLDR
# uses for pseudo-locales and "unknown region" (QO, XA, XB, XK, ZZ). What is left is ISO's 249.
_NOT_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "TA", "UN"})
# Babel types these keys as `str | int | None`; the codes wanted are the two-letter strings.
COUNTRIES = frozenset(
    code
    for code in _ENGLISH.territories
    if isinstance(code, str)
    and re.fullmatch(r"[A-Z]{2}", code)
    and code not in _NOT_COUNTRIES
    and not re.fullmatch(r"AA|Q[M-Z]|X[A-Z]|ZZ", code)
)
LANGUAGES = frozenset(
    code for code in _ENGLISH.languages if isinstance(code, str) and re.fullmatch(r"[a-z]{2}", code)
)


class UnknownOutletError(ValueError):
    """--outlet names a slug the registry does not have (a typo, not a broken registry)."""


class RegistryError(Exception):
    """Everything wrong with a registry file; str() is the report an operator reads."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"invalid outlet registry {path}:\n{lines}")


@dataclass(frozen=True)
class Outlet:
    """One outlet of the registry. Frozen and picklable: it travels into Scrapy settings."""

    slug: str
    name: str
    domains: tuple[str, ...]
    country: str | None
    language: str
    kind: str
    homepage: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    archive_sitemaps: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_private_network: bool = False
    enabled: bool = True
    disabled_sources: tuple[str, ...] = ()
    horizon_days: int | None = None  # sitemap entries older than this are skipped
    listing_pages: tuple[str, ...] = ()  # HTML index pages read every crawl, like feeds
    listing_depth: int = 1  # pages of each index to read: 1 is the page itself
    render: str = "http"  # "browser": every page of the outlet through a headless browser
    browser_pages: tuple[str, ...] = ()  # listing pages drawn by JavaScript (render = "browser")
    download_delay: float | None = None  # seconds between requests to this outlet
    concurrency: int | None = None  # requests to this outlet at once
    timezone: str | None = None  # IANA zone of times its pages state without an offset
    body_selector: str | None = None  # CSS: the story's body (extraction hint)
    exclude_selectors: tuple[str, ...] = ()  # CSS: removed before the body is extracted
    title_selector: str | None = None  # CSS: the headline, over the page's metadata
    date_selector: str | None = None  # CSS: the publication date, over the page's metadata

    def renders_in_browser(self, url: str) -> bool:
        """Whether this URL of the outlet must be fetched through a headless browser."""
        return self.render == "browser" or url in self.browser_pages

    @property
    def download_slot(self) -> str | None:
        """Scrapy download slot of an outlet with its own politeness, else None (per host).

        Scrapy keys slots by host name, so an outlet spread over subdomains (or, in tests,
        several outlets on 127.0.0.1) would not get its own delay; a slot named after the
        outlet does, whatever hosts its URLs are on.
        """
        if self.download_delay is None and self.concurrency is None:
            return None
        return f"outlet:{self.slug}"

    def run_listings(self, backfill: bool = False) -> tuple[tuple[str, str], ...]:
        """(url, kind) of every listing a run reads: feeds, news sitemaps (archive sitemaps too
        with backfill) and listing pages, minus the disabled ones. Empty: nothing to read."""
        sitemaps = (*self.sitemaps, *self.archive_sitemaps) if backfill else self.sitemaps
        return (
            *((url, "feed") for url in self.active(self.feeds)),
            *((url, "sitemap") for url in self.active(tuple(sitemaps))),
            *((url, "listing") for url in self.active(self.listing_pages)),
        )

    def active(self, urls: tuple[str, ...]) -> tuple[str, ...]:
        """The listing URLs not switched off with disabled_sources."""
        return tuple(url for url in urls if url not in self.disabled_sources)

    @cached_property
    def _include_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in self.include)

    @cached_property
    def _exclude_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(pattern) for pattern in self.exclude)

    def owns_url(self, url: str) -> bool:
        """Whether the URL is on one of the outlet's domains (subdomains included).

        A domain entry with a port (`127.0.0.1:8123`) matches exactly that host and port.
        """
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:
            return False
        if not host:
            return False
        for domain in self.domains:
            name, _, wanted_port = domain.partition(":")
            if wanted_port:
                if host == name and port == int(wanted_port):
                    return True
            elif host == name or host.endswith("." + name):
                return True
        return False

    def wants_url(self, url: str) -> bool:
        """owns_url, and the include/exclude rules accept it."""
        if not self.owns_url(url):
            return False
        if self._include_patterns and not any(p.search(url) for p in self._include_patterns):
            return False
        return not any(p.search(url) for p in self._exclude_patterns)


@dataclass(frozen=True)
class Registry:
    path: Path
    outlets: tuple[Outlet, ...]
    _by_slug: dict[str, Outlet] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_slug", {o.slug: o for o in self.outlets})

    def select(self, slugs: Sequence[str] = ()) -> list[Outlet]:
        """The named outlets (disabled ones too), or every enabled outlet when none are named."""
        if not slugs:
            return [outlet for outlet in self.outlets if outlet.enabled]
        unknown = [slug for slug in slugs if slug not in self._by_slug]
        if unknown:
            raise UnknownOutletError(
                f"no outlet {', '.join(unknown)} in the registry {self.path}; "
                f"outlets: {', '.join(sorted(self._by_slug))}"
            )
        return [self._by_slug[slug] for slug in dict.fromkeys(slugs)]

    def outlet_for_url(self, url: str) -> Outlet | None:
        """The outlet a URL belongs to.

        Outlets can share a site, one per language (anadolu and anadolu_tr on aa.com.tr), told
        apart by include/exclude: the first outlet whose rules accept the URL wins, else the
        first that owns its host.
        """
        owners = [outlet for outlet in self.outlets if outlet.owns_url(url)]
        wanting = (outlet for outlet in owners if outlet.wants_url(url))
        return next(wanting, owners[0] if owners else None)


def default_registry_path() -> Path:
    """The registry shipped with newsarchive."""
    return Path(str(files("newsarchive.registry").joinpath("outlets.toml")))


def load_registry(path: Path | str | None = None) -> Registry:
    """Read and validate a registry file (default: the shipped one)."""
    path = Path(path) if path is not None else default_registry_path()
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegistryError(path, [f"cannot read the file: {error.strerror or error}"]) from error
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(path, [f"not valid TOML: {error}"]) from error

    lines = _Lines(source)
    problems: list[str] = []
    for key in data:
        if key != "outlet":
            problems.append(f"line {lines.top_level(key)}: unknown top-level key {key!r}")
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        problems.append("'outlet' must be an array of tables: write each as [[outlet]]")
        entries = []

    outlets: list[Outlet] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        checker = _EntryCheck(entry, index, lines)
        outlet = checker.outlet()
        problems.extend(checker.problems)
        if outlet is None:
            continue
        if outlet.slug in seen:
            problems.append(
                f"{checker.where('slug')}: duplicate slug {outlet.slug!r} "
                f"(also outlet #{seen[outlet.slug] + 1})"
            )
            continue
        seen[outlet.slug] = index
        outlets.append(outlet)
    if problems:
        raise RegistryError(path, problems)
    return Registry(path, tuple(outlets))


class _Lines:
    """Line numbers for outlets and keys (tomllib keeps none): found by scanning the text."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.headers = [
            number
            for number, line in enumerate(self.lines, start=1)
            if re.match(r"^\s*\[\[\s*outlet\s*\]\]", line)
        ]

    def outlet(self, index: int) -> int | None:
        return self.headers[index] if index < len(self.headers) else None

    def key(self, index: int, key: str) -> int | None:
        start = self.outlet(index)
        if start is None:
            return None
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start + 1, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def top_level(self, key: str) -> int | None:
        pattern = re.compile(rf"^\s*\[*\s*{re.escape(key)}\b")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return None


class _EntryCheck:
    """Validates one [[outlet]] table, collecting problems instead of stopping at the first."""

    def __init__(self, entry: Any, index: int, lines: _Lines) -> None:
        self.entry = entry if isinstance(entry, dict) else {}
        self.index = index
        self.lines = lines
        self.problems: list[str] = []
        slug = self.entry.get("slug")
        self.label = f"outlet {slug!r}" if isinstance(slug, str) else f"outlet #{index + 1}"

    def where(self, key: str | None = None) -> str:
        line = self.lines.key(self.index, key) if key else self.lines.outlet(self.index)
        place = f"line {line}, " if line else ""
        return f"{place}{self.label}" + (f", key {key!r}" if key else "")

    def fail(self, key: str | None, message: str) -> None:
        self.problems.append(f"{self.where(key)}: {message}")

    def outlet(self) -> Outlet | None:
        """The entry as an Outlet, or None when anything is wrong (see `problems`)."""
        for key in sorted(set(self.entry) - KNOWN_KEYS):
            self.fail(key, f"unknown key (known keys: {', '.join(sorted(KNOWN_KEYS))})")
        identity = self._identity()
        sources = self._sources()
        limits = self._limits()
        render = self._render(self.entry.get("render", "http"), "render")
        delay, concurrency = self._politeness()
        allow_private = self._flag("allow_private_network", default=False)
        enabled = self._flag("enabled", default=True)
        zone = self._timezone()
        hints = self._hints()
        if not self.entry:
            self.fail(None, "must be a table of keys")
        if self.problems or identity is None:
            return None
        return Outlet(
            **identity,
            **sources,
            **limits,
            allow_private_network=allow_private,
            enabled=enabled,
            render=render,
            download_delay=delay,
            concurrency=concurrency,
            timezone=zone,
            **hints,
        )

    def _identity(self) -> dict[str, Any] | None:
        """Who the outlet is: slug, name, language, country, kind, homepage and domains (None
        when a required one is missing)."""
        slug = self._text("slug", required=True)
        if slug is not None and not SLUG_RE.match(slug):
            self.fail("slug", "must be lower-case letters, digits and underscores")
        name = self._text("name", required=True)
        language = self._text("language", required=True)
        if language is not None and language not in LANGUAGES:
            self.fail("language", f"{language!r} is not an ISO 639-1 code such as 'en'")
        country = self._text("country", required=False)
        if country is not None and country not in COUNTRIES:
            self.fail("country", f"{country!r} is not an ISO 3166-1 alpha-2 code such as 'GB'")
        kind = self._text("kind", required=True)
        if kind is not None and kind not in KINDS:
            self.fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
        homepage = self._text("homepage", required=False)
        if homepage is not None and not _is_http_url(homepage):
            self.fail("homepage", f"{homepage!r} is not an absolute http(s) URL")
        domains = self._list("domains", required=True)
        for domain in domains:
            if not DOMAIN_RE.match(domain):
                self.fail("domains", f"{domain!r} is not a lower-case host name (host:port ok)")
        if slug is None or name is None or language is None or kind is None:
            return None
        return {
            "slug": slug,
            "name": name,
            "domains": tuple(domains),
            "country": country,
            "language": language,
            "kind": kind,
            "homepage": homepage,
        }

    def _sources(self) -> dict[str, Any]:
        """Where its article URLs are listed: feeds, sitemaps, listing pages, and those disabled."""
        urls = {key: self._list(key, required=False) for key in URL_LISTS}
        for key, values in urls.items():
            for value in values:
                if not _is_http_url(value):
                    self.fail(key, f"{value!r} is not an absolute http(s) URL")
        listing_pages, browser_pages = self._listing_pages()
        if self.entry and not any(urls.values()) and not listing_pages:
            self.fail(
                None, "needs at least one of feeds, sitemaps, archive_sitemaps or listing_pages"
            )
        disabled = self._list(DISABLED_LIST, required=False)
        configured = {url for values in urls.values() for url in values} | set(listing_pages)
        for value in disabled:
            if value not in configured:
                self.fail(
                    DISABLED_LIST,
                    f"{value!r} is not one of the outlet's feeds or sitemaps (or listing pages)",
                )
        return {
            **{key: tuple(values) for key, values in urls.items()},
            "listing_pages": tuple(listing_pages),
            "browser_pages": tuple(browser_pages),
            "disabled_sources": tuple(disabled),
        }

    def _limits(self) -> dict[str, Any]:
        """Which of its URLs a crawl takes: the horizon, URL patterns, listing depth."""
        horizon = self.entry.get("horizon_days")
        if horizon is not None and (
            isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1
        ):
            self.fail("horizon_days", "must be a whole number of days, at least 1")
            horizon = None
        patterns = {key: self._list(key, required=False) for key in REGEX_LISTS}
        for key, values in patterns.items():
            for value in values:
                try:
                    re.compile(value)
                except re.error as error:
                    self.fail(key, f"{value!r} is not a valid regular expression ({error})")
        depth = self.entry.get("listing_depth", 1)
        if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 50:
            self.fail("listing_depth", "must be a whole number of pages from 1 to 50")
            depth = 1
        return {
            "horizon_days": horizon,
            **{key: tuple(values) for key, values in patterns.items()},
            "listing_depth": depth,
        }

    def _timezone(self) -> str | None:
        """An IANA zone name the system's tz database knows ("Asia/Tokyo"), or None."""
        value = self._text("timezone", required=False)
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self.fail("timezone", f"{value!r} is not an IANA time zone such as 'Europe/Paris'")
            return None
        return value

    def _hints(self) -> dict[str, Any]:
        """The CSS selector keys, each compiled once here so a typo fails at load, not per page."""
        hints: dict[str, Any] = {}
        for key in HINT_SELECTORS:
            value = self._text(key, required=False)
            hints[key] = value if value is not None and self._selector(key, value) else None
        excludes = self._list("exclude_selectors", required=False)
        hints["exclude_selectors"] = tuple(
            value for value in excludes if self._selector("exclude_selectors", value)
        )
        return hints

    def _selector(self, key: str, value: str) -> bool:
        try:
            CSSSelector(value)
        except SelectorError as error:
            self.fail(key, f"{value!r} is not a CSS selector ({error})")
            return False
        return True

    def _listing_pages(self) -> tuple[list[str], list[str]]:
        """listing_pages entries: a URL, or a table {url = "...", render = "browser"}."""
        value = self.entry.get("listing_pages", [])
        if not isinstance(value, list):
            self.fail("listing_pages", "must be a list of URLs or {url, render} tables")
            return [], []
        pages: list[str] = []
        browser: list[str] = []
        for item in value:
            table = item if isinstance(item, dict) else {"url": item}
            url = table.get("url")
            unknown = set(table) - {"url", "render"}
            if unknown or not isinstance(url, str):
                self.fail("listing_pages", f"{item!r} is not a URL or a {{url, render}} table")
                continue
            if not _is_http_url(url.strip()):
                self.fail("listing_pages", f"{url!r} is not an absolute http(s) URL")
                continue
            pages.append(url.strip())
            if self._render(table.get("render", "http"), "listing_pages") == "browser":
                browser.append(url.strip())
        return pages, browser

    def _render(self, value: Any, key: str) -> str:
        if value not in RENDERS:
            self.fail(key, f"render {value!r} is not one of {', '.join(RENDERS)}")
            return "http"
        return str(value)

    def _politeness(self) -> tuple[float | None, int | None]:
        delay = self.entry.get("download_delay")
        if delay is not None and (
            isinstance(delay, bool)
            or not isinstance(delay, int | float)
            or not 0 <= delay <= MAX_DOWNLOAD_DELAY
        ):
            self.fail(
                "download_delay", f"must be a number of seconds from 0 to {MAX_DOWNLOAD_DELAY:g}"
            )
            delay = None
        concurrency = self.entry.get("concurrency")
        if concurrency is not None and (
            isinstance(concurrency, bool)
            or not isinstance(concurrency, int)
            or not 1 <= concurrency <= MAX_CONCURRENCY
        ):
            self.fail("concurrency", f"must be a whole number from 1 to {MAX_CONCURRENCY}")
            concurrency = None
        return (None if delay is None else float(delay)), concurrency

    def _text(self, key: str, *, required: bool) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(key, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be a non-empty string")
            return None
        return value.strip()

    def _list(self, key: str, *, required: bool) -> list[str]:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(key, "is required")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, "must be a list of strings")
            return []
        if required and not value:
            self.fail(key, "must not be empty")
        return [v.strip() for v in value]

    def _flag(self, key: str, *, default: bool) -> bool:
        value = self.entry.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
            return default
        return value


def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
