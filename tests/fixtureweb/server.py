"""Serve fixed path → response maps on 127.0.0.1, one HTTP server per origin, with a request log.

Knows nothing about news: the fixture outlets (outlets.py) and benchmark scripts hand it whatever
pages they generate. Each origin is its own `ThreadingHTTPServer` on an ephemeral port, so every
outlet is a separate `http://127.0.0.1:PORT` origin with its own robots.txt, as on the real web.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

#: Types worth compressing when the client accepts gzip (what nginx's gzip_types would list).
COMPRESSIBLE = ("text/", "application/xml", "application/rss+xml", "application/atom+xml")


@dataclass(frozen=True)
class Resource:
    """One response body with the validators a real site sends (ETag, Last-Modified)."""

    body: bytes
    content_type: str
    status: int = 200
    last_modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = ()
    etag: str = field(init=False)
    gzipped: bytes | None = field(init=False)

    def __post_init__(self) -> None:
        # Weak, like nginx once it gzips: the same tag must validate both encodings.
        digest = hashlib.sha1(self.body, usedforsecurity=False).hexdigest()[:20]
        object.__setattr__(self, "etag", f'W/"{digest}"')
        gzipped = None
        if self.content_type.startswith(COMPRESSIBLE) and len(self.body) > 256:
            gzipped = gzip.compress(self.body, mtime=0)
        object.__setattr__(self, "gzipped", gzipped)

    @classmethod
    def text(
        cls,
        text: str,
        content_type: str,
        *,
        status: int = 200,
        last_modified: datetime | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> Resource:
        return cls(text.encode("utf-8"), content_type, status, last_modified, headers)

    def is_fresh_for(self, if_none_match: str | None, if_modified_since: str | None) -> bool:
        """Whether a conditional GET may be answered 304 (RFC 9110 §13.1: ETag wins over date)."""
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.etag.removeprefix("W/") in tags
        if if_modified_since is None or self.last_modified is None:
            return False
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return self.last_modified.replace(microsecond=0) <= since


@dataclass(frozen=True)
class RequestRecord:
    """One request as the origin saw it; header names are lower-cased (clients differ in case)."""

    outlet: str
    method: str
    path: str  # the request target as sent: path plus query string
    headers: dict[str, str]
    status: int


class RequestLog:
    """Requests of all origins in arrival order; appended from the servers' handler threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []
        #: Called with each record, in the handler thread, before the response is sent: lets a
        #: test make something happen at an exact point of a crawl (kill it, stop its database).
        self.listener: Callable[[RequestRecord], None] | None = None

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)
        if self.listener is not None:
            self.listener(record)

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()


class QuietHTTPServer(ThreadingHTTPServer):
    """A threading server on an ephemeral 127.0.0.1 port for tests: stops at once, and a client
    hanging up mid-response (a cancelled crawl, a cap on a huge page) is normal, not a traceback.
    """

    # Handler threads of kept-alive connections must not hold up shutdown.
    block_on_close = False
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class _OriginHTTPServer(QuietHTTPServer):
    def __init__(self, origin: OriginServer) -> None:
        self.origin = origin
        super().__init__(_Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle kept-alive connection is dropped after this many seconds
    # Headers and body go out in two writes: with Nagle on, the body waits for the client's
    # delayed ACK of the headers (40 ms on Linux), capping each connection near 25 responses/s.
    disable_nagle_algorithm = True
    server: _OriginHTTPServer

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, *, send_body: bool) -> None:
        origin = self.server.origin
        resource = origin.resource_for(self.path)
        status = resource.status
        fresh = status == 200 and resource.is_fresh_for(
            self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        )
        body = resource.body
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        encoded = resource.gzipped is not None and gzip_ok
        if encoded:
            assert resource.gzipped is not None
            body = resource.gzipped
        if fresh:
            status = 304
        origin.log.append(
            RequestRecord(
                outlet=origin.name,
                method=self.command,
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
                status=status,
            )
        )

        self.send_response(status)  # also sends Date, and Server from version_string()
        self.send_header("ETag", resource.etag)
        if resource.last_modified is not None:
            self.send_header("Last-Modified", format_datetime(resource.last_modified, usegmt=True))
        for name, value in resource.headers:
            self.send_header(name, value)
        if resource.gzipped is not None:
            self.send_header("Vary", "Accept-Encoding")
        if fresh:
            self.end_headers()
            return
        self.send_header("Content-Type", resource.content_type)
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def version_string(self) -> str:
        return self.server.origin.server_header

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the request log is the record


class OriginServer:
    """One origin `http://127.0.0.1:PORT` serving a path → Resource map in a daemon thread.

    The port is bound at construction, so callers can build pages that link across origins
    (canonical URLs, feeds) before installing them with `serve`.
    """

    def __init__(
        self,
        name: str,
        log: RequestLog,
        *,
        not_found: Resource | None = None,
        server_header: str = "nginx",
    ) -> None:
        self.name = name
        self.log = log
        self.server_header = server_header
        self._routes: Mapping[str, Resource] = {}
        self._not_found = not_found or Resource.text(
            "<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>",
            "text/html; charset=utf-8",
            status=404,
        )
        self._http = _OriginHTTPServer(self)
        host, port = self._http.server_address[:2]
        self.base_url = f"http://{host!s}:{port}"
        self.netloc = f"{host!s}:{port}"
        self._thread: threading.Thread | None = None

    def serve(self, routes: Mapping[str, Resource], not_found: Resource | None = None) -> None:
        """Install the pages (keys: a path, or a path with its exact query string)."""
        self._routes = dict(routes)
        if not_found is not None:
            self._not_found = not_found

    def resource_for(self, target: str) -> Resource:
        # An exact path+query entry first (old CMSs key articles on ?id=), then the bare path,
        # so tracking parameters and cache-busters still reach the page as on a real site.
        routes = self._routes
        if target in routes:
            return routes[target]
        return routes.get(urlsplit(target).path, self._not_found)

    def start(self) -> Self:
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fixtureweb-{self.name}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._http.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._http.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
