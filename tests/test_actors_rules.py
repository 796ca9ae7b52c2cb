"""Actor rules that carry to new text: Russian spellings and case endings, surnames alone,
counterparts and more titles (analysis/actors.py)."""

from __future__ import annotations

import pytest

from newsarchive.analysis.actors import (
    FUZZY_CUTOFF,
    _closest_people,
    _letter_masks,
    _people_index,
    find_actors,
    gazetteer,
    romanise,
    ru_stem,
)
from newsarchive.analysis.countries import country_mentions


def _found(text: str) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [
        (text[m.start : m.end], m.actor.name, m.actor.country, m.actor.office, m.actor.known)
        for m in find_actors(text)
        if m.actor.kind == "person"
    ]


def test_russian_names_in_any_case_and_foreign_names_romanised() -> None:
    text = (
        "Президент Турции Реджеп Тайип Эрдоган провёл телефонный разговор с президентом "
        "Франции Эммануэлем Макроном. Переговоры с Андреем Белоусовым."
    )
    assert _found(text) == [
        ("Реджеп Тайип Эрдоган", "Recep Tayyip Erdogan", "TR", "President", True),
        # Not in the gazetteer in Cyrillic: compared in Latin letters without the case ending.
        ("Эммануэлем Макроном", "Emmanuel Macron", "FR", "President", True),
        # "Андрей Белоусов" declined (instrumental).
        ("Андреем Белоусовым", "Andrei Belousov", "RU", "Defence Minister", True),
    ]


def test_romanisation_and_russian_stems() -> None:
    assert romanise("Хренин") == "Khrenin"
    assert romanise("Реджеп Шойгу", loose=True) == "Rejep Shoigu"
    assert [ru_stem(w) for w in ("Хрениным", "Хренина", "Хренин", "Сергея", "Си")] == [
        "Хренин",
        "Хренин",
        "Хренин",
        "Серге",
        "Си",
    ]


def test_a_surname_alone_names_its_one_gazetteer_person() -> None:
    assert _found("Lavrov and Wang Yi met in Vientiane. Белоусов прибыл в Минск.") == [
        ("Lavrov", "Sergei Lavrov", "RU", "Foreign Minister", True),
        ("Wang Yi", "Wang Yi", "CN", "Foreign Minister", True),
        ("Белоусов", "Andrei Belousov", "RU", "Defence Minister", True),
    ]
    # A title before it is fine; after a sentence's end too.
    assert [name for _, name, *_ in _found("Talks ended. Minister Pistorius said no.")] == [
        "Boris Pistorius"
    ]


def test_a_surname_inside_another_name_or_a_common_word_is_nobody() -> None:
    text = (
        "Ali Bagheri Kani spoke. Nawaz Sharif arrived. Bagheri Kani left. Austin is in Texas. "
        "Herzog von Sachsen."
    )
    assert _found(text) == []


def test_counterparts_and_more_titles_name_people_the_gazetteer_lacks() -> None:
    text = (
        "Andrei Belousov held talks with his Belarusian counterpart Pavel Muraveiko. "
        "Gen Nakatani met Deputy Prime Minister and Minister for Defence Peter Whitby. "
        "El ministro japonés de Defensa se reunió con su homólogo indio, Rajesh Kumar."
    )
    assert [f for f in _found(text) if not f[4]] == [
        ("Pavel Muraveiko", "Pavel Muraveiko", "BY", None, False),
        ("Peter Whitby", "Peter Whitby", None, "Defence Minister", False),
        ("Rajesh Kumar", "Rajesh Kumar", "IN", None, False),
    ]


def test_a_heading_and_the_next_paragraph_are_not_one_name() -> None:
    text = "Le ministre russe de la Défense à Minsk\nLe ministre est arrivé mardi."
    assert _found(text) == []


def test_a_middle_initial_and_titles_of_spokespeople_and_speakers() -> None:
    text = (
        "Secretary of State Antony J. Blinken met reporters. Government spokesman Steffen "
        "Hebestreit and House Speaker Kevin McCarthy spoke. Readout of President Biden's Call "
        "with Xi Jinping."
    )
    found = [(m.actor.name, m.actor.office) for m in find_actors(text)]
    # "Biden's Call" is a possessive, not a person.
    assert found == [
        ("Antony Blinken", "Secretary of State (2021-2025)"),
        ("Steffen Hebestreit", "Spokesperson"),
        ("Kevin McCarthy", "Speaker"),
        ("Xi Jinping", "President"),
    ]


