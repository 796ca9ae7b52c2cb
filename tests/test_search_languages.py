"""Full-text search in each article's language: the database's functions against real sentences."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from newsarchive.store.models import SEARCH_CONFIGS, SEARCH_FALLBACK

#: Languages of the registry with no stemmer in PostgreSQL, and odd spellings of a language.
FALLBACK_LANGUAGES = ("fa", "zh", "ja", "ko", "ur", "he", "uk", "pl", "xx", "")


def test_the_database_maps_each_language_as_the_models_declare(engine: Engine) -> None:
    expected = {code: config for code, config in SEARCH_CONFIGS.items()}
    expected.update({code: SEARCH_FALLBACK for code in FALLBACK_LANGUAGES})
    with engine.connect() as conn:
        found = {
            code: conn.execute(
                text("SELECT newsarchive_search_config(:code)::text"), {"code": code}
            ).scalar_one()
            for code in expected
        }
        region = conn.execute(text("SELECT newsarchive_search_config('PT-br')::text")).scalar()
        unknown = conn.execute(text("SELECT newsarchive_search_config(NULL)::text")).scalar()
    assert found == expected
    assert (region, unknown) == ("portuguese", SEARCH_FALLBACK)


def test_every_configuration_named_exists_on_this_server(engine: Engine) -> None:
    with engine.connect() as conn:
        shipped = set(conn.execute(text("SELECT cfgname FROM pg_ts_config")).scalars())
    assert set(SEARCH_CONFIGS.values()) | {SEARCH_FALLBACK} <= shipped


#: (language, indexed sentence, query, whether it must match): news sentences in the registry's
#: languages, queried with another form of a word where the language has a stemmer.
CASES = (
    ("ar", "التقى وزير الدفاع الإيراني نظيره الصيني في بكين", "دفاع", True),
    ("ar", "التقى وزير الدفاع الإيراني نظيره الصيني في بكين", "الصواريخ", False),
    ("ru", "Министры обороны Ирана и Китая обсудили сотрудничество", "министр обороны", True),
    ("ru", "Министры обороны Ирана и Китая обсудили сотрудничество", "санкции", False),
    ("el", "Η Ελλάδα και η Τουρκία συμφώνησαν σε νέες στρατιωτικές ασκήσεις", "στρατιωτική", True),
    ("tr", "Savunma bakanları ortak tatbikatları görüştü", "tatbikat", True),
    ("de", "Die Verteidigungsminister besprachen gemeinsame Manöver", "Manöver", True),
    ("fr", "Les ministres de la Défense ont signé des accords de coopération", "accord", True),
    ("hi", "भारत और ईरान के रक्षा मंत्रियों ने बैठक की", "रक्षा", True),
    ("fa", "وزیر دفاع ایران با همتای چینی خود در پکن دیدار کرد", "همتای چینی", True),
    ("fa", "وزیر دفاع ایران با همتای چینی خود در پکن دیدار کرد", "روسیه", False),
    ("zh", "中国国防部长董军周二在北京会见了伊朗国防部长。", "国防部 伊朗", True),
    ("zh", "中国国防部长董军周二在北京会见了伊朗国防部长。", "国防部 美国", False),
    ("zh", "中国国防部长董军周二在北京会见了伊朗国防部长。", "部国防", False),
    ("ja", "防衛省は北朝鮮の弾道ミサイル発射を発表した。", "ミサイル 防衛省", True),
    ("ja", "防衛省は北朝鮮の弾道ミサイル発射を発表した。", "巡航ミサイル", False),
    ("ko", "국방부는 한미 연합훈련을 발표했다", "연합훈련을", True),
)


@pytest.mark.parametrize(("language", "sentence", "words", "matches"), CASES)
def test_a_search_in_the_articles_language_finds_what_it_should(
    engine: Engine, language: str, sentence: str, words: str, matches: bool
) -> None:
    with engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT to_tsvector(newsarchive_search_config(:language), "
                "newsarchive_search_text(:language, :sentence)) "
                "@@ newsarchive_search_query(:language, :words)"
            ),
            {"language": language, "sentence": sentence, "words": words},
        ).scalar()
    assert bool(found) is matches
