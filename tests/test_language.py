"""Language detection tells apart the languages that share a script: Persian, Arabic and Urdu;
Chinese and Japanese."""

from __future__ import annotations

import pytest

from newsarchive.extract.language import _by_script, detect_language

SENTENCES = {
    "fa": "وزیر امور خارجه ایران روز دوشنبه در سفری رسمی به پکن با همتای چینی خود درباره "
    "همکاری‌های دفاعی و امنیتی دو کشور گفت‌وگو کرد.",
    "ar": "التقى وزير الخارجية الإيراني يوم الاثنين نظيره الصيني في بكين لبحث التعاون الدفاعي "
    "والأمني بين البلدين في إطار منظمة شنغهاي للتعاون.",
    "ur": "ایران کے وزیر خارجہ نے پیر کے روز بیجنگ میں اپنے چینی ہم منصب سے ملاقات کی اور دونوں "
    "ممالک کے درمیان دفاعی تعاون پر بات چیت کی۔",
    "zh": "伊朗外交部长周一在北京与中国外长举行会谈，"
    "双方就两国防务与安全合作以及上海合作组织框架下的协调交换了意见。",
    "ja": "イラン外相は月曜日、北京で中国の外相と会談し、"
    "両国の防衛・安全保障協力と上海協力機構での連携について意見を交わした。",
    "ru": "Министр иностранных дел Ирана в понедельник провёл в Пекине переговоры с китайским "
    "коллегой о сотрудничестве в области обороны и безопасности.",
}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_a_news_sentence_is_told_apart_from_its_script_neighbours(language: str) -> None:
    assert detect_language(SENTENCES[language]) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Short ministry lines: a sentence of Han characters is below the letter threshold.
        ("国防部新闻发言人表示，中方愿同伊方加强两军交流合作，共同维护地区和平稳定。", "zh"),
        ("防衛省は、自衛隊と米軍の共同訓練を来月実施すると発表した。", "ja"),
    ],
)
def test_a_short_cjk_sentence_is_enough(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("guess", "language"),
    [("zh", "ja"), ("ja", "zh")],
)
def test_kana_decide_between_chinese_and_japanese_whatever_the_classifier_says(
    guess: str, language: str
) -> None:
    text = SENTENCES[language]
    assert _by_script(guess, text) == language


@pytest.mark.parametrize("language", ["fa", "ar", "ur"])
def test_arabic_script_outside_the_classifiers_three_is_read_from_its_letters(
    language: str,
) -> None:
    assert _by_script("en", SENTENCES[language]) == language
    assert _by_script(language, SENTENCES[language]) == language


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Reuters") is None
    assert detect_language("国防部") is None


def test_the_numpy_walk_counts_features_as_py3langids_loop_in_its_order() -> None:
    """Same counts in the same order give the same scores to the bit, so the same languages."""
    from py3langid import langid

    from newsarchive.extract import langid_walk

    fast = langid_walk._identifier()
    assert fast is not None
    assert fast._walk.depth == 6  # py3langid 0.4's model: its longest feature's bytes
    library = langid._get_identifier()
    texts = [*SENTENCES.values(), "x", "ab", "Hi!", "", "🙂 NATO 2026 ✓", "\x00\xff"]
    texts.append(" ".join(SENTENCES.values()) * 3)  # every script, past the walk's depth often
    for text in texts:
        data = library._encode(text)
        expected = langid.visit_counts(
            library.tk_nextmove, library._rowbase, library.tk_output, data
        )
        counted = langid_walk.visit_counts(fast._walk, data)
        assert counted == expected, text
        assert list((counted or {}).items()) == list((expected or {}).items()), text
        assert fast.classify(text) == library.classify(text), text
    assert langid_walk.classify(SENTENCES["ru"]) == "ru"
