"""Turning a Twisted failure into a short reason an operator can count and act on.

Each reason names what to do about it: `blocked` (a bot wall: talk to the outlet or slow down),
`too_large` (a page or decompression bomb over DOWNLOAD_MAXSIZE: nothing to retry),
`redirect_loop` (the site is broken for us), `timeout`, `truncated`, `http_429` (rate limited:
its Retry-After is kept in the page's headers), `http_503` and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionLost,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from newsarchive.extract.sniff import CHALLENGE_MAX_BYTES, bot_challenge
from newsarchive.fetch.middlewares import PrivateNetworkRefused, RedirectLoop

#: Failures that are decisions, not faults: counted, but they don't make a run partial.
NOT_FAULTS = frozenset({"robots", "private_network"})

#: Failure reasons that say the network, not the outlet, is the problem.
NETWORK_REASONS = frozenset({"dns", "timeout", "connection_refused", "connection_lost"})

#: What Scrapy's RedirectMiddleware says when REDIRECT_MAX_TIMES is used up.
_MAX_REDIRECTS = "max redirections reached"
#: What HttpCompressionMiddleware says when a body inflates past DOWNLOAD_MAXSIZE.
_DECOMPRESSION_LIMIT = "during decompression"


@dataclass(frozen=True)
class FailureDescription:
    """A failed request as the archive records it: reason code, readable detail, the response."""

    reason: str
    detail: str
    status: int | None = None
    response: Response | None = None


def describe_failure(failure: Failure) -> FailureDescription:
    """The reason code of a failed request, with a detail that says what happened."""
    error = failure.value
    message = failure.getErrorMessage()
    request: Request | None = getattr(failure, "request", None)
    if isinstance(error, HttpError):
        return _http_failure(error.response)
    if isinstance(error, PrivateNetworkRefused):
        return FailureDescription("private_network", message)
    if isinstance(error, RedirectLoop):
        return FailureDescription("redirect_loop", message)
    if isinstance(error, IgnoreRequest):
        return _ignored(message, request)
    # Scrapy 2.19 wraps Twisted's errors in its own; older versions raise Twisted's directly.
    if isinstance(error, CannotResolveHostError | DNSLookupError):
        return FailureDescription("dns", message)
    if isinstance(error, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return FailureDescription("timeout", message)
    if isinstance(error, DownloadConnectionRefusedError | ConnectionRefusedError):
        return FailureDescription("connection_refused", message)
    if isinstance(error, ResponseDataLossError):
        return FailureDescription(
            "truncated", "the connection closed before the whole body (Content-Length) came"
        )
    if isinstance(error, DownloadCancelledError):
        # Timeouts reach us as DownloadTimeoutError and a closing engine lets downloads finish,
        # so a cancelled download is the size limit: announced (message) or hit mid-body (none).
        return FailureDescription(
            "too_large",
            message or "the body passed DOWNLOAD_MAXSIZE and the download was cut off",
        )
    if isinstance(
        error,
        DownloadFailedError | ConnectionLost | ResponseFailed | ResponseNeverReceived,
    ):
        return FailureDescription("connection_lost", message)
    browser = _chromium_network_reason(message)
    if browser is not None:
        return FailureDescription(browser, message)
    return FailureDescription(type(error).__name__.lower(), message)


#: Chromium's network errors (what Playwright raises for a rendered page) as our reasons, so
#: an offline machine looks the same whether a page was fetched plainly or in the browser.
CHROMIUM_NETWORK_ERRORS = {
    "ERR_NAME_NOT_RESOLVED": "dns",
    "ERR_NAME_RESOLUTION_FAILED": "dns",
    "ERR_INTERNET_DISCONNECTED": "dns",
    "ERR_CONNECTION_REFUSED": "connection_refused",
    "ERR_TIMED_OUT": "timeout",
    "ERR_CONNECTION_TIMED_OUT": "timeout",
    "ERR_CONNECTION_RESET": "connection_lost",
    "ERR_CONNECTION_CLOSED": "connection_lost",
    "ERR_EMPTY_RESPONSE": "connection_lost",
}


def _chromium_network_reason(message: str) -> str | None:
    """The reason for a Chromium `net::ERR_...` error named in `message`, if it is one of ours."""
    _, found, rest = message.partition("net::")
    if not found:
        return None
    return CHROMIUM_NETWORK_ERRORS.get(rest.split()[0] if rest.split() else "")


def _http_failure(response: Response) -> FailureDescription:
    """http_<status>, unless the body (or Cloudflare's header) shows a bot challenge."""
    status = response.status
    challenge = bot_challenge_evidence(response)
    if challenge is not None:
        return FailureDescription(
            "blocked", f"HTTP {status} with a bot challenge page ({challenge})", status, response
        )
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "non-standard status"
    detail = f"HTTP {status} {phrase}"
    retry_after = response.headers.get(b"Retry-After")
    if retry_after:
        detail += f" (Retry-After: {retry_after.decode('latin-1').strip()})"
    return FailureDescription(f"http_{status}", detail, status, response)


def bot_challenge_evidence(response: Response) -> str | None:
    """Evidence that an error response is a bot wall rather than the site's own error page."""
    mitigated = response.headers.get(b"cf-mitigated")
    if mitigated and mitigated.strip().lower() == b"challenge":
        return "Cloudflare cf-mitigated: challenge header"
    body = response.body
    if not body or len(body) > CHALLENGE_MAX_BYTES:
        return None
    # The response's own decoding when Scrapy made it a text response (BOM, header, <meta>).
    text = response.text if isinstance(response, TextResponse) else body.decode("utf-8", "replace")
    return bot_challenge(text, response.url)


def _ignored(message: str, request: Request | None) -> FailureDescription:
    """A request a middleware dropped on purpose: robots.txt, a redirect limit, a size limit."""
    if "robots.txt" in message:
        # RobotsTxtMiddleware raises a plain IgnoreRequest("Forbidden by robots.txt").
        return FailureDescription("robots", message)
    if _MAX_REDIRECTS in message:
        hops = list(request.meta.get("redirect_urls", ())) if request is not None else []
        if request is not None:
            hops.append(request.url)
        detail = "REDIRECT_MAX_TIMES redirects without reaching a page"
        if hops:
            detail = f"{len(hops) - 1} redirects without reaching a page: {_chain(hops)}"
        return FailureDescription("redirect_loop", detail)
    if _DECOMPRESSION_LIMIT in message:
        return FailureDescription("too_large", message)
    return FailureDescription("ignored", message)


def _chain(urls: list[str]) -> str:
    """A redirect chain for a log line: the first hops and the last, not all twenty."""
    if len(urls) > 4:
        urls = [urls[0], urls[1], "...", urls[-1]]
    return " -> ".join(urls)
