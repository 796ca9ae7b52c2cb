"""The shipped actor gazetteer covers the registry's countries, and its spellings match.

Coverage is derived, not listed: the countries come from the shipped outlet registry and each
person's role from their `office`, so adding an outlet from a new country fails here until the
gazetteer names that country's leaders.
"""

from __future__ import annotations

import re

from newsarchive.analysis.actors import Actor, find_actors, gazetteer
from newsarchive.registry import load_registry

# Hong Kong's outlets report on China: its officials are China's.
REPORTED_AS = {"HK": "CN"}

_HEAD = re.compile(
    r"(?<!Vice )(?<!Deputy )\b(?:President|King|Emir|Supreme Leader|Prime Minister|Premier|"
    r"Chancellor)\b"
)
_FOREIGN = re.compile(r"\bForeign (?:Minister|Secretary)\b|\bSecretary of State\b|External Affairs")
_DEFENCE = re.compile(
    r"\bDefen[cs]e (?:Minister|Secretary)\b|\bSecretary of Defense\b|\bArmed Forces Minister\b|"
    r"\bMinister of State for Defence Affairs\b"
)
# An office a person has left ends with its years: "Foreign Minister (2021-2024)", "(2019-2020,
# 2024)" for two terms.
_YEARS = r"\d{4}(?:-\d{4})?"
_FORMER = re.compile(rf"\({_YEARS}(?:, {_YEARS})*\)$")


def offices(actor: Actor) -> list[tuple[str, bool]]:
    """(office, held now) for each office the entry names ("X; Y (2019-2022)")."""
    parts = [part.strip() for part in (actor.office or "").split(";") if part.strip()]
    return [(part, not _FORMER.search(part)) for part in parts]


def roles(actor: Actor) -> set[str]:
    found = set()
    for office, current in offices(actor):
        if _HEAD.search(office) and current:
            found.add("head now")
        if _FOREIGN.search(office):
            found.add("foreign minister")
        if _DEFENCE.search(office):
            found.add("defence minister")
    return found


def registry_countries() -> set[str]:
    countries = {o.country for o in load_registry().outlets if o.country}
    return {REPORTED_AS.get(code, code) for code in countries}


def test_every_registry_country_has_a_head_a_foreign_and_a_defence_minister() -> None:
    held: dict[str, set[str]] = {}
    for actor in gazetteer().actors:
        if actor.kind == "person" and actor.country:
            held.setdefault(actor.country, set()).update(roles(actor))
    wanted = {"head now", "foreign minister", "defence minister"}
    missing = {
        country: sorted(wanted - held.get(country, set()))
        for country in sorted(registry_countries())
        if wanted - held.get(country, set())
    }
    assert len(registry_countries()) > 30
    assert missing == {}


def test_roles_come_from_the_office_with_its_years() -> None:
    by_name = {a.name: a for a in gazetteer().actors}
    assert roles(by_name["Denys Shmyhal"]) == {"defence minister"}
    assert roles(by_name["Richard Marles"]) == {"defence minister"}
    assert roles(by_name["Mohammed bin Abdulrahman Al Thani"]) == {
        "head now",
        "foreign minister",
    }
    assert roles(by_name["Justin Trudeau"]) == set()
    assert roles(by_name["Israel Katz"]) == {"defence minister", "foreign minister"}
    assert offices(by_name["Israel Katz"]) == [
        ("Defence Minister", True),
        ("Foreign Minister (2019-2020, 2024)", False),
    ]


def test_every_person_of_a_country_has_an_office_and_no_spelling_names_two_actors() -> None:
    owners: dict[str, set[str]] = {}
    for actor in gazetteer().actors:
        if actor.kind == "person":
            assert actor.office, actor.name
            for office, current in offices(actor):
                # Years written any other way would be read as an office held now.
                assert not current or not re.search(r"\d{4}", office), office
        for phrase in (actor.name, *actor.aliases):
            owners.setdefault(phrase, set()).add(actor.name)
    assert {phrase: names for phrase, names in owners.items() if len(names) > 1} == {}


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (m.actor.name, m.actor.country, m.actor.office)
        for m in find_actors(text)
        if m.actor.kind == "person"
    ]