def test_caucasus_central_asian_and_philippine_leaders_and_the_g20_as_languages_write_them() -> (
    None
):
    text = (
        "Ilham Aliev et Nikol Pachinian ; Kassym-Jomart Tokaïev, Alexandre Loukachenko ; "
        "Nikol Paşinyan'ın ; Ferdinand Marcos Jr. ; au sommet du G20 et de la Communauté "
        "politique européenne ; l'Otan."
    )
    assert [m.actor.name for m in find_actors(text)] == [
        "Ilham Aliyev",
        "Nikol Pashinyan",
        "Kassym-Jomart Tokayev",
        "Alexander Lukashenko",
        "Nikol Pashinyan",
        "Ferdinand Marcos Jr.",
        "Group of Twenty",
        "European Political Community",
        "North Atlantic Treaty Organization",
    ]


def test_spokespeople_titled_in_german_french_and_spanish() -> None:
    text = (
        "Regierungssprecher Steffen Hebestreit sagte am Montag, der Kanzler reise nicht.\n"
        "La porte-parole Prisca Thevenot a démenti.\nLa portavoz Pilar Alegría lo confirmó."
    )
    assert [(m.actor.name, m.actor.office, m.actor.known) for m in find_actors(text)] == [
        ("Steffen Hebestreit", "Spokesperson", False),
        ("Prisca Thevenot", "Spokesperson", False),
        ("Pilar Alegría", "Spokesperson", False),
    ]


def test_leaders_and_countries_as_chinese_japanese_korean_and_arabic_write_them() -> None:
    assert [m.actor.name for m in find_actors("普京与特朗普；ゼレンスキー大統領；ترامب")] == [
        "Vladimir Putin",
        "Donald Trump",
        "Volodymyr Zelensky",
        "Donald Trump",
    ]
    assert country_mentions("美国总统拜登与中方会谈；米国防総省；북한") == [
        ("US", 0, 2),
        ("CN", 7, 9),
        ("US", 12, 14),
        ("KP", 18, 20),
    ]


def test_leaders_as_ukrainian_persian_and_korean_write_them() -> None:
    ukrainian = (
        "Володимир Зеленський зустрівся з Кіром Стармером. Володимир Путін мовчить. Андрій "
        "Сибіга та Рустем Умєров."
    )
    assert [m.actor.name for m in find_actors(ukrainian)] == [
        "Volodymyr Zelensky",
        "Keir Starmer",
        "Vladimir Putin",
        "Andrii Sybiha",
        "Rustem Umerov",
    ]
    persian = "مسعود پزشکیان با ولادیمیر پوتین دیدار کرد."
    assert [m.actor.name for m in find_actors(persian)] == ["Masoud Pezeshkian", "Vladimir Putin"]
    assert [m.actor.name for m in find_actors("시진핑 주석과 이재명 대통령")] == [
        "Xi Jinping",
        "Lee Jae-myung",
    ]


def test_people_and_bodies_of_gulf_levant_and_afghan_news_under_their_usual_names() -> None:
    """Names the gazetteer lacked or spelt otherwise than the sets' convention (usual English
    spelling with diacritics, full names of bodies)."""
    text = (
        "Ahmed al-Sharaa met Bashar al-Assad's foes; الشرع; аш-Шараа; the Arab League and APEC; "
        "the Taliban and Zalmay Khalilzad; Mariusz Błaszczak; U.S. Forces Korea; Alexei "
        "Navalny; Yoon Seok-youl; Abdullah bin Zayed."
    )
    assert [m.actor.name for m in find_actors(text)] == [
        "Ahmed al-Sharaa",
        "Bashar al-Assad",
        "Ahmed al-Sharaa",
        "Ahmed al-Sharaa",
        "League of Arab States",
        "Asia-Pacific Economic Cooperation",
        "Taliban",
        "Zalmay Khalilzad",
        "Mariusz Błaszczak",
        "United States Forces Korea",
        "Alexei Navalny",
        "Yoon Suk Yeol",
        "Abdullah bin Zayed Al Nahyan",
    ]


