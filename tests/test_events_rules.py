"""Event rules that carry to new text: Russian and Turkish words for events and days, declined
city names, air defence as the weapon of a delivery (analysis/events.py, events.toml)."""

from __future__ import annotations

from datetime import date

import pytest

from newsarchive.analysis.actors import find_actors
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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Indian Defence Minister Rajnath Singh flew to Moscow on Tuesday.",
            date(2024, 12, 11),
            ("visit", date(2024, 12, 10), "Moscow", "RU", [("Rajnath Singh", "visitor")]),
        ),
        (  # the city right after the day, with no preposition
            "El ministro de Defensa ruso, Andréi Belousov, visitó el jueves Pyongyang.",
            date(2024, 11, 30),
            ("visit", date(2024, 11, 28), "Pyongyang", "KP", [("Andrei Belousov", "visitor")]),
        ),
        (  # French "hier" in a French sentence, a newly listed capital in Russian
            "Le ministre iranien de la Défense, Aziz Nasirzadeh, est arrivé hier à Pékin.",
            date(2025, 6, 26),
            ("visit", date(2025, 6, 25), "Beijing", "CN", [("Aziz Nasirzadeh", "visitor")]),
        ),
        (
            "Президент Ирана Масуд Пезешкиан в четверг прибыл с визитом в Душанбе.",
            date(2025, 1, 17),
            ("visit", date(2025, 1, 16), "Dushanbe", "TJ", [("Masoud Pezeshkian", "visitor")]),
        ),
        (
            "Hakan Fidan spoke with Antony Blinken by phone on Monday.",
            date(2024, 1, 9),
            (
                "call",
                date(2024, 1, 8),
                None,
                None,
                [("Hakan Fidan", "participant"), ("Antony Blinken", "participant")],
            ),
        ),
        (
            "The EU adopted its 16th package of sanctions against Russia on Monday.",
            date(2025, 2, 25),
            (
                "sanction",
                date(2025, 2, 24),
                None,
                None,
                [("European Union", "participant"), ("Russia", "target")],
            ),
        ),
        (
            "Deutschland hat am Montag gegen Iran neue Sanktionen verhängt.",
            date(2025, 2, 25),
            (
                "sanction",
                date(2025, 2, 24),
                None,
                "DE",
                [("Germany", "participant"), ("Iran", "target")],
            ),
        ),
        (
            "La France a sanctionné mercredi trois responsables iraniens.",
            date(2025, 2, 27),
            (
                "sanction",
                date(2025, 2, 26),
                None,
                "FR",
                [("France", "participant"), ("Iran", "target")],
            ),
        ),
    ],
)
def test_more_ways_outlets_write_visits_calls_and_sanctions(
    text: str,
    published: date,
    expected: tuple[str, date, str | None, str | None, list[tuple[str, str]]],
) -> None:
    assert _events("", text, published) == [expected]


def test_hier_is_yesterday_in_french_only() -> None:
    assert resolve_dates("Le ministre est arrivé hier à Pékin.", date(2025, 6, 26)) == [
        date(2025, 6, 25)
    ]
    assert (
        resolve_dates("Der Minister ist hier und hat mit uns gesprochen.", date(2025, 6, 26)) == []
    )


def test_visits_and_talks_told_as_background_are_not_the_news() -> None:
    text = (
        "On Monday, analysts said Xi Jinping's visit to Moscow last year changed little.\n"
        "Sergei Lavrov said on Monday that Antony Blinken's visit to Beijing in 2023 had failed.\n"
        "Experts said on Monday that Erdogan received Putin in Ankara many times before the war.\n"
        "Lavrov, who visited Pyongyang in October, said on Monday that ties were strong.\n"
        "Австралийские СМИ в понедельник писали о визите Си Цзиньпина в Москву в прошлом году."
    )
    assert _events("", text, date(2024, 3, 19)) == []
    # The year of publication is not the past: "in 2024" may be this visit's.
    this_year = _events(
        "", "Antony Blinken's visit to Beijing in 2024 began on Monday.", date(2024, 3, 19)
    )
    assert this_year == [
        ("visit", date(2024, 3, 18), "Beijing", "CN", [("Antony Blinken", "visitor")])
    ]