def test_new_countries_people_in_their_own_and_other_scripts() -> None:
    assert people("Встреча: Виктор Орбан и Майя Санду в Кишинёве.") == [
        ("Viktor Orban", "HU", "Prime Minister"),
        ("Maia Sandu", "MD", "President"),
    ]
    assert people("Ο Κυριάκος Μητσοτάκης συναντήθηκε με τον Νίκο Δένδια.") == [
        ("Kyriakos Mitsotakis", "GR", "Prime Minister"),
        ("Nikos Dendias", "GR", "Defence Minister; Foreign Minister (2019-2023)"),
    ]
    assert people("總統 賴清德 met 林佳龍 and 조태열 in Taipei.") == [
        ("Lai Ching-te", "TW", "President"),
        ("Lin Chia-lung", "TW", "Foreign Minister"),
        ("Cho Tae-yul", "KR", "Foreign Minister (2024-2025)"),
    ]
    assert people("Tô Lâm received Lương Cường and Orbán Viktor.") == [
        ("To Lam", "VN", "General Secretary of the Communist Party; President (2024)"),
        ("Luong Cuong", "VN", "President"),
        ("Viktor Orban", "HU", "Prime Minister"),
    ]


def test_new_countries_people_misspelt_or_transliterated() -> None:
    assert people("Polish Foreign Minister Radoslaw Sikorksi arrived in Kyiv.") == [
        ("Radoslaw Sikorski", "PL", "Foreign Minister"),
    ]
    assert people("Defence Minister Wladyslaw Kosiniak-Kamysh said.") == [
        ("Wladyslaw Kosiniak-Kamysz", "PL", "Defence Minister"),
    ]
    assert people("Le président Felix Tshisekedi a reçu Therese Kayikwamba Wagner.") == [
        ("Felix Tshisekedi", "CD", "President"),
        ("Therese Kayikwamba Wagner", "CD", "Foreign Minister"),
    ]


def test_namesakes_and_ordinary_words_are_not_taken_for_people() -> None:
    # Spain's prime minister keeps "Pedro Sánchez"; Colombia's defence minister is matched on
    # his full name only.
    assert people("Pedro Sánchez met Pedro Arnulfo Sánchez.") == [
        ("Pedro Sanchez", "ES", "Prime Minister"),
        ("Pedro Arnulfo Sanchez", "CO", "Defence Minister"),
    ]
    # A rifle, a fellow Albanese and a bare "Dan" are nobody in the gazetteer (Francesca
    # Albanese, the UN rapporteur, is someone since dev-6 named her).
    assert people("Sweden sent Carl Gustaf rifles; Marco Albanese and Dan spoke.") == []


def test_a_regnal_number_is_no_surname_and_a_taiwanese_name_is_known_by_its_first_word() -> None:
    text = "King Felipe VI opened it. Chapter VI of the treaty. Lai Ching-te spoke; Lai said."
    assert [(m.actor.name, text[m.start : m.end]) for m in find_actors(text)] == [
        ("Felipe VI", "King Felipe VI"),
        ("Lai Ching-te", "Lai Ching-te"),
        ("Lai Ching-te", "Lai"),
    ]


def test_hyphenated_names_with_capitals_are_one_word() -> None:
    assert people("Defence Minister Jean-Claude Mbemba of Gabon met Frank-Walter Steinmeier.") == [
        ("Jean-Claude Mbemba", "GA", "Defence Minister"),
        ("Frank-Walter Steinmeier", "DE", "President"),
    ]


def test_a_new_surname_alone_names_its_person_unless_it_is_a_word_or_a_first_name() -> None:
    assert people("Meloni and Tusk met on Monday; Mitsotakis stayed away.") == [
        ("Giorgia Meloni", "IT", "Prime Minister"),
        ("Donald Tusk", "PL", "Prime Minister"),
        ("Kyriakos Mitsotakis", "GR", "Prime Minister"),
    ]
    text = (
        "Wagner fighters left. Cooper said so. Slim chances, Khan added. Viktor arrived. "
        "Charles spoke. Chính phủ họp. Trong khi đó, Giang nói."
    )
    assert people(text) == []


def test_a_surname_after_a_middle_initial_is_someone_else() -> None:
    assert people("Donors: Gary R. Gantz gave $500.") == []
    assert people("The cabinet voted. Gantz said no.") == [
        ("Benny Gantz", "IL", "Defence Minister (2020-2022)"),
    ]


