"""One story, one URL: the key articles are stored under, and the checks made before a fetch.

Pure string work (no Scrapy, no network, no DNS).

The key is the URL Scrapy would request anyway: w3lib's `safe_url_string` (the encoding Scrapy
applies to every Request) turns an IRI into an ASCII URI with an IDNA host, so the key, the
request URL and the response URL of an unredirected fetch are the same string. On top of that we
do RFC 3986 normalisation (lower-case scheme and host, no default port, upper-case percent
escapes, unreserved characters unescaped, dot segments resolved), drop the fragment, and drop
tracking parameters from an explicit list, then sort what is left.

courlan's `normalize_url` was the first choice and is not used: its tracker test is an
unanchored regex search, so it also drops meaningful parameters that merely start like a
tracker (`cid=`, `gallery=`, `source=`, `reference=`, `global=`, `session=`), and it drops
parameters without a value (`index.php?/archives/12`, `news.php?1234`), merging distinct
articles into one key; its strict mode keeps only fourteen allow-listed names (`idxno=`,
`ELEMENT_ID=`, `nid=` are lost); and it turns punycode hosts into Unicode, so its keys would not
match Scrapy's request URLs. The tracker names below are matched exactly, or by a prefix that
only analytics tools use.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

#: Parameters that only record how a reader arrived: click identifiers of ad and social
#: platforms, analytics and mailing tools, and news sites' own campaign codes. Compared
#: case-insensitively (the Guardian writes `CMP=`, Webtrends `WT.mc_id=`).
TRACKING_PARAMETERS = frozenset(
    {
        # click identifiers
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid",
        "twclid", "ttclid", "igshid", "igsh", "li_fat_id", "epik", "rb_clickid", "s_kwcid",
        "ef_id",
        # analytics and mailing tools
        "_ga", "_gl", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "vero_conv", "guccounter", "guce_referrer", "guce_referrer_sig",
        "isappinstalled",
        # news sites' campaign codes: MSN (ocid), the Guardian (CMP), Reuters' social posts
        # (taid), the New York Times (smid, smtyp), AT Internet on French sites such as Le Monde
        # (xtor), the Washington Post (itid, wpisrc, wpmk), Alibaba-run portals (spm)
        "ocid", "cmpid", "cmp", "ito", "taid", "smid", "smtyp", "xtor", "icid", "itid",
        "wpisrc", "wpmk", "s_cid", "mbid", "spm",
    }
)  # fmt: skip

#: Name prefixes used only by analytics tools: Google (utm_), AT Internet (at_, the BBC's
#: at_medium/at_campaign/at_link_id...), Comscore (ns_), Piwik/Matomo (pk_, mtm_), HubSpot
#: (hsa_), internal-campaign tags (itm_), Webtrends (wt.), Facebook share links (fb_).
TRACKING_PREFIXES = ("utm_", "at_", "ns_", "pk_", "mtm_", "hsa_", "itm_", "wt.", "fb_")

#: Parameters that name the channel a link was shared through. They are dropped only when the
#: value is such a channel (`ref=twitter`, `ref_src=twsrc^tfw`, `from=rss`, `src=fb`); any
#: other value (`ref=A-1234`, `from=2024-01-01`, `source=reuters`) may select content and stays.
CHANNEL_PARAMETERS = frozenset({"ref", "ref_src", "src", "source", "from", "via", "partner", "emc"})
CHANNEL_VALUES = frozenset(
    {
        "twitter", "tw", "twt", "twsrc", "x", "facebook", "fb", "linkedin", "reddit",
        "whatsapp", "wa", "telegram", "tg", "vk", "weibo", "wechat", "weixin", "timeline",
        "groupmessage", "singlemessage", "line", "flipboard", "smartnews", "upday", "yxnews",
        "dzen", "rss", "feed", "feeds", "newsletter", "email", "mail", "share", "social",
        "push",
    }
)  # fmt: skip

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_TAB_OR_NEWLINE = re.compile(r"[\t\r\n]")
_HOST = re.compile(r"[a-z0-9_.-]+|[0-9a-f:.]+", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str, base: str | None = None) -> str | None:
    """The archive key of a URL, or None when it is not a fetchable http(s) URL.

    Path case and trailing slash stay as the site writes them; only the query is reordered.
    """
    # Browsers drop tabs and newlines anywhere in a URL; feeds wrap long links.
    url = _TAB_OR_NEWLINE.sub("", url.strip())
    if not url:
        return None
    try:
        parts = urlsplit(url)
        if base and not parts.scheme:
            # Only relative links: urljoin re-serialises absolute ones (a trailing `;` goes).
            url = urljoin(base, url)
            parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS or not parts.hostname:
            return None
        parts = urlsplit(safe_url_string(url))
        port = parts.port
    except (ValueError, UnicodeError):
        return None
    host = (parts.hostname or "").rstrip(".")
    if not host or not _HOST.fullmatch(host):
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    netloc = userinfo + at + netloc
    path = _remove_dot_segments(_normalise_escapes(parts.path) or "/")
    query = "&".join(sorted(_kept_parameters(parts.query)))
    return urlunsplit((scheme, netloc, path, query, ""))


def _normalise_escapes(text: str) -> str:
    """RFC 3986 6.2.2: upper-case hex in escapes, and unescape the unreserved characters."""

    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return _ESCAPE.sub(one, text)


def _remove_dot_segments(path: str) -> str:
    """Resolve `.` and `..` segments (RFC 3986 5.2.4) in an absolute path."""
    if "/." not in path:
        return path
    segments = path.split("/")[1:]
    resolved: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "..":
            if resolved:
                resolved.pop()
            if last:
                resolved.append("")
        elif segment == ".":
            if last:
                resolved.append("")
        else:
            resolved.append(segment)
    return "/" + "/".join(resolved)


def _kept_parameters(query: str) -> list[str]:
    """The query's name=value pairs minus trackers, each pair's own spelling otherwise kept.

    Pairs are not decoded and re-encoded (`+` against `%20`, `?1234` against `?1234=` can
    matter to a server); only their escapes are normalised.
    """
    kept = []
    for pair in query.split("&"):
        # Feeds that escape twice list `?a=1&amp;b=2`; the second pair is really `b=2`.
        pair = pair.removeprefix("amp;")
        if not pair:
            continue
        name, _, value = pair.partition("=")
        if not _is_tracking(unquote_plus(name).lower(), unquote_plus(value).lower()):
            kept.append(_normalise_escapes(pair))
    return kept


def _is_tracking(name: str, value: str) -> bool:
    if name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES):
        return True
    if name in CHANNEL_PARAMETERS:
        # `twsrc^tfw`, `rss-feed`, `fb_share`: the channel is the first word of the value.
        return re.split(r"[-_.:^ ]", value, maxsplit=1)[0] in CHANNEL_VALUES
    return False


def amp_canonical(url: str) -> str:
    """Best guess, from the URL alone, of the canonical page of an AMP twin; else the URL.

    Recognised shapes: Google AMP cache (`*.cdn.ampproject.org/c/s/host/path`) and Google's AMP
    viewer (`www.google.com/amp/s/host/path`); an `amp.` host, mapped to the bare domain
    (`amp.example.com/x` -> `example.com/x`: the bare domain is the registered one; where the
    canonical page lives on `www.`, the page's rel=canonical corrects the key after the fetch);
    `/amp/` as the first path segment or `/amp` (`/amp/`) as the last, when another segment
    remains (a bare `/amp` is left alone); Times of India style `/amp_articleshow/`; `.amp` and
    `.amp.html` before the extension; and the query parameters `amp`, `amp=1`, `amp=true`,
    `outputType=amp`, `output=amp`, `format=amp` plus the AMP viewer's own (`amp_js_v`,
    `amp_gsa`, `usqp`). Only whole path segments, whole extensions and whole parameter names
    match, so `/camp-david-summit`, `/ampere` and `/news/amp-up-defence` are left alone.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return url
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        return url

    cached = _amp_cache_origin(host, parts.path)
    if cached is not None:
        origin = cached + (f"?{parts.query}" if parts.query else "")
        return amp_canonical(origin)

    netloc = parts.netloc
    if host.startswith("amp.") and host.count(".") >= 2:
        userinfo, at, _ = netloc.rpartition("@")
        netloc = userinfo + at + host.removeprefix("amp.") + (f":{port}" if port else "")

    path = _canonical_path(parts.path)
    pairs = parts.query.split("&") if parts.query else []
    kept = [pair for pair in pairs if not _is_amp_parameter(pair)]
    query = "&".join(kept) if len(kept) != len(pairs) else parts.query
    return urlunsplit((parts.scheme, netloc, path, query, parts.fragment))


