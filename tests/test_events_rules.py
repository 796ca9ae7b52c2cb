"""Event rules that carry to new text: Russian and Turkish words for events and days, declined
city names, air defence as the weapon of a delivery (analysis/events.py, events.toml)."""

from __future__ import annotations

from datetime import date

from newsarchive.analysis.events import find_events, place_name, resolve_dates


def _events(
    title: str, text: str, published: date
) -> list[tuple[str, date, str | None, str | None, list[tuple[str, str]]]]:
    return [
        (e.kind, e.occurred_on, e.place, e.country, [(a.actor.name, a.role) for a in e.actors])
        for e in find_events(title, text, published)
    ]


def test_russian_and_turkish_days_resolve_against_the_publication_day() -> None:
    thursday = date(2024, 3, 14)
    assert resolve_dates("в среду", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("во вторник", thursday) == [date(2024, 3, 12)]
    assert resolve_dates("Вчера министр", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("27 апреля 2022 года", thursday) == [date(2022, 4, 27)]
    assert resolve_dates("Bakan dün", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("13 Mart'ta Çarşamba", thursday) == [
        date(2024, 3, 13),
        date(2024, 3, 13),
    ]


def test_a_russian_visit_to_a_declined_city() -> None:
    text = (
        "Министр обороны России Андрей Белоусов во вторник прибыл с рабочим визитом в Пекин.\n"
        "В Пекине его принял председатель КНР Си Цзиньпин."
    )
    assert _events("Белоусов в Китае", text, date(2025, 1, 15)) == [
        (
            "visit",
            date(2025, 1, 14),
            "Beijing",
            "CN",
            [("Andrei Belousov", "visitor"), ("Xi Jinping", "host")],
        )
    ]
    assert place_name("Тегеране") == "Tehran"


def test_a_russian_call_and_a_russian_sanction() -> None:
    call = _events(
        "",
        "Сергей Лавров в пятницу провёл телефонный разговор с Ван И.",
        date(2024, 2, 10),
    )
    assert call == [
        (
            "call",
            date(2024, 2, 9),
            None,
            None,
            [("Sergei Lavrov", "participant"), ("Wang Yi", "participant")],
        )
    ]
    sanction = _events(
        "",
        "Великобритания в четверг ввела санкции против российских танкеров.",
        date(2025, 2, 21),
    )
    assert sanction == [
        (
            "sanction",
            date(2025, 2, 20),
            None,
            "GB",
            [("United Kingdom", "participant"), ("Russia", "target")],
        )
    ]


def test_an_air_defence_delivery_in_german_and_spanish() -> None:
    german = _events(
        "",
        "Deutschland liefert der Ukraine ein weiteres Luftverteidigungssystem. Die Übergabe "
        "erfolgte am Montag.",
        date(2025, 3, 11),
    )
    spanish = _events(
        "", "Alemania entregó el lunes a Ucrania otro sistema de defensa aérea.", date(2025, 3, 11)
    )
    expected = [
        (
            "arms_transfer",
            date(2025, 3, 10),
            None,
            "UA",
            [("Ukraine", "recipient"), ("Germany", "supplier")],
        )
    ]
    assert german == expected
    assert spanish == expected


def test_a_visit_told_from_the_hosts_side() -> None:
    text = (
        "Chinese President Xi Jinping received Russian Defence Minister Andrei Belousov in "
        "Beijing on Tuesday. Araghchi received the Chinese ambassador Cong Peiwu on Tuesday. "
        "Zelensky received a phone call from Emmanuel Macron on Tuesday."
    )
    assert _events("", text, date(2025, 1, 15)) == [
        (
            "visit",
            date(2025, 1, 14),
            "Beijing",
            "CN",
            [("Andrei Belousov", "visitor"), ("Xi Jinping", "host")],
        ),
        (
            "call",
            date(2025, 1, 14),
            None,
            None,
            [("Volodymyr Zelensky", "participant"), ("Emmanuel Macron", "participant")],
        ),
    ]


def test_a_verb_that_ends_its_clause_has_both_parties_before_it() -> None:
    german_arms = _events(
        "",
        "Polen hat am Dienstag die ersten zehn Kampfpanzer vom Typ K2 aus Südkorea erhalten.",
        date(2022, 12, 7),
    )
    assert german_arms == [
        (
            "arms_transfer",
            date(2022, 12, 6),
            None,
            "PL",
            [("Poland", "recipient"), ("South Korea", "supplier")],
        )
    ]
    german_host = _events(
        "",
        "Bundeskanzler Friedrich Merz hat am Montag den indischen Premierminister Narendra Modi "
        "in Berlin empfangen.",
        date(2025, 9, 15),
    )
    turkish_host = _events(
        "",
        "Cumhurbaşkanı Recep Tayyip Erdoğan, İran Dışişleri Bakanı Abbas Arakçi'yi pazartesi "
        "günü Ankara'da kabul etti.",
        date(2025, 2, 17),
    )
    assert german_host == [
        (
            "visit",
            date(2025, 9, 15),
            "Berlin",
            "DE",
            [("Narendra Modi", "visitor"), ("Friedrich Merz", "host")],
        )
    ]
    assert turkish_host == [
        (
            "visit",
            date(2025, 2, 17),
            "Ankara",
            "TR",
            [("Abbas Araghchi", "visitor"), ("Recep Tayyip Erdogan", "host")],
        )
    ]
    # A passive is told the other way round: not a visit by Merz.
    passive = "Modi wurde am Montag von Bundeskanzler Friedrich Merz in Berlin empfangen."
    assert _events("", passive, date(2025, 9, 15)) == []


def test_perfect_tense_calls_and_sanctions_imposed_in_french() -> None:
    call = _events(
        "",
        "Wladimir Putin hat am Freitag mit dem iranischen Präsidenten Massud Peseschkian "
        "telefoniert.",
        date(2025, 4, 5),
    )
    assert call == [
        (
            "call",
            date(2025, 4, 4),
            None,
            None,
            [("Vladimir Putin", "participant"), ("Masoud Pezeshkian", "participant")],
        )
    ]
    sanction = _events(
        "",
        "Les États-Unis ont imposé mercredi des sanctions à six entreprises chinoises.",
        date(2024, 10, 3),
    )
    assert sanction == [
        (
            "sanction",
            date(2024, 10, 2),
            None,
            "US",
            [("United States", "participant"), ("China", "target")],
        )
    ]