def test_a_phrase_starting_in_lower_case_matches_too() -> None:
    assert people("El rey Felipe VI recibió a Lula en Madrid.") == [
        ("Felipe VI", "ES", "King"),
        ("Luiz Inacio Lula da Silva", "BR", "President"),
    ]


def test_chinese_japanese_and_korean_names_in_running_text() -> None:
    # No spaces in Chinese and Japanese: the name stands against the title after it.
    assert people("习近平主席会见了王毅。高市早苗首相は茂木敏充外相と会談した。") == [
        ("Xi Jinping", "CN", "President"),
        ("Wang Yi", "CN", "Foreign Minister"),
        ("Sanae Takaichi", "JP", "Prime Minister"),
        ("Toshimitsu Motegi", "JP", "Foreign Minister"),
    ]
    # A Korean particle may follow a name; another syllable makes another name (박진영).
    assert people("이재명 대통령은 조태열과 만났다. 박진영은 노래했다. 박진은 말했다.") == [
        ("Lee Jae-myung", "KR", "President"),
        ("Cho Tae-yul", "KR", "Foreign Minister (2024-2025)"),
        ("Park Jin", "KR", "Foreign Minister (2022-2024)"),
    ]


def bodies(text: str) -> list[str]:
    kinds = ("organisation", "armed_force")
    return [m.actor.name for m in find_actors(text) if m.actor.kind in kinds]


def test_leaders_beyond_the_registry_in_hebrew_hindi_arabic_vietnamese_and_indonesian() -> None:
    assert people("ראש הממשלה בנימין נתניהו קיבל את פני הנשיא ג'ו ביידן ואת יצחק הרצוג.") == [
        ("Benjamin Netanyahu", "IL", "Prime Minister"),
        ("Joe Biden", "US", "President (2021-2025)"),
        ("Isaac Herzog", "IL", "President"),
    ]
    text = "राजनाथ सिंह ने अमेरिकी रक्षा मंत्री मार्क एस्पर और माइक पोम्पियो से मुलाकात की।"
    assert [name for name, _, _ in people(text)] == ["Rajnath Singh", "Mark Esper", "Mike Pompeo"]
    text = "استقبل الرئيس عبد الفتاح السيسي الملك عبدالله الثاني والرئيس محمود عباس."
    assert people(text) == [
        ("Abdel Fattah al-Sisi", "EG", "President"),
        ("Abdullah II", "JO", "King"),
        ("Mahmoud Abbas", "PS", "President"),
    ]
    assert [name for name, _, _ in people("Chủ tịch Tập Cận Bình hội đàm tại Hà Nội.")] == [
        "Xi Jinping"
    ]
    assert people("Presiden Jokowi bertemu Menteri Luar Negeri Retno Marsudi.") == [
        ("Joko Widodo", "ID", "President (2014-2024)"),
        ("Retno Marsudi", "ID", "Foreign Minister (2014-2024)"),
    ]


def test_armed_forces_commands_movements_and_groupings_in_several_scripts() -> None:
    text = (
        "The U.S. Navy, the Japan Maritime Self-Defense Force and the Royal Australian Navy "
        "joined the Indian Navy. The Quad met; OPEC+ kept output; the PKK and the YPG fought."
    )
    assert bodies(text) == [
        "United States Navy",
        "Japan Maritime Self-Defense Force",
        "Royal Australian Navy",
        "Indian Navy",
        "Quadrilateral Security Dialogue",
        "OPEC+",
        "Kurdistan Workers' Party",
        "People's Defense Units",
    ]
    assert bodies("中国人民解放军东部战区开展演训。海上自衛隊と在日米軍が参加した。") == [
        "People's Liberation Army",
        "Eastern Theater Command",
        "Japan Maritime Self-Defense Force",
        "United States Forces Japan",
    ]
    # A service's name in one language that names any country's service is not taken for one:
    # "Luftwaffe" is the air force of whichever country the German text names.
    assert bodies("Die russische Luftwaffe und die Marine griffen an.") == []


def test_a_new_surname_that_is_a_word_a_place_or_a_common_name_names_no_one_alone() -> None:
    text = "Costa Rica. Harris County. An Antonov An-124 landed. Michel said. Demir Çelik."
    assert people(text) == []