_AMP_CACHE_PATH = re.compile(r"/[civr]/(s/)?([^/?#]+\.[^/?#]+)(/[^?#]*)?")
_AMP_VIEWER_PATH = re.compile(r"/amp/(s/)?([^/?#]+\.[^/?#]+)(/[^?#]*)?")
_GOOGLE_HOST = re.compile(r"(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?")


def _amp_cache_origin(host: str, path: str) -> str | None:
    """The publisher's URL (without query) behind an AMP cache or AMP viewer URL, if it is one."""
    if host == "cdn.ampproject.org" or host.endswith(".cdn.ampproject.org"):
        match = _AMP_CACHE_PATH.fullmatch(path)
    elif _GOOGLE_HOST.fullmatch(host):
        match = _AMP_VIEWER_PATH.fullmatch(path)
    else:
        return None
    if match is None:
        return None
    scheme = "https" if match.group(1) else "http"
    return f"{scheme}://{match.group(2)}{match.group(3) or '/'}"


_AMP_EXTENSION = re.compile(r"(.+)\.amp(\.html?)?", re.IGNORECASE)
_AMP_SHOW_SEGMENT = re.compile(r"amp_(\w*show)", re.IGNORECASE)


def _canonical_path(path: str) -> str:
    segments = path.split("/")
    # segments[0] is the empty string before the leading slash.
    named = [segment for segment in segments[1:] if segment]
    if len(named) >= 2 and segments[1].lower() == "amp":
        del segments[1]
        named.pop(0)
    if len(named) >= 2 and named[-1].lower() == "amp":
        del segments[max(i for i, segment in enumerate(segments) if segment)]
    segments = [_un_amp_segment(segment) for segment in segments]
    last = _AMP_EXTENSION.fullmatch(segments[-1])
    if last is not None:
        segments[-1] = last.group(1) + (last.group(2) or "")
    return "/".join(segments)


