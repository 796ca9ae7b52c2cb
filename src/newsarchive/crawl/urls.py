"""One story, one URL: the key articles are stored under, and the checks made before a fetch.

Pure string work (no Scrapy, no network). courlan does the normalising (case, default ports,
dot segments, punycode, sorted query, its list of tracking parameters); we add the trackers news
sites use that courlan's list lacks, drop fragments, and map AMP twins to their canonical page.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

#: Tracking parameters common on news sites that courlan's own list doesn't catch.
EXTRA_TRACKERS = re.compile(
    r"^(?:ocid|cmpid|cmp|ito|taid|smid|smtyp|s_cid|ns_mchannel|ns_source|ns_campaign|ns_linkname"
    r"|ns_fee|at_[a-z_]+|fbclid|igshid|mbid|rss|rssfeed|feed|from|share)$",
    re.IGNORECASE,
)


def normalise_url(url: str, base: str | None = None) -> str | None:
    """The archive key of a URL, or None when it is not a fetchable http(s) URL."""
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        normalised = normalize_url(url, strict=False)
        parts = urlsplit(normalised)
        _ = parts.port  # raises ValueError for a non-numeric port
    except ValueError:
        return None
    path = parts.path or "/"
    if "/." in path:  # courlan drops only leading /../; resolve the rest (RFC 3986 5.2.4)
        path = urlsplit(urljoin(f"{parts.scheme}://{parts.netloc}/", path)).path
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not EXTRA_TRACKERS.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(sorted(kept), doseq=True), ""))


def amp_canonical(url: str) -> str:
    """Best guess, from the URL alone, of the canonical page of an AMP twin; else the URL.

    Recognised: a trailing `/amp` or `/amp/` segment, `/amp/` as the first segment, `.amp` or
    `.amp.html` before the extension, `?amp`, `?amp=1`, `?outputType=amp`, an `amp.` host
    (mapped to the bare domain, the most common canonical host; a page's rel=canonical corrects
    it after the fetch) and Google AMP cache URLs. A word merely containing "amp"
    (/camp-david, /ampere) is left alone: only whole path segments match.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = parts.hostname or ""
    scheme, netloc, path, query = parts.scheme, parts.netloc, parts.path, parts.query

    if host.endswith(".cdn.ampproject.org"):
        # https://example-com.cdn.ampproject.org/c/s/example.com/path -> https://example.com/path
        match = re.match(r"^/[cirv]/(s/)?([^/]+)(/.*)?$", path)
        if match:
            scheme = "https" if match.group(1) else "http"
            netloc, path = match.group(2), match.group(3) or "/"
            return amp_canonical(urlunsplit((scheme, netloc, path, query, "")))

    if host.startswith("amp.") and host.count(".") >= 2:
        netloc = netloc.replace("amp.", "", 1)

    segments = path.split("/")
    if len(segments) > 2 and segments[1].lower() == "amp":
        segments.pop(1)
    if segments and segments[-1].lower() == "amp" and len(segments) > 2:
        segments.pop()
    elif len(segments) > 2 and segments[-1] == "" and segments[-2].lower() == "amp":
        segments.pop(-2)
    path = "/".join(segments)
    path = re.sub(r"\.amp(\.html?)?$", lambda m: m.group(1) or "", path, flags=re.IGNORECASE)

    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_amp_parameter(k, v)]
    if len(kept) != len(pairs):
        query = urlencode(kept, doseq=True)
    return urlunsplit((scheme, netloc, path, query, parts.fragment))


def _is_amp_parameter(name: str, value: str) -> bool:
    name, value = name.lower(), value.lower()
    if name == "amp":
        return value in ("", "1", "true")
    return name in ("outputtype", "output") and value == "amp"


def url_host(url: str) -> str | None:
    """Lower-cased host of a URL, without port or brackets."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def is_private_address(host: str) -> bool:
    """Whether a host is a loopback, private, link-local or otherwise non-public IP literal.

    Names other than localhost are not resolved here: only literals are judged.
    """
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global or address.is_multicast
