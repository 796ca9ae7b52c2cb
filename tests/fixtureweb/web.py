"""The fixture web as tests use it: all outlets up on 127.0.0.1, their expectations, a registry."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Self

from tests.fixtureweb.outlets import OUTLET_BUILDERS, ExpectedArticle, OutletSite, build_outlets
from tests.fixtureweb.server import OriginServer, RequestLog, RequestRecord, Resource

# Each outlet's web server software, as its response headers say.
SERVER_HEADERS = {
    "harbour_post": "nginx",
    "meridian_wire": "cloudflare",
    "gulf_courier": "Apache",
    "strategy_digest": "Apache/2.4.41 (Ubuntu)",
}


class FixtureWeb:
    """Starts every fixture outlet on its own port on enter, stops them all on exit."""

    def __init__(self) -> None:
        self.outlets: dict[str, str] = {}  # slug -> base URL "http://127.0.0.1:PORT"
        self.sites: dict[str, OutletSite] = {}
        self.expected_articles: list[ExpectedArticle] = []
        self.non_article_urls: list[str] = []  # section fronts: no row may have these URLs
        self.twin_urls: list[str] = []  # tracking-parameter and AMP URLs as listed: no row either
        self.disallowed_urls: list[str] = []  # robots.txt forbids them; listed in a feed anyway
        self.syndicated_copies: dict[str, str] = {}  # copy's own URL -> its rel=canonical
        self._log = RequestLog()
        self._stack = ExitStack()
        self._servers: dict[str, OriginServer] = {}

    @property
    def requests(self) -> list[RequestRecord]:
        """Every request the outlets answered so far, in order (a snapshot)."""
        return self._log.snapshot()

    def clear_requests(self) -> None:
        self._log.clear()

    def on_request(self, listener: Callable[[RequestRecord], None] | None) -> None:
        """Call `listener` with every request as it arrives, before it is answered."""
        self._log.listener = listener

    def __enter__(self) -> Self:
        with ExitStack() as starting:
            servers = {
                slug: starting.enter_context(
                    OriginServer(slug, self._log, server_header=SERVER_HEADERS[slug])
                )
                for slug in OUTLET_BUILDERS
            }
            self._servers = servers
            self.outlets = {slug: server.base_url for slug, server in servers.items()}
            self.sites = build_outlets(self.outlets)
            for slug, site in self.sites.items():
                servers[slug].serve(site.routes, not_found=site.not_found)
                self.expected_articles += site.expected
                self.non_article_urls += site.non_article_urls
                self.twin_urls += site.twin_urls
                self.disallowed_urls += site.disallowed_urls
                self.syndicated_copies.update(site.syndicated_copies)
            self._stack = starting.pop_all()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stack.close()

    def replace_page(self, url: str, resource: Resource | None) -> None:
        """Serve `resource` at `url` from now on (None: the page as built), e.g. to fail it."""
        for slug, base in self.outlets.items():
            if url.startswith(base + "/"):
                path = url.removeprefix(base)
                routes = dict(self.sites[slug].routes)
                if resource is not None:
                    routes[path] = resource
                self._servers[slug].serve(routes)
                return
        raise KeyError(f"{url} is not on a fixture outlet")

    def write_registry(self, path: Path) -> Path:
        """An outlet registry (TOML, one [[outlet]] table each) pointing at the running outlets."""
        blocks = []
        for site in self.sites.values():
            netloc = site.base_url.removeprefix("http://")
            blocks.append(
                "\n".join(
                    [
                        "[[outlet]]",
                        f"slug = {_toml(site.slug)}",
                        f"name = {_toml(site.name)}",
                        f"domains = [{_toml(netloc)}]",
                        f"country = {_toml(site.country)}",
                        'language = "en"',
                        f"kind = {_toml(site.kind)}",
                        f"homepage = {_toml(site.base_url + '/')}",
                        f"feeds = [{', '.join(map(_toml, site.feeds))}]",
                        f"sitemaps = [{', '.join(map(_toml, site.sitemaps))}]",
                        "allow_private_network = true",
                    ]
                )
            )
        header = "# Fixture outlets served on 127.0.0.1 for this test run (tests/fixtureweb).\n\n"
        path.write_text(header + "\n\n".join(blocks) + "\n", encoding="utf-8")
        return path


def _toml(value: str) -> str:
    # A JSON string is a valid TOML basic string for the characters these values use.
    return json.dumps(value, ensure_ascii=False)