def _named(text: str) -> list[tuple[str, str]]:
    return [
        (text[m.start : m.end], m.actor.name) for m in find_actors(text) if m.actor.kind != "state"
    ]


def test_a_latin_name_set_against_chinese_japanese_or_korean_letters_is_found() -> None:
    assert _named("主要7カ国首脳会議（G7サミット）が開幕。NATO는 회의를 열었다.") == [
        ("主要7カ国", "Group of Seven"),
        ("G7", "Group of Seven"),
        ("NATO", "North Atlantic Treaty Organization"),
    ]


def test_ukrainian_names_with_their_own_letters_and_endings() -> None:
    text = "Зеленський зустрівся з віцепрезиденткою США Камалою Гарріс; Угорщина головує в Раді ЄС."
    assert _named(text) == [
        ("Зеленський", "Volodymyr Zelensky"),
        ("Камалою Гарріс", "Kamala Harris"),
        ("Раді ЄС", "Council of the European Union"),
    ]


def test_hebrew_and_arabic_prefixes_and_persian_letters_in_arabic_copy() -> None:
    assert _named('נתניהו הודה לשולץ ואמר: "חמאס הם הנאצים החדשים"') == [
        ("נתניהו", "Benjamin Netanyahu"),
        ("לשולץ", "Olaf Scholz"),
        ("חמאס", "Hamas"),
    ]
    # "ومنظمة": "and the Organisation"; "إبراهيم رئيسي" with Arabic letters, known in Persian ones.
    text = "باسم الجامعة العربية ومنظمة التعاون الإسلامي، واستقبل إبراهيم رئيسي."
    assert [name for _, name in _named(text)] == [
        "League of Arab States",
        "Organisation of Islamic Cooperation",
        "Ebrahim Raisi",
    ]


def test_declined_latin_names_and_a_turkish_case_ending_after_the_apostrophe() -> None:
    # Polish (its letters say so: "wyruszył"), as Czech and Croatian, declines foreign names.
    text = "Z kanclerzem Friedrichem Merzem i premierem Keirem Starmerem wyruszył. Donalda Trumpa"
    assert _named(text) == [
        ("Friedrichem Merzem", "Friedrich Merz"),
        ("Keirem Starmerem", "Keir Starmer"),
        ("Donalda Trumpa", "Donald Trump"),
    ]
    assert _named("Türkiye, Netanyahu'nun katılması halinde zirveye katılmayacaktı.") == [
        ("Netanyahu'nun", "Benjamin Netanyahu")
    ]


def test_misspelt_people_are_their_closest_gazetteer_names() -> None:
    closest = _closest_people(
        ["mohammad reza ashtinai", "radoslaw sikorksi", "prime minister"], gazetteer()
    )
    assert closest == {
        "mohammad reza ashtinai": (pytest.approx(95.4545, abs=1e-4), "mohammad reza ashtiani"),
        "radoslaw sikorksi": (pytest.approx(94.1176, abs=1e-4), "radoslaw sikorski"),
        "prime minister": None,
    }


def test_the_names_left_out_of_the_fuzzy_comparison_could_not_score() -> None:
    # Every gazetteer person misspelt each way a name is (a letter dropped, doubled, changed,
    # two swapped): whatever scores FUZZY_CUTOFF against all names is among those within reach.
    from rapidfuzz import fuzz, process

    names = list(gazetteer().people)
    variants = sorted(
        {
            variant
            for name in names[::7]
            for i in range(1, len(name) - 1)
            for variant in (
                name[:i] + name[i + 1 :],
                name[:i] + name[i] + name[i:],
                name[:i] + "x" + name[i + 1 :],
                name[:i] + name[i + 1] + name[i] + name[i + 2 :],
            )
        }
    )
    index = _people_index(gazetteer())
    scored = process.cdist(variants, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    for variant, row in zip(variants, scored, strict=True):
        reach = set(index.within_reach([variant]))
        assert {n for n, score in zip(names, row, strict=True) if score} <= reach, variant


def test_letter_masks_hold_each_name_s_letters_as_bits() -> None:
    names = ["ab", "", "b a", "", "сергей шойгу"]
    expected = [sum({1 << (ord(c) & 63) for c in name}) for name in names]
    assert [int(m) for m in _letter_masks(names)] == expected
    assert expected[:3] == [2**33 + 2**34, 0, 2**32 + 2**33 + 2**34]
