"""A small web of realistic news outlets on 127.0.0.1 for the crawl tests.

    with FixtureWeb() as web:
        registry = web.write_registry(tmp_path / "outlets.toml")
        ...crawl...; compare rows with web.expected_articles; inspect web.requests

server.py is the generic part (serve path → response maps on N origins, log requests), usable by
benchmark scripts; outlets.py, themes/, listings.py and stories/ are the content.
"""

from tests.fixtureweb.outlets import ExpectedArticle
from tests.fixtureweb.server import RequestRecord
from tests.fixtureweb.web import FixtureWeb

__all__ = ["ExpectedArticle", "FixtureWeb", "RequestRecord"]