def test_a_leaders_talks_in_the_hosts_country_are_a_visit() -> None:
    monday = date(2024, 7, 8)
    kremlin = "Narendra Modi held talks with Vladimir Putin in the Kremlin on Monday."
    assert _events("", kremlin, monday) == [
        (
            "visit",
            monday,
            "Moscow",
            "RU",
            [("Narendra Modi", "visitor"), ("Vladimir Putin", "host")],
        )
    ]
    german = "Bundeskanzler Olaf Scholz ist am Freitag in Peking mit Xi Jinping zusammengetroffen."
    assert _events("", german, date(2022, 11, 4)) == [
        (
            "visit",
            date(2022, 11, 4),
            "Beijing",
            "CN",
            [("Olaf Scholz", "visitor"), ("Xi Jinping", "host")],
        )
    ]
    # Ministers' talks stay a meeting; so do leaders' talks where neither is at home.
    ministers = "Sergei Lavrov met Wang Yi in Beijing on Monday."
    assert [e[0] for e in _events("", ministers, monday)] == ["meeting"]
    abroad = "Narendra Modi met Xi Jinping in Kazan on Monday."
    assert _events("", abroad, monday) == [
        (
            "meeting",
            monday,
            "Kazan",
            "RU",
            [("Narendra Modi", "participant"), ("Xi Jinping", "participant")],
        )
    ]


def test_nakanune_is_the_day_before_the_publication() -> None:
    assert resolve_dates("прибывший накануне в Москву", date(2024, 3, 14)) == [date(2024, 3, 13)]


def _kinds_and_parties(text: str) -> list[tuple[str, str | None, list[tuple[str, str]]]]:
    return [(e[0], e[3], e[4]) for e in _events("", text, date(2024, 7, 9))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a call named by "during an hour-long call"
            "Vladimir Putin warned Emmanuel Macron on Tuesday during an hour-long call.",
            [
                (
                    "call",
                    None,
                    [("Vladimir Putin", "participant"), ("Emmanuel Macron", "participant")],
                )
            ],
        ),
        (  # other languages' words open a sentence capitalised
            "Телефонный разговор Владимира Путина с Эммануэлем Макроном состоялся во вторник.",
            [
                (
                    "call",
                    None,
                    [("Vladimir Putin", "participant"), ("Emmanuel Macron", "participant")],
                )
            ],
        ),
        (  # a decision to send weapons is the transfer's news...
            "France will send 12 Caesar howitzers to Armenia, the ministry said on Tuesday.",
            [("arms_transfer", "AM", [("Armenia", "recipient"), ("France", "supplier")])],
        ),
        (
            "El presidente Joe Biden anunció el martes que Estados Unidos enviará a Polonia 30 "
            "tanques Abrams.",
            [("arms_transfer", "PL", [("Poland", "recipient"), ("United States", "supplier")])],
        ),
        (  # ...a plan is not
            "France plans to send 12 Caesar howitzers to Armenia, the ministry said on Tuesday.",
            [],
        ),
        (  # "is sanctioning" is active, not a passive
            "On Tuesday the United Kingdom is sanctioning Belarus over its support for the war.",
            [("sanction", "GB", [("United Kingdom", "participant"), ("Belarus", "target")])],
        ),
        (
            "Die EU hat am Dienstag ein neues Sanktionspaket gegen Belarus beschlossen.",
            [("sanction", None, [("European Union", "participant"), ("Belarus", "target")])],
        ),
        (  # a summit on whose sidelines talks are held is their backdrop, not an event
            "Narendra Modi and Xi Jinping held talks on the sidelines of the SCO summit in Kazan "
            "on Tuesday.",
            [("meeting", "RU", [("Narendra Modi", "participant"), ("Xi Jinping", "participant")])],
        ),
        (  # gathering words in any case: a capitalised agreement's name
            "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on Tuesday.",
            [("agreement", "PH", [("Japan", "signatory"), ("Philippines", "signatory")])],
        ),
        (  # German compounds of "Manöver" and "Übung"
            "Japan und Australien haben am Dienstag ein gemeinsames Militärmanöver begonnen.",
            # nowhere named: on its first party's soil
            [("exercise", "JP", [("Japan", "participant"), ("Australia", "participant")])],
        ),
        (
            "Antony Blinken et Wang Yi se sont rencontrés mardi à Vientiane.",
            [("meeting", "LA", [("Antony Blinken", "participant"), ("Wang Yi", "participant")])],
        ),
    ],
)
def test_calls_transfers_sanctions_and_gatherings_in_more_words(
    text: str, expected: list[tuple[str, str | None, list[tuple[str, str]]]]
) -> None:
    assert _kinds_and_parties(text) == expected


