"""Turning a Twisted failure into a short reason an operator can count and act on."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
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

from newsarchive.crawl.middlewares import PrivateNetworkRefused

#: Failures that are decisions, not faults: counted, but they don't make a run partial.
NOT_FAULTS = frozenset({"robots", "private_network"})


def failure_reason(failure: Failure) -> tuple[str, int | None, Response | None]:
    """(reason code, HTTP status if any, response if any) for a failed request."""
    error = failure.value
    if isinstance(error, HttpError):
        response = error.response
        return f"http_{response.status}", response.status, response
    if isinstance(error, PrivateNetworkRefused):
        return "private_network", None, None
    if isinstance(error, IgnoreRequest):
        # RobotsTxtMiddleware raises a plain IgnoreRequest("Forbidden by robots.txt").
        if "robots.txt" in str(error):
            return "robots", None, None
        return "ignored", None, None
    # Scrapy 2.19 wraps Twisted's errors in its own; older versions raise Twisted's directly.
    if isinstance(error, CannotResolveHostError | DNSLookupError):
        return "dns", None, None
    if isinstance(error, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return "timeout", None, None
    if isinstance(error, DownloadConnectionRefusedError | ConnectionRefusedError):
        return "connection_refused", None, None
    if isinstance(error, ResponseDataLossError):
        return "truncated", None, None
    if isinstance(
        error,
        DownloadFailedError
        | DownloadCancelledError
        | ConnectionLost
        | ResponseFailed
        | ResponseNeverReceived,
    ):
        return "connection_lost", None, None
    return type(error).__name__.lower(), None, None