def _un_amp_segment(segment: str) -> str:
    match = _AMP_SHOW_SEGMENT.fullmatch(segment)
    return match.group(1) if match else segment


_AMP_FLAGS = frozenset({"", "1", "true", "yes"})
_AMP_VIEWER_PARAMETERS = frozenset({"amp_js_v", "amp_gsa", "amp_tf", "usqp", "ampshare"})


def _is_amp_parameter(pair: str) -> bool:
    name, _, value = pair.partition("=")
    name, value = unquote_plus(name).lower(), unquote_plus(value).lower()
    if name == "amp":
        return value in _AMP_FLAGS
    if name in _AMP_VIEWER_PARAMETERS:
        return True
    return name in ("outputtype", "output", "format") and value == "amp"


def url_host(url: str) -> str | None:
    """Lower-cased host of a URL, without port or IPv6 brackets."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


_LEGACY_IPV4 = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}")


def is_private_address(host: str) -> bool:
    """Whether a host is localhost or a loopback, private, link-local, unspecified, reserved or
    multicast IP literal.

    Names other than localhost are not resolved here: only literals are judged. Literals
    include the legacy IPv4 spellings that resolvers still accept (`127.1`, `2130706433`,
    `0x7f.0.0.1`), which would otherwise slip past as names.
    """
    host = host.strip().strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address: ipaddress.IPv4Address | ipaddress.IPv6Address
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not _LEGACY_IPV4.fullmatch(host):
            return False
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return False
    return not address.is_global or address.is_multicast


__all__ = [
    "CHANNEL_PARAMETERS",
    "CHANNEL_VALUES",
    "TRACKING_PARAMETERS",
    "TRACKING_PREFIXES",
    "amp_canonical",
    "is_private_address",
    "normalise_url",
    "url_host",
]