def test_a_meeting_with_the_visitor_on_their_visit_is_the_visit() -> None:
    title = "Vladimir Putin met with Chinese President Xi Jinping"
    text = "On Monday Vladimir Putin met with Xi Jinping, who is in Russia on a state visit."
    assert _events(title, text, date(2023, 3, 20)) == [
        (
            "visit",
            date(2023, 3, 20),
            None,
            "RU",
            [("Xi Jinping", "visitor"), ("Vladimir Putin", "host")],
        )
    ]


def test_an_exercise_named_nowhere_is_on_its_first_partys_soil_unless_somewhere_is_named() -> None:
    home = "Russia began large-scale military exercises in its Far East on Tuesday with China."
    assert [(e[0], e[3]) for e in _events("", home, date(2024, 7, 9))] == [("exercise", "RU")]
    sea = "Во вторник Россия и Китай начали совместные военные учения в Японском море."
    assert [(e[0], e[3]) for e in _events("", sea, date(2024, 7, 9))] == [("exercise", None)]


def test_a_datelined_signing_or_talks_happen_at_the_dateline() -> None:
    text = (
        "ANKARA (Wire) - Turkey and Azerbaijan signed a defence agreement on Tuesday.\n"
        "The two ministers also discussed drills."
    )
    assert _events("Turkey and Azerbaijan sign pact", text, date(2024, 7, 9)) == [
        (
            "agreement",
            date(2024, 7, 9),
            "Ankara",
            "TR",
            [("Turkey", "signatory"), ("Azerbaijan", "signatory")],
        )
    ]
    # A call is made from afar: the dateline does not place it.
    call = "WASHINGTON (Wire) - Joe Biden spoke to Xi Jinping on Tuesday in a two-hour call."
    assert [(e[0], e[2]) for e in _events("", call, date(2024, 7, 9))] == [("call", None)]


def test_a_german_ordinal_does_not_end_a_sentence() -> None:
    text = "Die EU hat am Montag ihr 14. Sanktionspaket gegen Russland beschlossen."
    assert [(e[0], e[4]) for e in _events("", text, date(2024, 6, 25))] == [
        ("sanction", [("European Union", "participant"), ("Russia", "target")])
    ]


def test_the_day_something_lasts_until_is_not_its_day() -> None:
    tuesday = date(2024, 7, 9)
    assert resolve_dates("The drills began on Tuesday and run until September 7.", tuesday) == [
        tuesday
    ]
    assert resolve_dates("Саммит продлится до 24 октября.", tuesday) == []
    assert resolve_dates("Le sommet durera jusqu'au 24 octobre.", tuesday) == []


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (  # a Russian participle of arrival, and a long run of capitalised words before a name
            "",
            "Федеральный канцлер Германии Олаф Шольц, посетивший накануне Пекин, провёл "
            "переговоры с Си Цзиньпином.",
            ("visit", date(2024, 7, 8), "Beijing", "CN"),
        ),
        (  # "held their first formal bilateral talks"
            "",
            "Narendra Modi and Xi Jinping held their first formal bilateral talks in five years in "
            "Kazan on Tuesday.",
            ("meeting", date(2024, 7, 9), "Kazan", "RU"),
        ),
        (  # "spent five hours with", a leader abroad: a visit
            "",
            "Emmanuel Macron spent more than five hours with Vladimir Putin in Moscow on Tuesday.",
            ("visit", date(2024, 7, 9), "Moscow", "RU"),
        ),
        (  # a named exercise is military; named nowhere, it is on its first party's soil
            "",
            "Japan and Australia launched the Southern Jackaroo exercise on Tuesday.",
            ("exercise", date(2024, 7, 9), None, "JP"),
        ),
        (  # a headline's summit takes the article's day; the city the sentence names
            "Nato-Gipfel in der litauischen Hauptstadt Vilnius",
            "Die Staats- und Regierungschefs haben am Dienstag über die Ukraine beraten.",
            ("summit", date(2024, 7, 9), "Vilnius", "LT"),
        ),
        (  # ...or the first city the article puts something in
            "Sommet de l'OTAN : l'Ukraine devra attendre",
            "Réunis mardi à Vilnius, les dirigeants ont affirmé leur soutien.",
            ("summit", date(2024, 7, 9), "Vilnius", "LT"),
        ),
    ],
)
def test_participles_talks_named_exercises_and_headline_summits(
    title: str, text: str, expected: tuple[str, date, str | None, str | None]
) -> None:
    assert [e[:4] for e in _events(title, text, date(2024, 7, 9))] == [expected]


