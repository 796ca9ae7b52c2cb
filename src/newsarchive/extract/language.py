"""The body's language, from the text itself: `lang` attributes are template defaults too often.

py3langid decides (its own classifier, with a faster walk: langid_walk.py), and the script of
the text corrects it where a character-n-gram model errs on short or mixed text: kana only occur
in Japanese, so Chinese text is never Japanese and Japanese text always is; letters that Arabic
lacks tell Persian (پ چ ژ گ) and Urdu (ٹ ڈ ڑ ں ے) from Arabic when the classifier strays outside
the three.
"""

from __future__ import annotations

import re

from newsarchive.extract.langid_walk import classify

#: Below this many letters the classifier's guess is noise.
MIN_LETTERS = 40
#: A Han character carries about a word: far fewer of them make a sentence.
MIN_CJK_CHARACTERS = 15
#: A few thousand characters settle the language; the rest of a long article only costs time.
_SAMPLE_CHARS = 6000

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")  # ٹ ڈ ڑ ں ھ ہ ے
_PERSIAN_NOT_ARABIC = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")  # پ چ ژ گ ک ی
_ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "ku", "ug", "sd"})


def detect_language(text: str) -> str | None:
    head = text[:2000]
    cjk = len(_HAN.findall(head)) + len(_KANA.findall(head)) + len(_HANGUL.findall(head))
    if sum(map(str.isalpha, head)) < MIN_LETTERS and cjk < MIN_CJK_CHARACTERS:
        return None
    sample = text[:_SAMPLE_CHARS]
    return _by_script(classify(sample), sample)


def _by_script(language: str, sample: str) -> str:
    """The classifier's answer, overruled where the script settles it."""
    letters = sum(map(str.isalpha, sample)) or 1
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    if han + kana > letters / 2:
        # Japanese writes kana in every sentence; Chinese never does.
        return "ja" if kana >= max(2, (han + kana) // 20) else "zh"
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    if arabic > letters / 2 and language not in _ARABIC_SCRIPT_LANGUAGES:
        if _URDU_ONLY.search(sample):
            return "ur"
        return "fa" if _PERSIAN_NOT_ARABIC.search(sample) else "ar"
    return language
