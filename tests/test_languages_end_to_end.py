"""Outlets in Persian, Arabic, Chinese and Russian: crawled, stored, searched, exported intact."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import PostgresServer, fresh_database
from tests.fixtureweb.languages import SITES, LanguageWeb, build_language_web
from tests.fixtureweb.server import OriginServer, RequestLog
from tests.support import crawl, query, run_cli

#: What the stored row's analysis must say, where the language is covered (docs/taxonomy.md:
#: Chinese has no terms yet, and word boundaries do not hold in unspaced text).
ANALYSIS = {
    "fa": (["diplomacy_visit", "military_cooperation"], ["CN", "IR"]),
    "ar": (["diplomacy_visit", "treaty_agreement"], ["CN", "IR", "SA"]),
    "ru": (["exercises", "maritime"], ["CN", "IR", "RU"]),
}

#: A search-box query in each outlet's language, in other forms than the article writes them
#: where the language has a stemmer (Arabic, Russian), a word inside an unspaced Chinese sentence.
SEARCHES = {
    "fa": "همتای چینی",
    "ar": "العلاقة الدبلوماسية",
    "zh": "国防部长 伊朗",
    "ru": "военно-морское учение",
}


@pytest.fixture(scope="module")
def language_web() -> Iterator[LanguageWeb]:
    log = RequestLog()
    with ExitStack() as stack:
        servers = {site.slug: stack.enter_context(OriginServer(site.slug, log)) for site in SITES}
        yield build_language_web(servers)


@pytest.fixture(scope="module")
def crawled(
    language_web: LanguageWeb,
    postgres_server: PostgresServer,
    migrated_template: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """One crawl of the four outlets, read by every test here (none of them writes)."""
    home = tmp_path_factory.mktemp("languages")
    registry = home / "outlets.toml"
    registry.write_text(language_web.registry, encoding="utf-8")
    with fresh_database(postgres_server, migrated_template) as url:
        result = crawl(registry, url, home)
        assert result.returncode == 0, result.stderr[-3000:]
        yield url


def test_each_article_is_stored_in_its_language_with_its_text_byte_for_byte(
    language_web: LanguageWeb, crawled: str
) -> None:
    rows = {
        row[0]: row[1:]
        for row in query(
            crawled,
            "SELECT o.slug, a.url, a.language, a.title, a.text "
            "FROM articles a JOIN outlets o ON o.id = a.outlet_id",
        )
    }
    assert set(rows) == {site.slug for site in SITES}
    for article in language_web.articles:
        url, language, title, text = rows[article.site.slug]
        assert (url, language) == (article.url, article.site.language)
        assert title.encode() == article.story.title.encode()
        stored = text.encode()
        for paragraph in article.story.paragraphs:
            assert paragraph.encode() in stored, (article.site.slug, paragraph)
    analysed = query(crawled, "SELECT language, topics, countries FROM articles")
    assert {row[0]: (row[1], row[2]) for row in analysed if row[0] in ANALYSIS} == ANALYSIS
    # Persian keeps its zero-width non-joiners and Persian digits, Chinese its full-width commas.
    assert "همکاری\u200cهای" in rows["fa_agency"][3] and "۱۴۰۵" in rows["fa_agency"][3]
    assert "董军表示，中伊两国" in rows["zh_ministry"][3]


def test_a_query_in_each_language_finds_its_article_and_only_it(
    language_web: LanguageWeb, crawled: str
) -> None:
    for article in language_web.articles:
        found = query(
            crawled,
            "SELECT url FROM articles WHERE search @@ newsarchive_search_query(language, :q)",
            q=SEARCHES[article.site.language],
        )
        assert found == [(article.url,)], article.site.language
    configs = query(
        crawled,
        "SELECT language, newsarchive_search_config(language)::text FROM articles ORDER BY 1",
    )
    assert configs == [("ar", "arabic"), ("fa", "simple"), ("ru", "russian"), ("zh", "simple")]


def test_the_csv_export_read_back_by_pandas_holds_the_texts_intact(
    language_web: LanguageWeb, crawled: str, tmp_path: Path
) -> None:
    output = tmp_path / "languages.csv"
    env = {"DATABASE_URL": crawled, "NEWSARCHIVE_HOME": str(tmp_path)}
    args = ("--since", "2026-03-09", "--until", "2026-03-16", "--all", "--output", str(output))
    result = run_cli("export", *args, env=env)

    assert result.returncode == 0, result.stderr[-2000:]
    table = pd.read_csv(output, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    by_outlet = table.set_index("outlet")
    assert set(by_outlet.index) == {site.slug for site in SITES}
    for article in language_web.articles:
        row = by_outlet.loc[article.site.slug]
        assert (row["url"], row["language"]) == (article.url, article.site.language)
        assert row["title"] == article.story.title
        for paragraph in article.story.paragraphs:
            assert paragraph in row["text"], (article.site.slug, paragraph)