def test_leaving_a_foreign_city_tells_the_visit() -> None:
    text = "Olaf Scholz left Beijing on Tuesday with a promise of further talks with Xi Jinping."
    assert [e[:4] for e in _events("", text, date(2024, 7, 9))] == [
        ("visit", date(2024, 7, 9), "Beijing", "CN")
    ]
    home = "Olaf Scholz left Berlin on Tuesday."
    assert _events("", home, date(2024, 7, 9)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Luiz Inacio Lula da Silva cancelled his trip to Kazan on Tuesday after a fall.",
        "Donald Trump on Tuesday shelved a planned meeting with Vladimir Putin in Budapest.",
        "Nancy Pelosi weighs a visit to Taipei, officials said on Tuesday.",
        "Beijing warned on Tuesday of consequences if Nancy Pelosi visits Taipei.",
    ],
)
def test_visits_and_talks_called_off_or_weighed_are_not_events(text: str) -> None:
    assert _events("", text, date(2024, 7, 9)) == []


def test_a_call_has_no_place_and_a_datelined_exercise_is_on_its_home_party_soil() -> None:
    call = (
        "Emmanuel Macron spoke with Vladimir Putin by telephone on Tuesday, days after their "
        "meeting in Moscow."
    )
    assert [e[:4] for e in _events("", call, date(2024, 7, 9))] == [
        ("call", date(2024, 7, 9), None, None)
    ]
    drills = "SEOUL (Wire) - U.S. and South Korean forces began joint military drills on Tuesday."
    assert [(e[0], e[3]) for e in _events("", drills, date(2024, 7, 9))] == [("exercise", "KR")]


def test_aides_spokespeople_and_bodies_of_defence_news_are_in_the_gazetteer() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov and Yuri Ushakov spoke. Помощник президента Юрий Ушаков "
        "ответил. The G7 and the International Criminal Court; Brics-Gipfel; troops of the "
        "Восточного военного округа."
    )
    assert [m.actor.name for m in find_actors(text)] == [
        "Dmitry Peskov",
        "Yuri Ushakov",
        "Yuri Ushakov",
        "Group of Seven",
        "International Criminal Court",
        "BRICS",
        "Eastern Military District",
    ]


def test_belarus_as_french_german_and_spanish_write_it() -> None:
    for text in (
        "L'Union européenne a adopté mercredi des sanctions contre le Bélarus.",
        "Die EU hat am Mittwoch Sanktionen gegen Weißrussland verhängt.",
        "La Unión Europea impuso el miércoles sanciones al ejército bielorruso.",
    ):
        assert [(e[0], e[4]) for e in _events("", text, date(2022, 3, 3))] == [
            ("sanction", [("European Union", "participant"), ("Belarus", "target")])
        ], text


