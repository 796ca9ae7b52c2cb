"""Event rules that carry to new text (analysis/events.py, events.toml), as tables: one row a
sentence, its expected events (or days) beside it, so a new rule is one more row and a broken
rule names the sentences it broke."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from newsarchive.analysis.actors import find_actors
from newsarchive.analysis.events import find_events, place_name, resolve_dates

FIELDS = ("kind", "day", "place", "country", "actors")
#: The fields a row checks: all of them unless a rule is about only some.
K4 = ("kind", "day", "place", "country")
KIND = ("kind",)
KIND_COUNTRY = ("kind", "country")
KIND_ACTORS = ("kind", "actors")
PARTIES = ("kind", "country", "actors")


def _events(title: str, text: str, published: date, fields: Sequence[str]) -> list[object]:
    """The events found, each cut to the fields a row checks (a bare value for one field)."""
    rows = [
        (e.kind, e.occurred_on, e.place, e.country, [(a.actor.name, a.role) for a in e.actors])
        for e in find_events(title, text, published)
    ]
    picks = [FIELDS.index(f) for f in fields]
    if len(picks) == 1:
        return [row[picks[0]] for row in rows]
    return [tuple(row[i] for i in picks) for row in rows]


def _ev(
    case_id: str,
    text: str,
    published: date,
    expected: list[object],
    *,
    title: str = "",
    fields: Sequence[str] = FIELDS,
) -> object:
    return pytest.param(title, text, published, tuple(fields), expected, id=case_id)


def _v(visitor: str, host: str | None = None) -> list[tuple[str, str]]:
    return [(visitor, "visitor")] + ([(host, "host")] if host else [])


def _p(*names: str) -> list[tuple[str, str]]:
    return [(n, "participant") for n in names]


def _s(*names: str) -> list[tuple[str, str]]:
    return [(n, "signatory") for n in names]


def _to(recipient: str, supplier: str) -> list[tuple[str, str]]:
    return [(recipient, "recipient"), (supplier, "supplier")]


def _on(imposer: str, target: str) -> list[tuple[str, str]]:
    return [(imposer, "participant"), (target, "target")]


D = date
TUE = D(2024, 7, 9)

EVENT_CASES = [
    # --- shared logic: calls from afar, datelines, lists of visitors, context and plans
    _ev(
        "en-video-call-is-a-call-placed-nowhere",
        "Russian President Vladimir Putin and Chinese President Xi Jinping held talks by video "
        "link on Friday, the Kremlin said.",
        D(2022, 12, 30),
        [("call", D(2022, 12, 30), None, None, _p("Vladimir Putin", "Xi Jinping"))],
    ),
    _ev(
        "en-spoke-with-a-leader-is-a-call",
        "President Biden spoke with Turkish President Recep Tayyip Erdogan on Friday for the "
        "first time since taking office.",
        D(2021, 4, 23),
        [("call", D(2021, 4, 23), None, None, _p("Joe Biden", "Recep Tayyip Erdogan"))],
    ),
    _ev(
        "en-spoke-with-at-a-summit-is-no-call",
        "Biden spoke with Xi Jinping on the sidelines of the G20 summit on Monday.",
        D(2022, 11, 14),
        [],
        fields=KIND,
    ),
    _ev(
        "en-call-from-a-visit-is-placed-nowhere",
        "U.S. President Joe Biden arrived in Tel Aviv on Wednesday. On the flight home, Biden "
        "spoke by phone with French President Emmanuel Macron.",
        D(2023, 10, 18),
        [
            ("visit", D(2023, 10, 18), "Tel Aviv", "IL"),
            ("call", D(2023, 10, 18), None, None),
        ],
        fields=K4,
    ),
    _ev(
        "en-dateline-city-unknown-to-the-gazetteer-spelled-as-the-text-does",
        "SHARM EL-SHEIKH, Egypt (Reuters) - U.S. President Donald Trump flew to Egypt on Monday "
        "after addressing Israel's parliament. Leaders gathered in the Red Sea resort of Sharm "
        "el-Sheikh.",
        D(2025, 10, 13),
        [("visit", D(2025, 10, 13), "Sharm el-Sheikh", "EG", _v("Donald Trump"))],
    ),
    _ev(
        "en-visit-placed-nowhere-is-where-the-dateline-is",
        "WASHINGTON (Reuters) - South Korean President Yoon Suk Yeol addressed a joint meeting of "
        "Congress on Thursday, during a state visit.",
        D(2023, 4, 27),
        [("visit", D(2023, 4, 27), "Washington", "US", _v("Yoon Suk Yeol"))],
    ),
    _ev(
        "en-a-visit-is-dated-by-the-arrival-not-the-talks-told-first",
        "President Trump hosted Japanese Prime Minister Shigeru Ishiba at the White House on "
        "Friday. Ishiba, who arrived in Washington on Thursday afternoon, said Nippon Steel would "
        "invest in U.S. Steel.",
        D(2025, 2, 7),
        [("visit", D(2025, 2, 6), "Washington", "US", _v("Shigeru Ishiba", "Donald Trump"))],
    ),
    _ev(
        "en-a-state-visit-that-began-on-monday-began-then",
        "WASHINGTON (Reuters) - Japanese Prime Minister Fumio Kishida addressed a joint meeting of "
        "Congress on Thursday, during a state visit that began on Monday.",
        D(2024, 4, 11),
        [("visit", D(2024, 4, 8), "Washington", "US", _v("Fumio Kishida"))],
    ),
    _ev(
        "en-a-signed-partnership-is-an-agreement",
        'Iran and China signed a 25-year "comprehensive strategic partnership" in Tehran on '
        "Saturday, covering oil, infrastructure and security.",
        D(2021, 3, 28),
        [("agreement", D(2021, 3, 27), "Tehran", "IR", _s("Iran", "China"))],
    ),
    _ev(
        "en-signed-after-a-plan-is-done-and-an-arms-embargo-is-no-arms-deal",
        "MADRID (Reuters) - Turkey agreed on Tuesday to lift its veto over Finland and Sweden's "
        "bid to join NATO, after the three countries signed a memorandum addressing Ankara's "
        "concerns over Kurdish militants and arms embargoes.",
        D(2022, 6, 28),
        [("agreement", D(2022, 6, 28), "Madrid", "ES")],
        fields=K4,
    ),
    _ev(
        "en-an-agreement-signed-at-a-summit-and-the-summit",
        "U.S. President Donald Trump and the leaders of Egypt, Qatar and Turkey signed a "
        "declaration on Monday backing the Gaza ceasefire deal, at a summit in the Red Sea resort "
        "of Sharm el-Sheikh.",
        D(2025, 10, 13),
        [
            ("agreement", D(2025, 10, 13), "Sharm el-Sheikh", "EG"),
            ("summit", D(2025, 10, 13), "Sharm el-Sheikh", "EG"),
        ],
        fields=K4,
    ),
    _ev(
        "en-two-leaders-summit-away-from-their-capitals-is-their-meeting",
        "U.S. President Joe Biden and Russian President Vladimir Putin agreed on Wednesday to "
        "return their ambassadors to each other's capitals.",
        D(2021, 6, 16),
        [("meeting", D(2021, 6, 16), "Geneva", "CH", _p("Joe Biden", "Vladimir Putin"))],
        title="Biden, Putin agree to return ambassadors after 'constructive' Geneva summit",
    ),
    _ev(
        "en-a-summit-is-dated-by-its-opening-not-the-wrap",
        "OSAKA, Japan (Reuters) - Leaders of the Group of 20 ended a two-day summit in Osaka on "
        "Saturday with a declaration on trade. The summit, which opened on Friday, was "
        "overshadowed by bilateral meetings.",
        D(2019, 6, 29),
        [("summit", D(2019, 6, 28), "Osaka", "JP")],
        fields=K4,
    ),
    _ev(
        "en-a-list-of-visitors-each-visit",
        "French President Emmanuel Macron, German Chancellor Olaf Scholz and Italian Prime "
        "Minister Mario Draghi arrived in Kyiv on Thursday.",
        D(2022, 6, 16),
        [
            ("visit", D(2022, 6, 16), "Kyiv", "UA", _v("Emmanuel Macron")),
            ("visit", D(2022, 6, 16), "Kyiv", "UA", _v("Olaf Scholz")),
            ("visit", D(2022, 6, 16), "Kyiv", "UA", _v("Mario Draghi")),
        ],
    ),
    _ev(
        "en-a-list-of-states-each-sanction",
        "Britain, Canada and Norway on Tuesday imposed sanctions on Iran's Revolutionary Guards.",
        D(2025, 6, 10),
        [
            ("sanction", "GB", _on("United Kingdom", "Islamic Revolutionary Guard Corps")),
            ("sanction", "CA", _on("Canada", "Islamic Revolutionary Guard Corps")),
            ("sanction", "NO", _on("Norway", "Islamic Revolutionary Guard Corps")),
        ],
        fields=PARTIES,
    ),
    _ev(  # a minister's talks at the host's home are a visit when the article tells of travel
        "en-a-minister-who-came-to-visit-visits",
        "British Defence Secretary Ben Wallace met Russian Defence Minister Sergei Shoigu in "
        "Moscow on Friday. He was the first British defence secretary to visit Moscow since 2013.",
        D(2022, 2, 11),
        [("visit", D(2022, 2, 11), "Moscow", "RU", _v("Ben Wallace", "Sergei Shoigu"))],
    ),
    _ev(  # ... and talks where nobody travels in the text are a meeting
        "en-ministers-who-meet-meet",
        "Japanese Defence Minister Gen Nakatani met Australian Defence Minister Richard Marles "
        "in Tokyo on Tuesday.",
        D(2025, 2, 4),
        [("meeting", D(2025, 2, 4), "Tokyo", "JP", _p("Gen Nakatani", "Richard Marles"))],
    ),
    _ev(
        "en-a-day-after-recalls-an-earlier-visit",
        "Iranian President Ebrahim Raisi arrived in Moscow on Thursday for talks, a day after "
        "Vladimir Putin visited the United Arab Emirates.",
        D(2023, 12, 7),
        [("visit", D(2023, 12, 7), "Moscow", "RU", _v("Ebrahim Raisi"))],
    ),
    _ev(
        "en-the-trip-refers-back-to-the-visit-told",
        "Hungarian Prime Minister Viktor Orban flew to Moscow on Friday. European Commission "
        'President Ursula von der Leyen called the trip "appeasement."',
        D(2024, 7, 5),
        [("visit", D(2024, 7, 5), "Moscow", "RU", _v("Viktor Orban"))],
    ),
    _ev(
        "en-arrival-of-a-visitor-named-after-it",
        "The visit to Beijing coincided with the arrival in Moscow of Indian Prime Minister "
        "Narendra Modi on Monday.",
        D(2024, 7, 8),
        [("visit", D(2024, 7, 8), "Moscow", "RU", _v("Narendra Modi"))],
    ),
    _ev(
        "en-talks-in-a-planned-trip-are-planned",
        "Joe Biden will fly to Tokyo on Sunday for talks with Prime Minister Fumio Kishida.",
        D(2022, 5, 20),
        [],
    ),
    _ev(
        "en-an-invitation-to-make-a-visit-is-no-visit",
        "Vladimir Putin on Friday invited Xi Jinping to make a state visit to Moscow in the "
        "spring.",
        D(2022, 12, 30),
        [],
    ),
    _ev(
        "en-their-meeting-is-a-meeting-of-the-people-named",
        "Joe Biden and Vladimir Putin agreed on Wednesday to return their ambassadors, after "
        "their first face-to-face meeting in Geneva.",
        D(2021, 6, 16),
        [("meeting", D(2021, 6, 16), "Geneva", "CH", _p("Joe Biden", "Vladimir Putin"))],
    ),
    _ev(
        "en-a-summit-of-three-or-more-states-no-body-named",
        "Leaders of the United States, Japan, India and Australia on Tuesday launched a maritime "
        "initiative at a summit in Tokyo.",
        D(2022, 5, 24),
        [
            (
                "summit",
                D(2022, 5, 24),
                "Tokyo",
                "JP",
                _p("United States", "Japan", "India", "Australia"),
            )
        ],
    ),
    _ev(
        "en-two-leaders-summit-is-their-meeting",
        "U.S. President Donald Trump and Russian President Vladimir Putin ended their summit in "
        "Anchorage on Friday without a deal.",
        D(2025, 8, 16),
        [("meeting", D(2025, 8, 15), "Anchorage", "US", _p("Donald Trump", "Vladimir Putin"))],
    ),
    _ev(
        "en-since-their-summit-is-no-summit",
        "U.S. President Joe Biden and Chinese President Xi Jinping spoke by phone on Tuesday for "
        "the first time since their November summit in California.",
        D(2024, 4, 2),
        [("call", D(2024, 4, 2), None, None, _p("Joe Biden", "Xi Jinping"))],
    ),
    _ev(
        "en-a-gathering-that-welcomed-is-no-host",
        "JEDDAH - Ukraine's President Volodymyr Zelensky flew into Jeddah on Friday and addressed "
        "the summit, the same gathering that welcomed Syria's Bashar al-Assad.",
        D(2023, 5, 19),
        [("visit", D(2023, 5, 19), "Jeddah", "SA", _v("Volodymyr Zelensky"))],
    ),
    _ev(
        "en-hosting-the-leaders-of-a-summit-is-no-visit",
        "Japanese Prime Minister Fumio Kishida hosted U.S. President Joe Biden, British Prime "
        "Minister Rishi Sunak and France's Emmanuel Macron in Hiroshima on Friday.",
        D(2023, 5, 19),
        [],
    ),
    _ev(
        "en-in-the-city-of",
        "Indian Prime Minister Narendra Modi and Russian President Vladimir Putin met in the "
        "Chinese city of Tianjin on Monday.",
        D(2025, 9, 1),
        [("meeting", D(2025, 9, 1), "Tianjin", "CN", _p("Narendra Modi", "Vladimir Putin"))],
    ),
    _ev(
        "en-in-the-saudi-capital",
        "Iranian President Ebrahim Raisi arrived in the Saudi capital on Saturday.",
        D(2023, 11, 11),
        [("visit", D(2023, 11, 11), "Riyadh", "SA", _v("Ebrahim Raisi"))],
    ),
    _ev(
        "en-at-the-landmark-of-a-city",
        "Rishi Sunak and Japanese Prime Minister Fumio Kishida signed a defence agreement at the "
        "Tower of London on Wednesday.",
        D(2023, 1, 11),
        [("agreement", D(2023, 1, 11), "London", "GB", _s("Rishi Sunak", "Fumio Kishida"))],
    ),
    _ev(
        "en-a-city-before-the-visit-noun",
        "",
        D(2023, 11, 17),
        [("visit", D(2023, 11, 17), "Berlin", "DE", _v("Recep Tayyip Erdogan", "Olaf Scholz"))],
        title="Erdogan, Scholz clash over Gaza during Berlin visit",
    ),
    _ev(
        "en-an-asset-freeze-is-a-sanction",
        "Britain on Thursday froze the assets of Russian oligarch Roman Abramovich.",
        D(2022, 3, 10),
        [("sanction", D(2022, 3, 10), None, "GB", _on("United Kingdom", "Russia"))],
    ),
    _ev(
        "en-an-entry-ban-is-a-sanction",
        "Russia on Friday barred 500 Americans, including former President Barack Obama, from "
        "entering the country.",
        D(2023, 5, 19),
        [("sanction", D(2023, 5, 19), None, "RU", _on("Russia", "United States"))],
    ),
    _ev(
        "en-said-it-would-impose-sanctions-is-the-decision",
        "China said on Monday it would impose sanctions on U.S. Senator Marco Rubio.",
        D(2020, 7, 13),
        [("sanction", D(2020, 7, 13), None, "CN")],
        fields=K4,
    ),
    _ev(
        "en-agreed-to-buy-is-the-deal",
        "The United Arab Emirates agreed on Friday to buy 80 Rafale warplanes from France.",
        D(2021, 12, 3),
        [("arms_transfer", D(2021, 12, 3), None, "AE", _to("United Arab Emirates", "France"))],
    ),
    _ev(
        "en-an-approved-sale-to-a-recipient",
        "The U.S. State Department on Friday approved the possible sale to Taiwan of $1.1 "
        "billion in weapons.",
        D(2022, 9, 2),
        [("arms_transfer", D(2022, 9, 2), None, "TW", _to("Taiwan", "United States"))],
    ),
    _ev(
        "en-a-later-clause-recalling-the-past-leaves-the-news",
        "Japanese Prime Minister Fumio Kishida arrived in Seoul on Sunday for talks with South "
        "Korean President Yoon Suk Yeol, reciprocating Yoon's visit to Tokyo in March.",
        D(2023, 5, 7),
        [("visit", D(2023, 5, 7), "Seoul", "KR", _v("Fumio Kishida", "Yoon Suk Yeol"))],
    ),
    _ev(
        "en-a-sentence-recalling-the-past-is-background",
        "Japanese Prime Minister Fumio Kishida visited Seoul in March.",
        D(2023, 5, 7),
        [],
    ),
    _ev(
        "en-a-visit-is-not-to-the-visitors-own-capital",
        "Russian President Vladimir Putin flew to the United Arab Emirates on Wednesday, a sign "
        "of the ties between Abu Dhabi and Moscow.",
        D(2023, 12, 6),
        [("visit", D(2023, 12, 6), "Abu Dhabi", "AE", _v("Vladimir Putin"))],
    ),
    # --- Russian and Turkish words, declined cities, air defence deliveries
    _ev(
        "ru-visit-to-a-declined-city",
        "Министр обороны России Андрей Белоусов во вторник прибыл с рабочим визитом в Пекин.\n"
        "В Пекине его принял председатель КНР Си Цзиньпин.",
        D(2025, 1, 15),
        [("visit", D(2025, 1, 14), "Beijing", "CN", _v("Andrei Belousov", "Xi Jinping"))],
        title="Белоусов в Китае",
    ),
    _ev(
        "ru-call",
        "Сергей Лавров в пятницу провёл телефонный разговор с Ван И.",
        D(2024, 2, 10),
        [("call", D(2024, 2, 9), None, None, _p("Sergei Lavrov", "Wang Yi"))],
    ),
    _ev(
        "ru-sanction",
        "Великобритания в четверг ввела санкции против российских танкеров.",
        D(2025, 2, 21),
        [("sanction", D(2025, 2, 20), None, "GB", _on("United Kingdom", "Russia"))],
    ),
    _ev(
        "de-air-defence-delivery",
        "Deutschland liefert der Ukraine ein weiteres Luftverteidigungssystem. Die Übergabe "
        "erfolgte am Montag.",
        D(2025, 3, 11),
        [("arms_transfer", D(2025, 3, 10), None, "UA", _to("Ukraine", "Germany"))],
    ),
    _ev(
        "es-air-defence-delivery",
        "Alemania entregó el lunes a Ucrania otro sistema de defensa aérea.",
        D(2025, 3, 11),
        [("arms_transfer", D(2025, 3, 10), None, "UA", _to("Ukraine", "Germany"))],
    ),
    _ev(
        "en-visit-told-from-the-hosts-side-and-a-call-received",
        "Chinese President Xi Jinping received Russian Defence Minister Andrei Belousov in "
        "Beijing on Tuesday. Araghchi received the Chinese ambassador Cong Peiwu on Tuesday. "
        "Zelensky received a phone call from Emmanuel Macron on Tuesday.",
        D(2025, 1, 15),
        [
            ("visit", D(2025, 1, 14), "Beijing", "CN", _v("Andrei Belousov", "Xi Jinping")),
            ("call", D(2025, 1, 14), None, None, _p("Volodymyr Zelensky", "Emmanuel Macron")),
        ],
    ),
    # --- a verb that ends its clause has both parties before it
    _ev(
        "de-verb-final-arms-received",
        "Polen hat am Dienstag die ersten zehn Kampfpanzer vom Typ K2 aus Südkorea erhalten.",
        D(2022, 12, 7),
        [("arms_transfer", D(2022, 12, 6), None, "PL", _to("Poland", "South Korea"))],
    ),
    _ev(
        "de-verb-final-host-empfangen",
        "Bundeskanzler Friedrich Merz hat am Montag den indischen Premierminister Narendra Modi "
        "in Berlin empfangen.",
        D(2025, 9, 15),
        [("visit", D(2025, 9, 15), "Berlin", "DE", _v("Narendra Modi", "Friedrich Merz"))],
    ),
    _ev(
        "tr-verb-final-host-kabul-etti",
        "Cumhurbaşkanı Recep Tayyip Erdoğan, İran Dışişleri Bakanı Abbas Arakçi'yi pazartesi "
        "günü Ankara'da kabul etti.",
        D(2025, 2, 17),
        [
            (
                "visit",
                D(2025, 2, 17),
                "Ankara",
                "TR",
                _v("Abbas Araghchi", "Recep Tayyip Erdogan"),
            )
        ],
    ),
    _ev(  # a passive is told the other way round: not a visit by Merz
        "de-passive-received-is-no-visit-by-the-host",
        "Modi wurde am Montag von Bundeskanzler Friedrich Merz in Berlin empfangen.",
        D(2025, 9, 15),
        [],
    ),
    _ev(
        "de-perfect-tense-call",
        "Wladimir Putin hat am Freitag mit dem iranischen Präsidenten Massud Peseschkian "
        "telefoniert.",
        D(2025, 4, 5),
        [("call", D(2025, 4, 4), None, None, _p("Vladimir Putin", "Masoud Pezeshkian"))],
    ),
    _ev(
        "fr-sanctions-imposed",
        "Les États-Unis ont imposé mercredi des sanctions à six entreprises chinoises.",
        D(2024, 10, 3),
        [("sanction", D(2024, 10, 2), None, "US", _on("United States", "China"))],
    ),
    # --- more ways outlets write visits, calls and sanctions
    _ev(
        "en-flew-to",
        "Indian Defence Minister Rajnath Singh flew to Moscow on Tuesday.",
        D(2024, 12, 11),
        [("visit", D(2024, 12, 10), "Moscow", "RU", _v("Rajnath Singh"))],
    ),
    _ev(  # the city right after the day, with no preposition
        "es-city-right-after-the-day",
        "El ministro de Defensa ruso, Andréi Belousov, visitó el jueves Pyongyang.",
        D(2024, 11, 30),
        [("visit", D(2024, 11, 28), "Pyongyang", "KP", _v("Andrei Belousov"))],
    ),
    _ev(  # French "hier" in a French sentence
        "fr-arrived-hier",
        "Le ministre iranien de la Défense, Aziz Nasirzadeh, est arrivé hier à Pékin.",
        D(2025, 6, 26),
        [("visit", D(2025, 6, 25), "Beijing", "CN", _v("Aziz Nasirzadeh"))],
    ),
    _ev(  # a newly listed capital in Russian
        "ru-arrived-in-dushanbe",
        "Президент Ирана Масуд Пезешкиан в четверг прибыл с визитом в Душанбе.",
        D(2025, 1, 17),
        [("visit", D(2025, 1, 16), "Dushanbe", "TJ", _v("Masoud Pezeshkian"))],
    ),
    _ev(
        "en-spoke-by-phone",
        "Hakan Fidan spoke with Antony Blinken by phone on Monday.",
        D(2024, 1, 9),
        [("call", D(2024, 1, 8), None, None, _p("Hakan Fidan", "Antony Blinken"))],
    ),
    _ev(
        "en-eu-package-adopted",
        "The EU adopted its 16th package of sanctions against Russia on Monday.",
        D(2025, 2, 25),
        [("sanction", D(2025, 2, 24), None, "EU", _on("European Union", "Russia"))],
    ),
    _ev(  # the Union's ministers decide for the Union, whose measures carry "EU"
        "de-eu-foreign-ministers-adopt-a-package",
        "Die Außenminister der Europäischen Union haben am Montag das 16. Sanktionspaket gegen "
        "Russland beschlossen.",
        D(2025, 2, 24),
        [("sanction", D(2025, 2, 24), None, "EU", _on("European Union", "Russia"))],
    ),
    _ev(
        "de-sanktionen-verhaengt",
        "Deutschland hat am Montag gegen Iran neue Sanktionen verhängt.",
        D(2025, 2, 25),
        [("sanction", D(2025, 2, 24), None, "DE", _on("Germany", "Iran"))],
    ),
    _ev(
        "fr-a-sanctionne",
        "La France a sanctionné mercredi trois responsables iraniens.",
        D(2025, 2, 27),
        [("sanction", D(2025, 2, 26), None, "FR", _on("France", "Iran"))],
    ),
    # --- background is not the news
    _ev(
        "background-visits-and-talks-are-not-the-news",
        "On Monday, analysts said Xi Jinping's visit to Moscow last year changed little.\n"
        "Sergei Lavrov said on Monday that Antony Blinken's visit to Beijing in 2023 had failed.\n"
        "Experts said on Monday that Erdogan received Putin in Ankara many times before the war.\n"
        "Lavrov, who visited Pyongyang in October, said on Monday that ties were strong.\n"
        "Австралийские СМИ в понедельник писали о визите Си Цзиньпина в Москву в прошлом году.",
        D(2024, 3, 19),
        [],
    ),
    _ev(  # the year of publication is not the past: "in 2024" may be this visit's
        "the-publication-year-is-not-background",
        "Antony Blinken's visit to Beijing in 2024 began on Monday.",
        D(2024, 3, 19),
        [("visit", D(2024, 3, 18), "Beijing", "CN", _v("Antony Blinken"))],
    ),
    # --- a leader's talks in the host's country are a visit
    _ev(
        "en-talks-in-the-kremlin-are-a-visit",
        "Narendra Modi held talks with Vladimir Putin in the Kremlin on Monday.",
        D(2024, 7, 8),
        [("visit", D(2024, 7, 8), "Moscow", "RU", _v("Narendra Modi", "Vladimir Putin"))],
    ),
    _ev(
        "de-zusammengetroffen-in-peking-is-a-visit",
        "Bundeskanzler Olaf Scholz ist am Freitag in Peking mit Xi Jinping zusammengetroffen.",
        D(2022, 11, 4),
        [("visit", D(2022, 11, 4), "Beijing", "CN", _v("Olaf Scholz", "Xi Jinping"))],
    ),
    _ev(  # the host named before a clause-final verb is not the visitor
        "de-gereist-with-the-host-before-the-destination",
        "Bundeskanzlerin Angela Merkel ist am Samstag zu Gesprächen mit Präsident Wladimir Putin "
        "nach Moskau gereist.",
        D(2020, 1, 11),
        [("visit", D(2020, 1, 11), "Moscow", "RU", _v("Angela Merkel", "Vladimir Putin"))],
    ),
    _ev(  # ministers' talks stay a meeting
        "ministers-talks-stay-a-meeting",
        "Sergei Lavrov met Wang Yi in Beijing on Monday.",
        D(2024, 7, 8),
        ["meeting"],
        fields=KIND,
    ),
    _ev(  # so do leaders' talks where neither is at home
        "leaders-talks-abroad-stay-a-meeting",
        "Narendra Modi met Xi Jinping in Kazan on Monday.",
        D(2024, 7, 8),
        [("meeting", D(2024, 7, 8), "Kazan", "RU", _p("Narendra Modi", "Xi Jinping"))],
    ),
    # --- calls, transfers, sanctions and gatherings in more words
    _ev(
        "en-during-an-hour-long-call",
        "Vladimir Putin warned Emmanuel Macron on Tuesday during an hour-long call.",
        TUE,
        [("call", None, _p("Vladimir Putin", "Emmanuel Macron"))],
        fields=PARTIES,
    ),
    _ev(  # other languages' words open a sentence capitalised
        "ru-capitalised-call-word",
        "Телефонный разговор Владимира Путина с Эммануэлем Макроном состоялся во вторник.",
        TUE,
        [("call", None, _p("Vladimir Putin", "Emmanuel Macron"))],
        fields=PARTIES,
    ),
    _ev(  # a decision to send weapons is the transfer's news...
        "en-will-send-is-a-transfer",
        "France will send 12 Caesar howitzers to Armenia, the ministry said on Tuesday.",
        TUE,
        [("arms_transfer", "AM", _to("Armenia", "France"))],
        fields=PARTIES,
    ),
    _ev(
        "es-enviara-is-a-transfer",
        "El presidente Joe Biden anunció el martes que Estados Unidos enviará a Polonia 30 "
        "tanques Abrams.",
        TUE,
        [("arms_transfer", "PL", _to("Poland", "United States"))],
        fields=PARTIES,
    ),
    _ev(  # ...a plan is not
        "en-plans-to-send-is-no-transfer",
        "France plans to send 12 Caesar howitzers to Armenia, the ministry said on Tuesday.",
        TUE,
        [],
        fields=PARTIES,
    ),
    _ev(  # "is sanctioning" is active, not a passive
        "en-is-sanctioning-is-active",
        "On Tuesday the United Kingdom is sanctioning Belarus over its support for the war.",
        TUE,
        [("sanction", "GB", _on("United Kingdom", "Belarus"))],
        fields=PARTIES,
    ),
    _ev(
        "de-sanktionspaket-beschlossen",
        "Die EU hat am Dienstag ein neues Sanktionspaket gegen Belarus beschlossen.",
        TUE,
        [("sanction", "EU", _on("European Union", "Belarus"))],
        fields=PARTIES,
    ),
    _ev(  # a summit on whose sidelines talks are held is their backdrop, not an event
        "en-talks-on-the-sidelines-are-a-meeting-only",
        "Narendra Modi and Xi Jinping held talks on the sidelines of the SCO summit in Kazan "
        "on Tuesday.",
        TUE,
        [("meeting", "RU", _p("Narendra Modi", "Xi Jinping"))],
        fields=PARTIES,
    ),
    _ev(  # gathering words in any case: a capitalised agreement's name
        "en-capitalised-agreement-name",
        "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on Tuesday.",
        TUE,
        [("agreement", "PH", _s("Japan", "Philippines"))],
        fields=PARTIES,
    ),
    _ev(  # German compounds of "Manöver"; nowhere named: on its first party's soil
        "de-militaermanoever-compound",
        "Japan und Australien haben am Dienstag ein gemeinsames Militärmanöver begonnen.",
        TUE,
        [("exercise", "JP", _p("Japan", "Australia"))],
        fields=PARTIES,
    ),
    _ev(
        "fr-se-sont-rencontres",
        "Antony Blinken et Wang Yi se sont rencontrés mardi à Vientiane.",
        TUE,
        [("meeting", "LA", _p("Antony Blinken", "Wang Yi"))],
        fields=PARTIES,
    ),
    _ev(
        "en-meeting-the-visitor-on-their-visit-is-the-visit",
        "On Monday Vladimir Putin met with Xi Jinping, who is in Russia on a state visit.",
        D(2023, 3, 20),
        [("visit", D(2023, 3, 20), None, "RU", _v("Xi Jinping", "Vladimir Putin"))],
        title="Vladimir Putin met with Chinese President Xi Jinping",
    ),
    # --- where exercises, signings and calls happen
    _ev(
        "exercise-placed-nowhere-is-on-its-first-partys-soil",
        "Russia began large-scale military exercises in its Far East on Tuesday with China.",
        TUE,
        [("exercise", "RU")],
        fields=KIND_COUNTRY,
    ),
    _ev(
        "ru-exercise-at-sea-has-no-country",
        "Во вторник Россия и Китай начали совместные военные учения в Японском море.",
        TUE,
        [("exercise", None)],
        fields=KIND_COUNTRY,
    ),
    _ev(
        "datelined-signing-happens-at-the-dateline",
        "ANKARA (Wire) - Turkey and Azerbaijan signed a defence agreement on Tuesday.\n"
        "The two ministers also discussed drills.",
        TUE,
        [("agreement", TUE, "Ankara", "TR", _s("Turkey", "Azerbaijan"))],
        title="Turkey and Azerbaijan sign pact",
    ),
    _ev(  # a call is made from afar: the dateline does not place it
        "datelined-call-has-no-place",
        "WASHINGTON (Wire) - Joe Biden spoke to Xi Jinping on Tuesday in a two-hour call.",
        TUE,
        [("call", None)],
        fields=("kind", "place"),
    ),
    _ev(
        "de-ordinal-does-not-end-a-sentence",
        "Die EU hat am Montag ihr 14. Sanktionspaket gegen Russland beschlossen.",
        D(2024, 6, 25),
        [("sanction", _on("European Union", "Russia"))],
        fields=KIND_ACTORS,
    ),
    # --- participles, talks, named exercises and headline summits
    _ev(  # a Russian participle of arrival, and a long run of capitalised words before a name
        "ru-participle-of-arrival",
        "Федеральный канцлер Германии Олаф Шольц, посетивший накануне Пекин, провёл "
        "переговоры с Си Цзиньпином.",
        TUE,
        [("visit", D(2024, 7, 8), "Beijing", "CN")],
        fields=K4,
    ),
    _ev(
        "en-held-their-first-formal-bilateral-talks",
        "Narendra Modi and Xi Jinping held their first formal bilateral talks in five years in "
        "Kazan on Tuesday.",
        TUE,
        [("meeting", TUE, "Kazan", "RU")],
        fields=K4,
    ),
    _ev(  # a leader abroad: a visit
        "en-spent-five-hours-with",
        "Emmanuel Macron spent more than five hours with Vladimir Putin in Moscow on Tuesday.",
        TUE,
        [("visit", TUE, "Moscow", "RU")],
        fields=K4,
    ),
    _ev(  # a named exercise is military; named nowhere, it is on its first party's soil
        "en-named-exercise",
        "Japan and Australia launched the Southern Jackaroo exercise on Tuesday.",
        TUE,
        [("exercise", TUE, None, "JP")],
        fields=K4,
    ),
    _ev(  # a headline's summit takes the article's day; the city the sentence names
        "de-headline-summit-city",
        "Die Staats- und Regierungschefs haben am Dienstag über die Ukraine beraten.",
        TUE,
        [("summit", TUE, "Vilnius", "LT")],
        title="Nato-Gipfel in der litauischen Hauptstadt Vilnius",
        fields=K4,
    ),
    _ev(  # ...or the first city the article puts something in
        "fr-headline-summit-first-city-of-the-text",
        "Réunis mardi à Vilnius, les dirigeants ont affirmé leur soutien.",
        TUE,
        [("summit", TUE, "Vilnius", "LT")],
        title="Sommet de l'OTAN : l'Ukraine devra attendre",
        fields=K4,
    ),
    _ev(
        "en-leaving-a-foreign-city-tells-the-visit",
        "Olaf Scholz left Beijing on Tuesday with a promise of further talks with Xi Jinping.",
        TUE,
        [("visit", TUE, "Beijing", "CN")],
        fields=K4,
    ),
    _ev("en-leaving-home-is-no-visit", "Olaf Scholz left Berlin on Tuesday.", TUE, []),
    # --- visits and talks called off or weighed are not events
    _ev(
        "en-cancelled-trip",
        "Luiz Inacio Lula da Silva cancelled his trip to Kazan on Tuesday after a fall.",
        TUE,
        [],
    ),
    _ev(
        "en-shelved-meeting",
        "Donald Trump on Tuesday shelved a planned meeting with Vladimir Putin in Budapest.",
        TUE,
        [],
    ),
    _ev(
        "en-weighs-a-visit",
        "Nancy Pelosi weighs a visit to Taipei, officials said on Tuesday.",
        TUE,
        [],
    ),
    _ev(
        "en-warned-if-she-visits",
        "Beijing warned on Tuesday of consequences if Nancy Pelosi visits Taipei.",
        TUE,
        [],
    ),
    _ev(
        "en-call-has-no-place",
        "Emmanuel Macron spoke with Vladimir Putin by telephone on Tuesday, days after their "
        "meeting in Moscow.",
        TUE,
        [("call", TUE, None, None)],
        fields=K4,
    ),
    _ev(
        "datelined-exercise-is-on-its-home-partys-soil",
        "SEOUL (Wire) - U.S. and South Korean forces began joint military drills on Tuesday.",
        TUE,
        [("exercise", "KR")],
        fields=KIND_COUNTRY,
    ),
    # --- Belarus as French, German and Spanish write it
    _ev(
        "fr-belarus",
        "L'Union européenne a adopté mercredi des sanctions contre le Bélarus.",
        D(2022, 3, 3),
        [("sanction", _on("European Union", "Belarus"))],
        fields=KIND_ACTORS,
    ),
    _ev(
        "de-weissrussland",
        "Die EU hat am Mittwoch Sanktionen gegen Weißrussland verhängt.",
        D(2022, 3, 3),
        [("sanction", _on("European Union", "Belarus"))],
        fields=KIND_ACTORS,
    ),
    _ev(
        "es-bielorruso",
        "La Unión Europea impuso el miércoles sanciones al ejército bielorruso.",
        D(2022, 3, 3),
        [("sanction", _on("European Union", "Belarus"))],
        fields=KIND_ACTORS,
    ),
    # --- Italian and Portuguese visits and summits
    _ev(
        "it-arrivata-a-varsavia",
        "La presidente del Consiglio Giorgia Meloni è arrivata giovedì a Varsavia per una visita "
        "di due giorni.",
        D(2024, 3, 15),
        [("visit", D(2024, 3, 14), "Warsaw", "PL", _v("Giorgia Meloni"))],
    ),
    _ev(
        "pt-chegou-a-pequim",
        "O presidente Luiz Inácio Lula da Silva chegou nesta quinta-feira a Pequim, onde se "
        "reuniu com o presidente Xi Jinping.",
        D(2023, 4, 14),
        [
            (
                "visit",
                D(2023, 4, 13),
                "Beijing",
                "CN",
                _v("Luiz Inacio Lula da Silva", "Xi Jinping"),
            )
        ],
    ),
    _ev(
        "pt-cupula-do-g20",
        "Na cúpula do G20 no Rio de Janeiro, nesta segunda-feira, os líderes aprovaram um texto.",
        D(2024, 11, 19),
        [("summit", D(2024, 11, 18), "Rio de Janeiro", "BR", _p("Group of Twenty"))],
    ),
    _ev(
        "it-vertice-della-nato",
        "Al vertice della Nato di Vilnius, martedì, i leader hanno discusso dell'Ucraina.",
        D(2023, 7, 12),
        [("summit", D(2023, 7, 11), "Vilnius", "LT")],
        fields=K4,
    ),
    _ev(  # the Quirinale is no city of the gazetteer
        "it-ricevuto-al-quirinale",
        "Il presidente Mattarella ha ricevuto ieri al Quirinale il presidente brasiliano Luiz "
        "Inácio Lula da Silva.",
        D(2023, 6, 22),
        [
            (
                "visit",
                D(2023, 6, 21),
                None,
                "IT",
                _v("Luiz Inacio Lula da Silva", "Sergio Mattarella"),
            )
        ],
    ),
    _ev(
        "fr-call-without-articles-hier",
        "Emmanuel Macron et Olaf Scholz se sont parlé hier au téléphone pendant une heure.",
        D(2024, 11, 16),
        [("call", D(2024, 11, 15), None, None, _p("Emmanuel Macron", "Olaf Scholz"))],
    ),
    # --- Turkish places before the visit, sales approved
    _ev(
        "tr-place-before-the-visit",
        "Cumhurbaşkanı Recep Tayyip Erdoğan, perşembe günü Yunanistan'a resmi bir ziyaret "
        "gerçekleştirdi. Atina'da Başbakan Kiryakos Miçotakis ile görüştü.",
        D(2023, 12, 8),
        [("visit", D(2023, 12, 7), "Athens", "GR")],
        fields=K4,
    ),
    _ev(
        "tr-declaration-signed-in-washington",
        "Liderler dün Washington'da ortak bir bildiri imzaladı: Azerbaycan ve Ermenistan.",
        D(2025, 8, 9),
        [("agreement", D(2025, 8, 8), "Washington", "US")],
        fields=K4,
    ),
    _ev(
        "tr-sale-approved",
        "ABD Dışişleri Bakanlığı, Polonya'ya 96 Apache helikopterinin satışını cuma günü onayladı.",
        D(2023, 8, 26),
        [("arms_transfer", D(2023, 8, 25), None, "PL", _to("Poland", "United States"))],
    ),
    _ev(
        "fr-sale-approved",
        "Le département d'État américain a approuvé vendredi la vente de 20 F-35 à la Roumanie.",
        D(2024, 9, 14),
        [("arms_transfer", D(2024, 9, 13), None, "RO", _to("Romania", "United States"))],
    ),
    _ev(
        "en-sale-approved",
        "WASHINGTON (Wire) - The U.S. State Department on Tuesday approved the sale of 12 F-16 "
        "fighter jets to Poland.",
        D(2024, 3, 13),
        [("arms_transfer", D(2024, 3, 12), None, "PL", _to("Poland", "United States"))],
    ),
    # --- a summit of no named body nor three states, placed in a city near its word: the host's
    _ev(
        "en-summit-of-leaders-in-a-city",
        "King Abdullah told a summit of Arab leaders in Amman on Sunday that the war must end.",
        D(2024, 7, 8),
        [
            (
                "summit",
                D(2024, 7, 7),
                "Amman",
                "JO",
                [("Jordan", "participant"), ("Abdullah II", "participant")],
            )
        ],
    ),
    _ev(
        "en-his-second-summit-is-two-leaders-talks",
        "South Korean President Yoon Suk Yeol held his second summit in Seoul on Sunday.",
        D(2024, 7, 8),
        [],
    ),
    # --- landing is arriving, in French, Spanish and Italian as in English ("landed in")
    _ev(
        "fr-a-atterri",
        "Joe Biden a atterri hier à Tel-Aviv pour sa première tournée au Proche-Orient.",
        D(2022, 7, 14),
        [("visit", D(2022, 7, 13), "Tel Aviv", "IL", _v("Joe Biden"))],
    ),
    _ev(
        "es-aterrizo",
        "El presidente Pedro Sánchez aterrizó el jueves en Kiev.",
        D(2023, 2, 24),
        [("visit", D(2023, 2, 23), "Kyiv", "UA", _v("Pedro Sanchez"))],
    ),
    _ev(
        "it-e-atterrata",
        "Giorgia Meloni è atterrata ieri a Kiev.",
        D(2023, 2, 22),
        [("visit", D(2023, 2, 21), "Kyiv", "UA", _v("Giorgia Meloni"))],
    ),
    # --- French reflexive verbs with the typographic apostrophe and a day before "avec"
    _ev(
        "fr-sest-entretenu-ce-mardi-avec",
        "Emmanuel Macron s’est entretenu ce mardi avec Xi Jinping à Bali.",
        D(2022, 11, 15),
        [("meeting", D(2022, 11, 15), None, None, _p("Emmanuel Macron", "Xi Jinping"))],
    ),
    _ev(
        "fr-sest-rendu-typographic-apostrophe",
        "Le président Emmanuel Macron s’est rendu mardi à Kiev.",
        D(2024, 7, 10),
        [("visit", D(2024, 7, 9), "Kyiv", "UA", _v("Emmanuel Macron"))],
    ),
    # --- a state buying from a maker names no supplier: the buyer alone is the transfer
    _ev(
        "en-buyer-alone-selected",
        "Romania announced on Tuesday that it has selected the Lockheed Martin F-35A, ordering "
        "32 jets in a deal worth $6.5 billion.",
        D(2024, 9, 11),
        [("arms_transfer", D(2024, 9, 10), None, "RO", [("Romania", "recipient")])],
    ),
    _ev(
        "en-signed-a-billion-contract-for",
        "Greece on Friday signed a $3.5 billion contract for 20 F-35 fighters.",
        D(2024, 7, 27),
        [("arms_transfer", D(2024, 7, 26), None, "GR", [("Greece", "recipient")])],
    ),
    _ev(
        "en-will-buy-is-a-decision",
        "Greece will buy 20 F-35 fighters, the government said on Monday.",
        TUE,
        [("arms_transfer", D(2024, 7, 8), None, "GR", [("Greece", "recipient")])],
    ),
    _ev(
        "en-plans-to-buy-is-not",
        "Greece plans to buy 20 F-35 fighters, the government said on Monday.",
        TUE,
        [],
    ),
    _ev(
        "en-agreed-to-sell",
        "France agreed on Tuesday to sell 12 Rafale jets to Serbia.",
        D(2024, 8, 30),
        [("arms_transfer", D(2024, 8, 27), None, "RS", _to("Serbia", "France"))],
    ),
    _ev(
        "en-pledged-to",
        "Germany pledged four more IRIS-T air defence systems to Ukraine on Tuesday.",
        D(2024, 7, 10),
        [("arms_transfer", D(2024, 7, 9), None, "UA", _to("Ukraine", "Germany"))],
    ),
    _ev(
        "en-will-provide-with",
        "The Netherlands will provide Ukraine with 18 F-16 fighter jets, the government said on "
        "Monday.",
        TUE,
        [("arms_transfer", D(2024, 7, 8), None, "UA", _to("Ukraine", "Netherlands"))],
    ),
    _ev(
        "de-bekommt-alone",
        "Die Bundeswehr bekommt am Montag die ersten 8 Kampfjets vom Typ F-35.",
        TUE,
        [("arms_transfer", D(2024, 7, 8), None, "DE", [("Bundeswehr", "recipient")])],
    ),
    _ev(  # "talks ... between" two leaders, one at home: the other's visit
        "en-talks-in-the-kremlin-between",
        "Russia and Turkey agreed on Thursday a ceasefire in Idlib, after six hours of talks in "
        "the Kremlin between Vladimir Putin and Recep Tayyip Erdogan.",
        D(2020, 3, 5),
        [("visit", D(2020, 3, 5), "Moscow", "RU", _v("Recep Tayyip Erdogan", "Vladimir Putin"))],
    ),
    _ev(  # "flew in": the traveller is named before it, the place by the dateline
        "en-flew-in-under-a-dateline",
        "MOSCOW (MPA) - U.S. envoy Steve Witkoff flew in on Friday morning for talks with "
        "Vladimir Putin.",
        D(2025, 4, 11),
        [("visit", D(2025, 4, 11), "Moscow", "RU", _v("Steve Witkoff", "Vladimir Putin"))],
    ),
    _ev(  # a second trip is a visit; a trip home is none
        "en-flew-back-to-a-city-abroad-or-home",
        "Emmanuel Macron flew back to Beirut on Monday evening, less than four weeks after his "
        "first visit. Xi left for Gyeongju; Trump flew back to Washington on Thursday.",
        D(2020, 9, 1),
        [("visit", D(2020, 8, 31), "Beirut", "LB", _v("Emmanuel Macron"))],
    ),
    _ev(  # a seat of power stands for its city
        "en-signed-at-the-white-house",
        "Serbian President Aleksandar Vucic and Kosovo Prime Minister Avdullah Hoti signed an "
        "economic normalisation agreement at the White House on Friday.",
        D(2020, 9, 5),
        [("agreement", D(2020, 9, 4), "Washington", "US")],
        fields=K4,
    ),
    _ev(  # "hosted by" names the host after it: no visit of the signatories' host to them
        "en-ceremony-hosted-by-is-no-visit",
        "Ilham Aliyev and Nikol Pashinyan signed a joint declaration at the White House on "
        "Friday, in a ceremony hosted by President Donald Trump.",
        D(2025, 8, 9),
        ["agreement"],
        fields=KIND,
    ),
    # --- a visit opening the sentence names its visitor after it
    _ev(
        "de-mit-einem-besuch-in",
        "Mit einem überraschenden Besuch in Warschau hat der französische Präsident Emmanuel "
        "Macron am Montag die Unterstützung Frankreichs bekräftigt.",
        D(2024, 3, 12),
        [("visit", D(2024, 3, 11), "Warsaw", "PL", _v("Emmanuel Macron"))],
    ),
    _ev(
        "fr-en-visite-hier-a",
        "En visite hier à Berlin, le président turc Recep Tayyip Erdogan a défendu sa position.",
        D(2023, 11, 18),
        [("visit", D(2023, 11, 17), "Berlin", "DE", _v("Recep Tayyip Erdogan"))],
    ),
    _ev(
        "de-a-month-before-the-publication-month-is-background",
        "Modi besuchte gestern Kiew. Im Juli war Modi noch bei Kremlchef Wladimir Putin zu Gast "
        "gewesen.",
        D(2024, 8, 24),
        [("visit", D(2024, 8, 23), "Kyiv", "UA", _v("Narendra Modi"))],
    ),
    _ev(
        "en-visit-placed-where-the-visitor-held-talks-that-day",
        "U.S. Defense Secretary Pete Hegseth arrived on Sunday on his first visit to Asia. "
        "Hegseth met Japanese Defense Minister Gen Nakatani in Tokyo on Sunday.",
        D(2025, 3, 31),
        [("visit", D(2025, 3, 30), "Tokyo", "JP", _v("Pete Hegseth", "Gen Nakatani"))],
    ),
    _ev(
        "de-talks-placed-in-the-first-city-of-the-article",
        "US-Außenminister Marco Rubio traf am Dienstag Russlands Außenminister Sergej Lawrow.",
        D(2025, 2, 19),
        [("meeting", D(2025, 2, 18), "Riyadh", "SA", _p("Marco Rubio", "Sergei Lavrov"))],
        title="Treffen in Riad",
    ),
    _ev(
        "de-verb-final-takes-no-party-from-the-next-clause",
        "Die USA werden der Ukraine Streumunition liefern, Berlin hält sich raus. Das hat das "
        "Pentagon am Freitag bekannt gegeben.",
        D(2023, 7, 8),
        [("arms_transfer", D(2023, 7, 7), None, "UA", _to("Ukraine", "United States"))],
    ),
    _ev(
        "en-joint-declaration-signed",
        "Spain and Portugal signed a joint declaration on defence cooperation on Friday.",
        D(2024, 3, 16),
        [("agreement", D(2024, 3, 15), None, None, _s("Spain", "Portugal"))],
    ),
    _ev(
        "es-signing-of-another-year-is-background",
        "Washington anunció el viernes un paquete con proyectiles prohibidos por una convención "
        "que España firmó en 2008.",
        D(2023, 7, 8),
        [],
    ),
    # --- Chinese, Japanese, Korean and Arabic
    _ev(
        "zh-call-with-date",
        "3月18日，国家主席习近平应约同美国总统拜登通电话。",
        D(2022, 3, 19),
        [("call", D(2022, 3, 18), None, None, _p("Xi Jinping", "Joe Biden"))],
    ),
    _ev(  # "来华访问的美国国务卿布林肯": the visiting secretary of state follows the visit's word
        "zh-talks-with-the-visiting-secretary",
        "2024年4月26日，外交部长王毅在北京同来华访问的美国国务卿布林肯举行会谈。",
        D(2024, 4, 26),
        [("visit", D(2024, 4, 26), "Beijing", "CN", _v("Antony Blinken", "Wang Yi"))],
    ),
    _ev(  # "10日" alone is the 10th of the publication's month
        "ja-talks-in-washington",
        "岸田文雄首相は10日、ワシントンでバイデン大統領と会談した。",
        D(2024, 4, 11),
        [("visit", D(2024, 4, 10), "Washington", "US", _v("Fumio Kishida", "Joe Biden"))],
    ),
    _ev(
        "ja-phone-talks-yesterday",
        "石破茂首相は昨日、トランプ大統領と電話会談を行った。",
        D(2025, 2, 8),
        [("call", D(2025, 2, 7))],
        fields=("kind", "day"),
    ),
    _ev(
        "ar-visit-told-verb-first",
        "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى الرياض في زيارة رسمية.",
        D(2024, 12, 3),
        [("visit", D(2024, 12, 2), "Riyadh", "SA", _v("Emmanuel Macron"))],
    ),
    _ev(  # the Sea of Japan is no party to an exercise held in it
        "zh-sea-of-japan-is-no-party",
        "中俄两国海军在日本海举行联合演习，演习于7月20日开始。",
        D(2023, 7, 21),
        [],
    ),
    _ev(
        "ja-destination-before-the-verb",
        "岸田文雄首相は21日、ウクライナの首都キーウを訪問した。",
        D(2023, 3, 22),
        [("visit", D(2023, 3, 21), "Kyiv", "UA", _v("Fumio Kishida"))],
    ),
    _ev(
        "zh-arrived-for-a-state-visit",
        "俄罗斯总统普京16日抵达北京，开始对中国进行国事访问。",
        D(2024, 5, 16),
        [("visit", D(2024, 5, 16), "Beijing", "CN", _v("Vladimir Putin"))],
    ),
    # --- delegations, bodies' leaders, the visit of someone
    _ev(
        "en-delegations-meeting-are-their-states-meeting",
        "Russian and Ukrainian delegations held direct talks in Istanbul on Friday, the first "
        "since 2022.",
        D(2025, 5, 17),
        [("meeting", D(2025, 5, 16), "Istanbul", "TR", _p("Russia", "Ukraine"))],
    ),
    _ev(  # without a delegation it is not told as their meeting
        "en-officials-talks-are-not-the-states-meeting",
        "Russian and Ukrainian officials held direct talks in Istanbul on Friday, the first "
        "since 2022.",
        D(2025, 5, 17),
        [],
    ),
    _ev(
        "en-a-bodys-leaders-meeting-somewhere-is-its-summit",
        "NATO leaders meeting in Vilnius on Tuesday agreed that Ukraine's future is in NATO.",
        D(2023, 7, 12),
        [("summit", D(2023, 7, 11), "Vilnius", "LT")],
        fields=K4,
    ),
    _ev(
        "es-la-visita-de",
        "La visita de Vladímir Putin a Pionyang comenzó el miércoles.",
        D(2024, 6, 20),
        [("visit", D(2024, 6, 19), "Pyongyang", "KP", _v("Vladimir Putin"))],
    ),
    _ev(
        "de-der-besuch-von",
        "Der Besuch von Kanzler Olaf Scholz in Peking begann am Sonntag.",
        D(2024, 6, 20),
        [("visit", D(2024, 6, 16), "Beijing", "CN", _v("Olaf Scholz"))],
    ),
    _ev(
        "ru-a-leader-before-a-delivery-stands-for-their-state",
        "Администрация Джо Байдена во вторник объявила о передаче Украине зенитных ракет.",
        D(2024, 6, 20),
        [("arms_transfer", D(2024, 6, 18), None, "UA", _to("Ukraine", "United States"))],
    ),
    _ev(  # "峰会7月": a word touching a digit still ends there
        "zh-nato-summit-word-touching-a-digit",
        "北约峰会7月11日在维尔纽斯开幕。",
        D(2023, 7, 12),
        [
            (
                "summit",
                D(2023, 7, 11),
                "Vilnius",
                "LT",
                _p("North Atlantic Treaty Organization"),
            )
        ],
    ),
    _ev(
        "ar-brics-summit",
        "انطلقت قمة مجموعة بريكس في قازان يوم الثلاثاء.",
        D(2024, 10, 23),
        [("summit", D(2024, 10, 22), "Kazan", "RU", _p("BRICS"))],
    ),
    _ev(
        "en-treaty-named-in-quotes",
        'Russia and North Korea signed a "comprehensive strategic partnership" treaty on '
        "Wednesday.",
        D(2024, 6, 20),
        [("agreement", D(2024, 6, 19), None, None, _s("Russia", "North Korea"))],
    ),
    _ev(
        "en-statement-on-travel-to",
        "Today, I am in Kyiv.",
        D(2023, 2, 20),
        [("visit", D(2023, 2, 20), "Kyiv", "UA", _v("Joe Biden"))],
        title="Statement from President Joe Biden on Travel to Kyiv, Ukraine",
    ),
    _ev(
        "en-courtesy-call-is-a-visit",
        "Pentagon chief Pete Hegseth paid a courtesy call on President Ferdinand Marcos Jr. on "
        "Friday.",
        D(2025, 3, 29),
        [("visit", D(2025, 3, 28), None, "PH", _v("Pete Hegseth", "Ferdinand Marcos Jr."))],
    ),
    _ev(
        "tr-talks-in-the-pluperfect",
        "Erdoğan, çarşamba günü Rusya Devlet Başkanı Vladimir Putin ile Astana'da bir araya "
        "gelmişti.",
        D(2024, 7, 5),
        [
            (
                "meeting",
                D(2024, 7, 3),
                "Astana",
                "KZ",
                _p("Recep Tayyip Erdogan", "Vladimir Putin"),
            )
        ],
    ),
    _ev(
        "en-the-same-day-is-the-day-last-named",
        "On July 8, the foreign ministers met in Manila.\n"
        "On the same day, Japan and the Philippines signed the Reciprocal Access Agreement.",
        TUE,
        [("agreement", D(2024, 7, 8), "Manila", "PH", _s("Japan", "Philippines"))],
    ),
    _ev(
        "ru-talks-with-the-other-side",
        "Глава российской делегации в пятницу заявил, что Москва удовлетворена итогами "
        "переговоров с украинской стороной в Стамбуле.",
        D(2025, 5, 17),
        [("meeting", D(2025, 5, 16), "Istanbul", "TR", _p("Russia", "Ukraine"))],
    ),
    _ev(
        "de-marinemanoever-is-military",
        "Das Marinemanöver der Ukraine und der USA hat am Montag in Odessa begonnen.",
        D(2021, 6, 29),
        [("exercise", D(2021, 6, 28), "Odesa", "UA", _p("Ukraine", "United States"))],
    ),
    # --- Arabic clitics, verb-first hosts, places by their palaces and new cities (dev-6)
    _ev(  # the article on the summit's word (القمة), "today" (اليوم)
        "ar-summit-word-with-its-article-and-today",
        "انطلقت اليوم في الدوحة القمة الخليجية بمشاركة قادة دول مجلس التعاون لدول الخليج العربية.",
        D(2025, 5, 14),
        [("summit", D(2025, 5, 14), "Doha", "QA", _p("Gulf Cooperation Council"))],
    ),
    _ev(  # "received" opens the sentence: the host, then the visitor; "in" on the city (بباريس)
        "ar-verb-first-host-and-a-city-with-its-preposition",
        "استقبل الرئيس الفرنسي إيمانويل ماكرون اليوم بباريس الرئيس السوري أحمد الشرع.",
        D(2025, 5, 7),
        [("visit", D(2025, 5, 7), "Paris", "FR", _v("Ahmed al-Sharaa", "Emmanuel Macron"))],
    ),
    _ev(  # the Elysée stands for Paris as the Kremlin for Moscow
        "fr-received-at-the-elysee",
        "Emmanuel Macron a reçu mercredi à l'Élysée le président syrien Ahmed al-Charaa.",
        D(2025, 5, 8),
        [("visit", D(2025, 5, 7), "Paris", "FR", _v("Ahmed al-Sharaa", "Emmanuel Macron"))],
    ),
    _ev(
        "en-summit-in-hiroshima",
        "Leaders of the G7 opened their summit in Hiroshima on Friday.",
        D(2023, 5, 20),
        [("summit", D(2023, 5, 19), "Hiroshima", "JP", _p("Group of Seven"))],
    ),
    # --- a lead naming no day tells talks of the day it was published (readouts, agencies)
    _ev(
        "ru-readout-naming-no-day",
        "Владимир Путин провёл в Кремле переговоры с президентом Турции Реджепом Тайипом "
        "Эрдоганом, прибывшим в Россию с визитом.\nСтороны обсудили газ.",
        D(2024, 9, 3),
        [("visit", D(2024, 9, 3), "Moscow", "RU", _v("Recep Tayyip Erdogan", "Vladimir Putin"))],
        title="Путин провёл переговоры с Эрдоганом",
    ),
    _ev(
        "tr-agency-lead-naming-no-day",
        "Cumhurbaşkanı Recep Tayyip Erdoğan, resmi ziyaret için gittiği Almanya'nın başkenti "
        "Berlin'de Başbakan Olaf Scholz ile bir araya geldi.",
        D(2023, 11, 17),
        [("visit", D(2023, 11, 17), "Berlin", "DE", _v("Recep Tayyip Erdogan", "Olaf Scholz"))],
        title="Erdoğan Berlin'de",
    ),
    _ev(  # a purchase told with no day is a habit, not the news of the day
        "en-undated-purchase-is-a-habit",
        "Olaf Scholz's government buys arms from Israel and the United States alike.",
        D(2024, 9, 3),
        [],
    ),
    _ev(  # past the lead, talks with no day are not dated by the publication
        "en-undated-talks-past-the-lead",
        "Talks are one thing.\nErdogan met Putin in Sochi, which changed little.",
        D(2024, 9, 3),
        [],
        title="Analysis",
    ),
    # --- a signed deal for weapons is an arms transfer, not an agreement
    _ev(
        "en-agreement-for-fighters-is-an-arms-transfer",
        "Chile and Sweden signed an agreement on Thursday for 12 Gripen fighters.",
        D(2024, 9, 6),
        [("arms_transfer", D(2024, 9, 5), None, "CL", _to("Chile", "Sweden"))],
    ),
    _ev(
        "fr-contract-signed-for-fighters-is-an-arms-transfer",
        "Le Pérou a signé lundi un contrat avec la Suède pour l'achat de 24 avions de combat "
        "Gripen.",
        D(2024, 9, 3),
        [("arms_transfer", D(2024, 9, 2), None, "PE", _to("Peru", "Sweden"))],
    ),
    _ev(  # the day between the deal and its purpose
        "en-signed-a-contract-on-a-day-to-buy",
        "Peru signed a contract on Monday to buy 24 Gripen jets from Sweden.",
        D(2024, 9, 3),
        [("arms_transfer", D(2024, 9, 2), None, "PE", _to("Peru", "Sweden"))],
    ),
    _ev(
        "it-ha-telefonato-a",
        "Giorgia Meloni ha telefonato ieri a Emmanuel Macron.",
        D(2025, 7, 2),
        [("call", D(2025, 7, 1), None, None, _p("Giorgia Meloni", "Emmanuel Macron"))],
    ),
    _ev(  # Xi as Ukrainian declines him
        "uk-call-with-xi-declined",
        "Президент Володимир Зеленський сьогодні провів телефонну розмову з Сі Цзіньпіном.",
        D(2023, 4, 26),
        [("call", D(2023, 4, 26), None, None, _p("Volodymyr Zelensky", "Xi Jinping"))],
    ),
    _ev(
        "ko-summit-meeting-abroad-is-a-visit",
        "이재명 대통령은 15일 도널드 트럼프 대통령과 워싱턴에서 정상회담을 했다.",
        D(2025, 8, 26),
        [("visit", D(2025, 8, 15), "Washington", "US", _v("Lee Jae-myung", "Donald Trump"))],
    ),
    # --- where a visit is, named before its verb
    _ev(
        "de-verb-last-visit-city-before-the-verb",
        "Der französische Präsident Emmanuel Macron ist am Sonntag zum Staatsbesuch in Berlin "
        "eingetroffen.",
        D(2024, 5, 27),
        [("visit", D(2024, 5, 26), "Berlin", "DE", _v("Emmanuel Macron"))],
    ),
    _ev(
        "es-landed-in-the-city-before-the-visit-noun",
        "El presidente de China, Xi Jinping, aterrizó este domingo en París para una visita de "
        "Estado de dos días.",
        D(2024, 5, 6),
        [("visit", D(2024, 5, 5), "Paris", "FR", _v("Xi Jinping"))],
    ),
    _ev(
        "de-visitor-own-capital-before-the-verb-is-not-the-visit",
        "Bundeskanzler Olaf Scholz hat sich in Berlin verabschiedet und ist am Freitag nach "
        "China gereist.",
        D(2022, 11, 5),
        [("visit", D(2022, 11, 4), None, "CN", _v("Olaf Scholz"))],
    ),
    # --- a guest told in the passive visits where the sentence puts it, or the host's country
    _ev(
        "en-passive-welcomed-in-a-city-is-a-visit",
        "Israeli President Isaac Herzog was welcomed with a military ceremony in Ankara on "
        "Wednesday.",
        D(2022, 3, 10),
        [("visit", D(2022, 3, 9), "Ankara", "TR", _v("Isaac Herzog"))],
    ),
    _ev(
        "en-passive-received-by-the-host",
        "Russian Foreign Minister Sergey Lavrov was received by Indian Prime Minister Narendra "
        "Modi on Friday.",
        D(2022, 3, 10),
        [("visit", D(2022, 3, 4), None, "IN", _v("Sergei Lavrov", "Narendra Modi"))],
    ),
    _ev(
        "en-passive-welcomed-at-home-is-no-visit",
        "Turkish President Recep Tayyip Erdogan was welcomed by supporters in Istanbul on Sunday.",
        D(2022, 3, 10),
        [],
    ),
    # --- a signing placed nowhere is in the article's first city, if a signatory's
    _ev(
        "fr-signing-in-the-next-sentence-city",
        "C'est avec l'Espagne que la France a signé jeudi un traité d'amitié. Emmanuel Macron et "
        "Pedro Sánchez l'ont paraphé à Barcelone.",
        D(2023, 1, 20),
        [("agreement", D(2023, 1, 19), "Barcelona", "ES", _s("Spain", "France"))],
    ),
    _ev(
        "en-signing-not-in-a-city-of-neither-signatory",
        "Poland and South Korea signed a defence cooperation agreement on Monday. Analysts in "
        "Berlin said the pact would worry Moscow.",
        D(2023, 1, 20),
        [("agreement", D(2023, 1, 16), None, None, _s("Poland", "South Korea"))],
    ),
    # --- datelines as agencies in other languages write them
    _ev(
        "ru-tass-dateline-city-dot-day",
        "БАКУ. 18 августа. - Президент России Владимир Путин прибыл с государственным визитом в "
        "Азербайджан.",
        D(2024, 8, 18),
        [("visit", D(2024, 8, 18), "Baku", "AZ", _v("Vladimir Putin"))],
    ),
    _ev(
        "ru-dateline-city-comma-day",
        "УЛАН-БАТОР, 2 сентября. Президент России Владимир Путин прибыл с официальным визитом в "
        "Монголию.",
        D(2024, 9, 2),
        [("visit", D(2024, 9, 2), "Ulaanbaatar", "MN", _v("Vladimir Putin"))],
    ),
    _ev(
        "en-indian-press-dateline-with-a-colon",
        "KATHMANDU: Chinese President Xi Jinping arrived on Saturday for a two-day state visit.",
        D(2019, 10, 12),
        [("visit", D(2019, 10, 12), "Kathmandu", "NP", _v("Xi Jinping"))],
    ),
    _ev(
        "hi-dateline-city-day-danda",
        "नई दिल्ली, 26 फरवरी। प्रधानमंत्री नरेंद्र मोदी ने आज जापान के प्रधानमंत्री फुमियो किशिदा से मुलाकात की।",
        D(2023, 2, 26),
        [("visit", D(2023, 2, 26), "New Delhi", "IN", _v("Fumio Kishida", "Narendra Modi"))],
    ),
    _ev(
        "ar-dateline-city-dash",
        "جدة - وصل الرئيس التركي رجب طيب أردوغان اليوم في زيارة رسمية.",
        D(2023, 7, 17),
        [("visit", D(2023, 7, 17), "Jeddah", "SA", _v("Recep Tayyip Erdogan"))],
    ),
    _ev(
        "en-talks-told-from-the-newsroom-are-where-the-text-puts-them",
        "MOSCOW (Atlas Wire) - Vladimir Putin and Donald Trump held talks on Friday, the Kremlin "
        "said. The leaders met at a military base in Anchorage.",
        D(2025, 8, 16),
        [("meeting", D(2025, 8, 15), "Anchorage", "US", _p("Vladimir Putin", "Donald Trump"))],
    ),
]


@pytest.mark.parametrize(("title", "text", "published", "fields", "expected"), EVENT_CASES)
def test_events_found_in_a_sentence(
    title: str, text: str, published: date, fields: tuple[str, ...], expected: list[object]
) -> None:
    assert _events(title, text, published, fields) == expected


THU = D(2024, 3, 14)
WED = D(2024, 3, 13)

DAY_CASES = [
    pytest.param("в среду", THU, [WED], id="ru-v-sredu"),
    pytest.param("во вторник", THU, [D(2024, 3, 12)], id="ru-vo-vtornik"),
    pytest.param("Вчера министр", THU, [WED], id="ru-vchera"),
    pytest.param("27 апреля 2022 года", THU, [D(2022, 4, 27)], id="ru-full-date"),
    pytest.param("прибывший накануне в Москву", THU, [WED], id="ru-nakanune"),
    pytest.param("Bakan dün", THU, [WED], id="tr-dun"),
    pytest.param("13 Mart'ta Çarşamba", THU, [WED, WED], id="tr-date-and-weekday"),
    pytest.param(
        "Le ministre est arrivé hier à Pékin.", D(2025, 6, 26), [D(2025, 6, 25)], id="fr-hier"
    ),
    pytest.param(
        "Der Minister ist hier und hat mit uns gesprochen.",
        D(2025, 6, 26),
        [],
        id="de-hier-is-here",
    ),
    pytest.param(
        "Scholz und Macron sind hier in Berlin", D(2024, 11, 16), [], id="de-hier-in-berlin-is-here"
    ),
    pytest.param(
        "The drills began on Tuesday and run until September 7.",
        TUE,
        [TUE],
        id="en-until-is-not-the-day",
    ),
    pytest.param("Саммит продлится до 24 октября.", TUE, [], id="ru-prodlitsya-do"),
    pytest.param("Le sommet durera jusqu'au 24 octobre.", TUE, [], id="fr-jusquau"),
    pytest.param("Il ministro è arrivato ieri", THU, [WED], id="it-ieri"),
    pytest.param("martedì mattina", THU, [D(2024, 3, 12)], id="it-martedi"),
    pytest.param("nesta terça-feira", THU, [D(2024, 3, 12)], id="pt-nesta-terca-feira"),
    pytest.param("O ministro chegou ontem", THU, [WED], id="pt-ontem"),
    pytest.param("em 18 de outubro de 2024", THU, [D(2024, 10, 18)], id="pt-full-date"),
    pytest.param("il 5 giugno", D(2025, 6, 6), [D(2025, 6, 5)], id="it-day-and-month"),
    pytest.param("星期三", THU, [WED], id="zh-weekday"),
    pytest.param("水曜日", THU, [WED], id="ja-weekday"),
    pytest.param("يوم الأربعاء", THU, [WED], id="ar-weekday"),
    pytest.param("5 يونيو", D(2024, 6, 6), [D(2024, 6, 5)], id="ar-day-and-month"),
    pytest.param("6월 5일", D(2024, 6, 6), [D(2024, 6, 5)], id="ko-month-and-day"),
    pytest.param("28日", D(2024, 3, 2), [D(2024, 2, 28)], id="ja-day-of-the-last-month"),
    pytest.param("3日間の訓練", THU, [], id="ja-three-days-long-is-no-day"),
    pytest.param("у середу", THU, [WED], id="uk-u-seredu"),
    pytest.param("20 лютого", THU, [D(2024, 2, 20)], id="uk-day-and-month"),
    pytest.param("روز چهارشنبه", THU, [WED], id="fa-weekday"),
    pytest.param("вчора", THU, [WED], id="uk-vchora"),
    pytest.param("수요일", THU, [WED], id="ko-weekday"),
    pytest.param("عقدت اليوم", THU, [THU], id="ar-today"),
    pytest.param("Prezydent powiedział dzisiaj", THU, [THU], id="pl-dzisiaj"),
    pytest.param(
        "It was Merz's first visit to Ukraine since taking office on Tuesday.",
        THU,
        [],
        id="en-since",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), DAY_CASES)
def test_days_resolve_against_the_publication_day(
    text: str, published: date, expected: list[date]
) -> None:
    assert resolve_dates(text, published) == expected


def test_a_declined_city_name() -> None:
    assert place_name("Тегеране") == "Tehran"


def test_cities_are_stored_under_the_press_spelling() -> None:
    # GeoNames writes "Xi’an", the press "Xi'an" and "Saint Petersburg" in full.
    assert [place_name(s) for s in ("Xi’an", "西安", "Сиане", "St Petersburg", "Brasilia")] == [
        "Xi'an", "Xi'an", "Xi'an", "Saint Petersburg", "Brasília"
    ]  # fmt: skip


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