def test_italian_and_portuguese_days_resolve_against_the_publication_day() -> None:
    thursday = date(2024, 3, 14)
    assert resolve_dates("Il ministro è arrivato ieri", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("martedì mattina", thursday) == [date(2024, 3, 12)]
    assert resolve_dates("nesta terça-feira", thursday) == [date(2024, 3, 12)]
    assert resolve_dates("O ministro chegou ontem", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("em 18 de outubro de 2024", thursday) == [date(2024, 10, 18)]
    assert resolve_dates("il 5 giugno", date(2025, 6, 6)) == [date(2025, 6, 5)]


def test_italian_and_portuguese_visits_and_a_summit_of_the_g20() -> None:
    meloni = (
        "La presidente del Consiglio Giorgia Meloni è arrivata giovedì a Varsavia per una visita "
        "di due giorni."
    )
    assert _events("", meloni, date(2024, 3, 15)) == [
        ("visit", date(2024, 3, 14), "Warsaw", "PL", [("Giorgia Meloni", "visitor")])
    ]
    lula = (
        "O presidente Luiz Inácio Lula da Silva chegou nesta quinta-feira a Pequim, onde se "
        "reuniu com o presidente Xi Jinping."
    )
    assert _events("", lula, date(2023, 4, 14)) == [
        (
            "visit",
            date(2023, 4, 13),
            "Beijing",
            "CN",
            [("Luiz Inacio Lula da Silva", "visitor"), ("Xi Jinping", "host")],
        )
    ]
    rio = "Na cúpula do G20 no Rio de Janeiro, nesta segunda-feira, os líderes aprovaram um texto."
    assert _events("", rio, date(2024, 11, 19)) == [
        ("summit", date(2024, 11, 18), "Rio de Janeiro", "BR", [("Group of Twenty", "participant")])
    ]
    vilnius = "Al vertice della Nato di Vilnius, martedì, i leader hanno discusso dell'Ucraina."
    assert [e[:4] for e in _events("", vilnius, date(2023, 7, 12))] == [
        ("summit", date(2023, 7, 11), "Vilnius", "LT")
    ]
    quirinale = (
        "Il presidente Mattarella ha ricevuto ieri al Quirinale il presidente brasiliano Luiz "
        "Inácio Lula da Silva."
    )
    assert _events("", quirinale, date(2023, 6, 22)) == [
        (
            "visit",
            date(2023, 6, 21),
            None,  # the Quirinale is no city of the gazetteer
            "IT",
            [("Luiz Inacio Lula da Silva", "visitor"), ("Sergio Mattarella", "host")],
        )
    ]


def test_a_french_call_without_articles_still_reads_hier_as_yesterday() -> None:
    text = "Emmanuel Macron et Olaf Scholz se sont parlé hier au téléphone pendant une heure."
    assert _events("", text, date(2024, 11, 16)) == [
        (
            "call",
            date(2024, 11, 15),
            None,
            None,
            [("Emmanuel Macron", "participant"), ("Olaf Scholz", "participant")],
        )
    ]
    # German "hier" (here) stays no day.
    assert resolve_dates("Scholz und Macron sind hier in Berlin", date(2024, 11, 16)) == []


def test_turkish_places_before_the_visit_and_a_sale_approved() -> None:
    visit = (
        "Cumhurbaşkanı Recep Tayyip Erdoğan, perşembe günü Yunanistan'a resmi bir ziyaret "
        "gerçekleştirdi. Atina'da Başbakan Kiryakos Miçotakis ile görüştü."
    )
    assert [e[:4] for e in _events("", visit, date(2023, 12, 8))] == [
        ("visit", date(2023, 12, 7), "Athens", "GR")
    ]
    signed = "Liderler dün Washington'da ortak bir bildiri imzaladı: Azerbaycan ve Ermenistan."
    assert [e[:4] for e in _events("", signed, date(2025, 8, 9))] == [
        ("agreement", date(2025, 8, 8), "Washington", "US")
    ]
    sale = (
        "ABD Dışişleri Bakanlığı, Polonya'ya 96 Apache helikopterinin satışını cuma günü onayladı."
    )
    assert _events("", sale, date(2023, 8, 26)) == [
        (
            "arms_transfer",
            date(2023, 8, 25),
            None,
            "PL",
            [("Poland", "recipient"), ("United States", "supplier")],
        )
    ]


def test_a_french_approved_sale_is_an_arms_transfer() -> None:
    text = "Le département d'État américain a approuvé vendredi la vente de 20 F-35 à la Roumanie."
    assert _events("", text, date(2024, 9, 14)) == [
        (
            "arms_transfer",
            date(2024, 9, 13),
            None,
            "RO",
            [("Romania", "recipient"), ("United States", "supplier")],
        )
    ]


def test_an_approved_sale_in_english_and_a_ceremony_hosted_by_someone() -> None:
    sale = (
        "WASHINGTON (Wire) - The U.S. State Department on Tuesday approved the sale of 12 F-16 "
        "fighter jets to Poland."
    )
    assert _events("", sale, date(2024, 3, 13)) == [
        (
            "arms_transfer",
            date(2024, 3, 12),
            None,
            "PL",
            [("Poland", "recipient"), ("United States", "supplier")],
        )
    ]
    # "hosted by" names the host after it: no visit of the signatories' host to them.
    signed = (
        "Ilham Aliyev and Nikol Pashinyan signed a joint declaration at the White House on "
        "Friday, in a ceremony hosted by President Donald Trump."
    )
    assert [e[0] for e in _events("", signed, date(2025, 8, 9))] == ["agreement"]


def test_a_visit_opening_the_sentence_names_its_visitor_after_it() -> None:
    german = (
        "Mit einem überraschenden Besuch in Warschau hat der französische Präsident Emmanuel "
        "Macron am Montag die Unterstützung Frankreichs bekräftigt."
    )
    assert _events("", german, date(2024, 3, 12)) == [
        ("visit", date(2024, 3, 11), "Warsaw", "PL", [("Emmanuel Macron", "visitor")])
    ]
    french = (
        "En visite hier à Berlin, le président turc Recep Tayyip Erdogan a défendu sa position."
    )
    assert _events("", french, date(2023, 11, 18)) == [
        ("visit", date(2023, 11, 17), "Berlin", "DE", [("Recep Tayyip Erdogan", "visitor")])
    ]


def test_a_month_without_its_day_before_the_publication_month_is_background() -> None:
    text = (
        "Modi besuchte gestern Kiew. Im Juli war Modi noch bei Kremlchef Wladimir Putin zu Gast "
        "gewesen."
    )
    assert _events("", text, date(2024, 8, 24)) == [
        ("visit", date(2024, 8, 23), "Kyiv", "UA", [("Narendra Modi", "visitor")])
    ]


def test_a_visit_placed_nowhere_is_where_its_visitor_held_talks_that_day() -> None:
    text = (
        "U.S. Defense Secretary Pete Hegseth arrived on Sunday on his first visit to Asia. "
        "Hegseth met Japanese Defense Minister Gen Nakatani in Tokyo on Sunday."
    )
    assert _events("", text, date(2025, 3, 31)) == [
        (
            "visit",
            date(2025, 3, 30),
            "Tokyo",
            "JP",
            [("Pete Hegseth", "visitor"), ("Gen Nakatani", "host")],
        )
    ]


def test_talks_placed_nowhere_are_in_the_first_city_the_article_puts_something_in() -> None:
    text = "US-Außenminister Marco Rubio traf am Dienstag Russlands Außenminister Sergej Lawrow."
    assert _events("Treffen in Riad", text, date(2025, 2, 19)) == [
        (
            "meeting",
            date(2025, 2, 18),
            "Riyadh",
            "SA",
            [("Marco Rubio", "participant"), ("Sergei Lavrov", "participant")],
        )
    ]


def test_a_verb_ending_its_clause_takes_no_party_from_the_next_clause() -> None:
    text = (
        "Die USA werden der Ukraine Streumunition liefern, Berlin hält sich raus. Das hat das "
        "Pentagon am Freitag bekannt gegeben."
    )
    assert _events("", text, date(2023, 7, 8)) == [
        (
            "arms_transfer",
            date(2023, 7, 7),
            None,
            "UA",
            [("Ukraine", "recipient"), ("United States", "supplier")],
        )
    ]


def test_declarations_signed_and_a_signing_of_another_year_is_background() -> None:
    signed = "Spain and Portugal signed a joint declaration on defence cooperation on Friday."
    assert _events("", signed, date(2024, 3, 16)) == [
        (
            "agreement",
            date(2024, 3, 15),
            None,
            None,
            [("Spain", "signatory"), ("Portugal", "signatory")],
        )
    ]
    old = (
        "Washington anunció el viernes un paquete con proyectiles prohibidos por una convención "
        "que España firmó en 2008."
    )
    assert _events("", old, date(2023, 7, 8)) == []


def test_chinese_and_japanese_calls_and_visits_with_their_dates() -> None:
    call = "3月18日，国家主席习近平应约同美国总统拜登通电话。"
    assert _events("", call, date(2022, 3, 19)) == [
        (
            "call",
            date(2022, 3, 18),
            None,
            None,
            [("Xi Jinping", "participant"), ("Joe Biden", "participant")],
        )
    ]
    # "来华访问的美国国务卿布林肯": the visiting secretary of state follows the visit's word.
    talks = "2024年4月26日，外交部长王毅在北京同来华访问的美国国务卿布林肯举行会谈。"
    assert _events("", talks, date(2024, 4, 26)) == [
        (
            "visit",
            date(2024, 4, 26),
            "Beijing",
            "CN",
            [("Antony Blinken", "visitor"), ("Wang Yi", "host")],
        )
    ]
    # "10日" alone is the 10th of the publication's month.
    japanese = "岸田文雄首相は10日、ワシントンでバイデン大統領と会談した。"
    assert _events("", japanese, date(2024, 4, 11)) == [
        (
            "visit",
            date(2024, 4, 10),
            "Washington",
            "US",
            [("Fumio Kishida", "visitor"), ("Joe Biden", "host")],
        )
    ]
    phone = "石破茂首相は昨日、トランプ大統領と電話会談を行った。"
    assert [e[:2] for e in _events("", phone, date(2025, 2, 8))] == [("call", date(2025, 2, 7))]


def test_an_arabic_visit_told_verb_first() -> None:
    text = "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى الرياض في زيارة رسمية."
    assert _events("", text, date(2024, 12, 3)) == [
        ("visit", date(2024, 12, 2), "Riyadh", "SA", [("Emmanuel Macron", "visitor")])
    ]


def test_days_in_chinese_japanese_korean_and_arabic() -> None:
    thursday = date(2024, 3, 14)
    assert resolve_dates("星期三", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("水曜日", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("يوم الأربعاء", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("5 يونيو", date(2024, 6, 6)) == [date(2024, 6, 5)]
    assert resolve_dates("6월 5일", date(2024, 6, 6)) == [date(2024, 6, 5)]
    assert resolve_dates("28日", date(2024, 3, 2)) == [date(2024, 2, 28)]
    assert resolve_dates("3日間の訓練", thursday) == []  # three days long, not the 3rd
    # The Sea of Japan is no party to an exercise held in it.
    drills = "中俄两国海军在日本海举行联合演习，演习于7月20日开始。"
    assert _events("", drills, date(2023, 7, 21)) == []


def test_a_japanese_visit_names_its_destination_before_the_verb() -> None:
    text = "岸田文雄首相は21日、ウクライナの首都キーウを訪問した。"
    assert _events("", text, date(2023, 3, 22)) == [
        ("visit", date(2023, 3, 21), "Kyiv", "UA", [("Fumio Kishida", "visitor")])
    ]
    chinese = "俄罗斯总统普京16日抵达北京，开始对中国进行国事访问。"
    assert _events("", chinese, date(2024, 5, 16)) == [
        ("visit", date(2024, 5, 16), "Beijing", "CN", [("Vladimir Putin", "visitor")])
    ]


def test_delegations_meeting_somewhere_are_their_states_meeting() -> None:
    text = (
        "Russian and Ukrainian delegations held direct talks in Istanbul on Friday, the first "
        "since 2022."
    )
    assert _events("", text, date(2025, 5, 17)) == [
        (
            "meeting",
            date(2025, 5, 16),
            "Istanbul",
            "TR",
            [("Russia", "participant"), ("Ukraine", "participant")],
        )
    ]
    # Without a delegation it is not told as their meeting.
    assert _events("", text.replace("delegations", "officials"), date(2025, 5, 17)) == []


def test_ukrainian_and_persian_days() -> None:
    thursday = date(2024, 3, 14)
    assert resolve_dates("у середу", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("20 лютого", thursday) == [date(2024, 2, 20)]
    assert resolve_dates("روز چهارشنبه", thursday) == [date(2024, 3, 13)]
    assert resolve_dates("вчора", thursday) == [date(2024, 3, 13)]


def test_a_bodys_leaders_meeting_somewhere_is_its_summit() -> None:
    text = "NATO leaders meeting in Vilnius on Tuesday agreed that Ukraine's future is in NATO."
    assert [e[:4] for e in _events("", text, date(2023, 7, 12))] == [
        ("summit", date(2023, 7, 11), "Vilnius", "LT")
    ]


def test_the_visit_of_someone_in_spanish_and_german() -> None:
    spanish = "La visita de Vladímir Putin a Pionyang comenzó el miércoles."
    assert _events("", spanish, date(2024, 6, 20)) == [
        ("visit", date(2024, 6, 19), "Pyongyang", "KP", [("Vladimir Putin", "visitor")])
    ]
    german = "Der Besuch von Kanzler Olaf Scholz in Peking begann am Sonntag."
    assert _events("", german, date(2024, 6, 20)) == [
        ("visit", date(2024, 6, 16), "Beijing", "CN", [("Olaf Scholz", "visitor")])
    ]


def test_a_leader_before_a_delivery_stands_for_their_state() -> None:
    text = "Администрация Джо Байдена во вторник объявила о передаче Украине зенитных ракет."
    assert _events("", text, date(2024, 6, 20)) == [
        (
            "arms_transfer",
            date(2024, 6, 18),
            None,
            "UA",
            [("Ukraine", "recipient"), ("United States", "supplier")],
        )
    ]


def test_summits_of_bodies_named_in_chinese_and_arabic() -> None:
    # "峰会7月": a word touching a digit still ends there.
    assert _events("", "北约峰会7月11日在维尔纽斯开幕。", date(2023, 7, 12)) == [
        (
            "summit",
            date(2023, 7, 11),
            "Vilnius",
            "LT",
            [("North Atlantic Treaty Organization", "participant")],
        )
    ]
    arabic = "انطلقت قمة مجموعة بريكس في قازان يوم الثلاثاء."
    assert _events("", arabic, date(2024, 10, 23)) == [
        ("summit", date(2024, 10, 22), "Kazan", "RU", [("BRICS", "participant")])
    ]


def test_a_treaty_named_in_quotes_and_a_statement_on_travel() -> None:
    treaty = (
        'Russia and North Korea signed a "comprehensive strategic partnership" treaty on Wednesday.'
    )
    assert _events("", treaty, date(2024, 6, 20)) == [
        (
            "agreement",
            date(2024, 6, 19),
            None,
            None,
            [("Russia", "signatory"), ("North Korea", "signatory")],
        )
    ]
    title = "Statement from President Joe Biden on Travel to Kyiv, Ukraine"
    assert _events(title, "Today, I am in Kyiv.", date(2023, 2, 20)) == [
        ("visit", date(2023, 2, 20), "Kyiv", "UA", [("Joe Biden", "visitor")])
    ]


def test_a_courtesy_call_on_a_host_is_a_visit_not_a_phone_call() -> None:
    text = (
        "Pentagon chief Pete Hegseth paid a courtesy call on President Ferdinand Marcos Jr. on "
        "Friday."
    )
    assert _events("", text, date(2025, 3, 29)) == [
        (
            "visit",
            date(2025, 3, 28),
            None,
            "PH",
            [("Pete Hegseth", "visitor"), ("Ferdinand Marcos Jr.", "host")],
        )
    ]


def test_turkish_talks_told_in_the_pluperfect() -> None:
    text = (
        "Erdoğan, çarşamba günü Rusya Devlet Başkanı Vladimir Putin ile Astana'da bir araya "
        "gelmişti."
    )
    assert _events("", text, date(2024, 7, 5)) == [
        (
            "meeting",
            date(2024, 7, 3),
            "Astana",
            "KZ",
            [("Recep Tayyip Erdogan", "participant"), ("Vladimir Putin", "participant")],
        )
    ]


def test_the_same_day_is_the_day_the_article_last_named() -> None:
    text = (
        "On July 8, the foreign ministers met in Manila.\n"
        "On the same day, Japan and the Philippines signed the Reciprocal Access Agreement."
    )
    assert _events("", text, date(2024, 7, 9)) == [
        (
            "agreement",
            date(2024, 7, 8),
            None,
            None,
            [("Japan", "signatory"), ("Philippines", "signatory")],
        )
    ]


def test_russian_talks_with_the_other_side() -> None:
    text = (
        "Глава российской делегации в пятницу заявил, что Москва удовлетворена итогами "
        "переговоров с украинской стороной в Стамбуле."
    )
    assert _events("", text, date(2025, 5, 17)) == [
        (
            "meeting",
            date(2025, 5, 16),
            "Istanbul",
            "TR",
            [("Russia", "participant"), ("Ukraine", "participant")],
        )
    ]


def test_a_naval_exercise_is_military_by_its_word() -> None:
    text = "Das Marinemanöver der Ukraine und der USA hat am Montag in Odessa begonnen."
    assert _events("", text, date(2021, 6, 29)) == [
        (
            "exercise",
            date(2021, 6, 28),
            "Odesa",
            "UA",
            [("Ukraine", "participant"), ("United States", "participant")],
        )
    ]


def test_a_korean_summit_meeting_abroad_and_korean_weekdays() -> None:
    assert resolve_dates("수요일", date(2024, 3, 14)) == [date(2024, 3, 13)]
    text = "이재명 대통령은 15일 도널드 트럼프 대통령과 워싱턴에서 정상회담을 했다."
    assert _events("", text, date(2025, 8, 26)) == [
        (
            "visit",
            date(2025, 8, 15),
            "Washington",
            "US",
            [("Lee Jae-myung", "visitor"), ("Donald Trump", "host")],
        )
    ]
