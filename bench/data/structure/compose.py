"""Compose the labelled structure set (articles.jsonl) from the event list and write-ups below.

The set is our own writing: thirty news events of the kind the archive collects (ministerial
visits, talks on the sidelines, phone calls, arms deliveries, sanctions), each written up the
way different outlets do it: a wire report on the day ("on Wednesday"), the host ministry's
readout (explicit date, titles in full), a regional paper the next day ("yesterday", the
visitor's name spelt its own way), a French, German or Spanish paper, and a short brief or a
later analysis. Distractors share topic, people and day without being the same event: opinion
pieces with no event, and two different events involving the same countries on the same day.

Each line of articles.jsonl is one article with its labels: `story` (gold story key), `events`
(kind, visitor, country, place, day of each event it reports) and `actors` (the people and
bodies it names). Run `python bench/data/structure/compose.py` to rewrite the file after editing
the events or write-ups; bench/structure.py reads it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("articles.jsonl")

EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DE_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")  # fmt: skip
DE_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember")  # fmt: skip
ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip


@dataclass(frozen=True)
class Person:
    name: str
    title: str  # as an English paper writes it before the name
    adj: str  # "Chinese"
    country: str  # ISO code
    variant: str | None = None  # another spelling some outlets use
    fr: str = ""  # French title ("le ministre chinois de la Défense")
    de: str = ""
    es: str = ""

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[0] if self.country in ("CN", "KR") and len(words) == 2 else words[-1]


@dataclass(frozen=True)
class Visit:
    key: str
    visitor: Person
    hosts: tuple[Person, ...]
    city: str
    city_fr: str
    city_de: str
    city_es: str
    country: str  # ISO
    country_name: str
    day: date
    topic: str  # "military cooperation"
    detail: str  # one sentence of substance, in English
    lang: str = "fr"  # the foreign-language write-up
    extra: tuple[str, ...] = field(default_factory=tuple)  # more English background sentences


def P(name: str, title: str, adj: str, cc: str, variant: str | None = None, fr: str = "",
      de: str = "", es: str = "") -> Person:  # fmt: skip
    return Person(name, title, adj, cc, variant, fr, de, es)


WEI = P("Wei Fenghe", "Defence Minister", "Chinese", "CN", "Wei Fenhe",
        "le ministre chinois de la Défense", "der chinesische Verteidigungsminister",
        "el ministro chino de Defensa")  # fmt: skip
RAISI = P("Ebrahim Raisi", "President", "Iranian", "IR", "Ibrahim Raisi",
          "le président iranien", "der iranische Präsident", "el presidente iraní")  # fmt: skip
ASHTIANI = P("Mohammad Reza Ashtiani", "Defence Minister", "Iranian", "IR",
             "Mohammad Reza Ashtinai", "le ministre iranien de la Défense",
             "der iranische Verteidigungsminister", "el ministro iraní de Defensa")  # fmt: skip
BAGHERI = P("Mohammad Bagheri", "Major General", "Iranian", "IR", "Mohammad Baqeri",
            "le chef d'état-major iranien", "der iranische Generalstabschef",
            "el jefe del Estado Mayor iraní")  # fmt: skip
NASIRZADEH = P("Aziz Nasirzadeh", "Defence Minister", "Iranian", "IR", "Aziz Nassirzadeh",
               "le ministre iranien de la Défense", "der iranische Verteidigungsminister",
               "el ministro iraní de Defensa")  # fmt: skip
DONG = P("Dong Jun", "Defence Minister", "Chinese", "CN", None,
         "le ministre chinois de la Défense", "der chinesische Verteidigungsminister",
         "el ministro chino de Defensa")  # fmt: skip
SHOIGU = P("Sergei Shoigu", "Defence Minister", "Russian", "RU", "Sergey Shoigu",
           "le ministre russe de la Défense", "der russische Verteidigungsminister",
           "el ministro ruso de Defensa")  # fmt: skip
BELOUSOV = P("Andrei Belousov", "Defence Minister", "Russian", "RU", "Andrey Belousov",
             "le ministre russe de la Défense", "der russische Verteidigungsminister",
             "el ministro ruso de Defensa")  # fmt: skip
AUSTIN = P("Lloyd Austin", "Defense Secretary", "U.S.", "US", "Lloyd J. Austin",
           "le secrétaire américain à la Défense", "der US-Verteidigungsminister",
           "el secretario de Defensa estadounidense")  # fmt: skip
RAJNATH = P("Rajnath Singh", "Defence Minister", "Indian", "IN", None,
            "le ministre indien de la Défense", "der indische Verteidigungsminister",
            "el ministro indio de Defensa")  # fmt: skip
BLINKEN = P("Antony Blinken", "Secretary of State", "U.S.", "US", "Anthony Blinken",
            "le secrétaire d'État américain", "der US-Außenminister",
            "el secretario de Estado estadounidense")  # fmt: skip
WANGYI = P("Wang Yi", "Foreign Minister", "Chinese", "CN", None,
           "le chef de la diplomatie chinoise", "der chinesische Außenminister",
           "el canciller chino")  # fmt: skip
XI = P("Xi Jinping", "President", "Chinese", "CN", None, "le président chinois",
       "der chinesische Präsident", "el presidente chino")  # fmt: skip
KHALID = P("Khalid bin Salman", "Defence Minister", "Saudi", "SA", "Khalid bin Salman Al Saud",
           "le ministre saoudien de la Défense", "der saudische Verteidigungsminister",
           "el ministro saudí de Defensa")  # fmt: skip
KHAMENEI = P("Ali Khamenei", "Supreme Leader", "Iranian", "IR", "Ayatollah Ali Khamenei",
             "le guide suprême iranien", "der iranische Oberste Führer",
             "el líder supremo iraní")  # fmt: skip
RUTTE = P("Mark Rutte", "Secretary General", "NATO", "", None,
          "le secrétaire général de l'OTAN", "NATO-Generalsekretär",
          "el secretario general de la OTAN")  # fmt: skip
ZELENSKY = P("Volodymyr Zelensky", "President", "Ukrainian", "UA", "Volodymyr Zelenskyy",
             "le président ukrainien", "der ukrainische Präsident",
             "el presidente ucraniano")  # fmt: skip
HEALEY = P("John Healey", "Defence Secretary", "British", "GB", None,
           "le ministre britannique de la Défense", "der britische Verteidigungsminister",
           "el ministro británico de Defensa")  # fmt: skip
PISTORIUS = P("Boris Pistorius", "Defence Minister", "German", "DE", None,
              "le ministre allemand de la Défense", "der Bundesverteidigungsminister",
              "el ministro alemán de Defensa")  # fmt: skip
LISHANGFU = P("Li Shangfu", "Defence Minister", "Chinese", "CN", None,
              "le ministre chinois de la Défense", "der chinesische Verteidigungsminister",
              "el ministro chino de Defensa")  # fmt: skip
PUTIN = P("Vladimir Putin", "President", "Russian", "RU", None, "le président russe",
          "der russische Präsident", "el presidente ruso")  # fmt: skip
LECORNU = P("Sebastien Lecornu", "Armed Forces Minister", "French", "FR", "Sébastien Lecornu",
            "le ministre français des Armées", "der französische Armeeminister",
            "el ministro francés de las Fuerzas Armadas")  # fmt: skip
UMEROV = P("Rustem Umerov", "Defence Minister", "Ukrainian", "UA", None,
           "le ministre ukrainien de la Défense", "der ukrainische Verteidigungsminister",
           "el ministro ucraniano de Defensa")  # fmt: skip
ARAGHCHI = P("Abbas Araghchi", "Foreign Minister", "Iranian", "IR", "Abbas Araqchi",
             "le chef de la diplomatie iranienne", "der iranische Außenminister",
             "el canciller iraní")  # fmt: skip
FIDAN = P("Hakan Fidan", "Foreign Minister", "Turkish", "TR", None,
          "le ministre turc des Affaires étrangères", "der türkische Außenminister",
          "el canciller turco")  # fmt: skip
LAVROV = P("Sergei Lavrov", "Foreign Minister", "Russian", "RU", "Sergey Lavrov",
           "le chef de la diplomatie russe", "der russische Außenminister",
           "el canciller ruso")  # fmt: skip
GULER = P("Yasar Guler", "Defence Minister", "Turkish", "TR", "Yaşar Güler",
          "le ministre turc de la Défense", "der türkische Verteidigungsminister",
          "el ministro turco de Defensa")  # fmt: skip
KHAWAJA = P("Khawaja Asif", "Defence Minister", "Pakistani", "PK", "Khawaja Muhammad Asif",
            "le ministre pakistanais de la Défense", "der pakistanische Verteidigungsminister",
            "el ministro paquistaní de Defensa")  # fmt: skip
SJAFRIE = P("Sjafrie Sjamsoeddin", "Defence Minister", "Indonesian", "ID", None,
            "le ministre indonésien de la Défense", "der indonesische Verteidigungsminister",
            "el ministro indonesio de Defensa")  # fmt: skip
MUCIO = P("Jose Mucio", "Defence Minister", "Brazilian", "BR", "José Múcio",
          "le ministre brésilien de la Défense", "der brasilianische Verteidigungsminister",
          "el ministro brasileño de Defensa")  # fmt: skip
STARMER = P("Keir Starmer", "Prime Minister", "British", "GB", None,
            "le Premier ministre britannique", "der britische Premierminister",
            "el primer ministro británico")  # fmt: skip
MODI = P("Narendra Modi", "Prime Minister", "Indian", "IN", None, "le Premier ministre indien",
         "der indische Premierminister", "el primer ministro indio")  # fmt: skip
ERDOGAN = P("Recep Tayyip Erdogan", "President", "Turkish", "TR", "Recep Tayyip Erdoğan",
            "le président turc", "der türkische Präsident", "el presidente turco")  # fmt: skip
MUNIR = P("Asim Munir", "General", "Pakistani", "PK", None, "le chef de l'armée pakistanaise",
          "der pakistanische Armeechef", "el jefe del ejército paquistaní")  # fmt: skip
GALLANT = P("Yoav Gallant", "Defence Minister", "Israeli", "IL", None,
            "le ministre israélien de la Défense", "der israelische Verteidigungsminister",
            "el ministro israelí de Defensa")  # fmt: skip

VISITS = (
    Visit(
        "wei-tehran-2022",
        WEI,
        (RAISI, ASHTIANI, BAGHERI),
        "Tehran",
        "Téhéran",
        "Teheran",
        "Teherán",
        "IR",
        "Iran",
        date(2022, 4, 27),
        "military cooperation",
        "The two sides discussed joint exercises, training and the situation in Afghanistan.",
        "fr",
    ),
    Visit(
        "nasirzadeh-qingdao-2025",
        NASIRZADEH,
        (DONG,),
        "Qingdao",
        "Qingdao",
        "Qingdao",
        "Qingdao",
        "CN",
        "China",
        date(2025, 6, 25),
        "defence ties",
        "The talks came on the sidelines of a meeting of defence ministers of the Shanghai "
        "Cooperation Organization.",
        "de",
    ),
    Visit(
        "shoigu-pyongyang-2023",
        SHOIGU,
        (),
        "Pyongyang",
        "Pyongyang",
        "Pjöngjang",
        "Pyongyang",
        "KP",
        "North Korea",
        date(2023, 7, 26),
        "military ties",
        "He was shown a display of ballistic missiles and attended a parade marking the end "
        "of the Korean War.",
        "es",
    ),
    Visit(
        "austin-delhi-2023",
        AUSTIN,
        (RAJNATH,),
        "New Delhi",
        "New Delhi",
        "Neu-Delhi",
        "Nueva Delhi",
        "IN",
        "India",
        date(2023, 6, 5),
        "defence industrial cooperation",
        "The two ministers agreed a road map for co-producing jet engines and armoured vehicles.",
        "fr",
    ),
    Visit(
        "blinken-beijing-2023",
        BLINKEN,
        (WANGYI, XI),
        "Beijing",
        "Pékin",
        "Peking",
        "Pekín",
        "CN",
        "China",
        date(2023, 6, 18),
        "stabilising relations",
        "Both sides agreed to keep channels of communication open but made no breakthrough "
        "on military contacts.",
        "de",
    ),
    Visit(
        "khalid-tehran-2025",
        KHALID,
        (KHAMENEI, BAGHERI),
        "Tehran",
        "Téhéran",
        "Teheran",
        "Teherán",
        "IR",
        "Iran",
        date(2025, 4, 17),
        "regional security",
        "He delivered a letter from King Salman and discussed the nuclear talks with the "
        "United States.",
        "es",
    ),
    Visit(
        "rutte-kyiv-2024",
        RUTTE,
        (ZELENSKY,),
        "Kyiv",
        "Kiev",
        "Kiew",
        "Kiev",
        "UA",
        "Ukraine",
        date(2024, 10, 3),
        "support for Ukraine",
        "It was his first trip since taking office at the alliance two days earlier.",
        "fr",
    ),
    Visit(
        "healey-berlin-2024",
        HEALEY,
        (PISTORIUS,),
        "Berlin",
        "Berlin",
        "Berlin",
        "Berlín",
        "DE",
        "Germany",
        date(2024, 7, 24),
        "European defence",
        "The two ministers signed a declaration on long-range strike weapons and drones.",
        "de",
    ),
    Visit(
        "belousov-pyongyang-2024",
        BELOUSOV,
        (),
        "Pyongyang",
        "Pyongyang",
        "Pjöngjang",
        "Pyongyang",
        "KP",
        "North Korea",
        date(2024, 11, 29),
        "strategic partnership",
        "The visit follows reports that North Korean troops have been sent to fight for Russia.",
        "fr",
    ),
    Visit(
        "li-moscow-2023",
        LISHANGFU,
        (SHOIGU, PUTIN),
        "Moscow",
        "Moscou",
        "Moskau",
        "Moscú",
        "RU",
        "Russia",
        date(2023, 4, 16),
        "military cooperation",
        "Putin said military ties between the two countries were developing steadily.",
        "es",
    ),
    Visit(
        "lecornu-delhi-2023",
        LECORNU,
        (RAJNATH,),
        "New Delhi",
        "New Delhi",
        "Neu-Delhi",
        "Nueva Delhi",
        "IN",
        "India",
        date(2023, 7, 28),
        "the Rafale Marine programme",
        "They reviewed the purchase of naval fighter jets and the joint production of "
        "helicopter engines.",
        "fr",
    ),
    Visit(
        "umerov-washington-2023",
        UMEROV,
        (AUSTIN,),
        "Washington",
        "Washington",
        "Washington",
        "Washington",
        "US",
        "the United States",
        date(2023, 12, 7),
        "air defence",
        "He asked for more air defence systems ahead of the winter.",
        "de",
    ),
    Visit(
        "fidan-moscow-2024",
        FIDAN,
        (LAVROV, PUTIN),
        "Moscow",
        "Moscou",
        "Moskau",
        "Moscú",
        "RU",
        "Russia",
        date(2024, 6, 11),
        "the war in Ukraine and grain exports",
        "The talks also covered the situation in Syria and the South Caucasus.",
        "es",
    ),
    Visit(
        "guler-islamabad-2024",
        GULER,
        (KHAWAJA, MUNIR),
        "Islamabad",
        "Islamabad",
        "Islamabad",
        "Islamabad",
        "PK",
        "Pakistan",
        date(2024, 3, 19),
        "defence industry",
        "Pakistan is a buyer of Turkish corvettes and drones.",
        "fr",
    ),
    Visit(
        "sjafrie-paris-2025",
        SJAFRIE,
        (LECORNU,),
        "Paris",
        "Paris",
        "Paris",
        "París",
        "FR",
        "France",
        date(2025, 2, 12),
        "the Rafale contract and submarines",
        "Indonesia is waiting for the first of 42 Rafale fighters it ordered in 2022.",
        "de",
    ),
    Visit(
        "mucio-beijing-2024",
        MUCIO,
        (DONG,),
        "Beijing",
        "Pékin",
        "Peking",
        "Pekín",
        "CN",
        "China",
        date(2024, 9, 10),
        "defence cooperation",
        "The two sides discussed training exchanges and satellite cooperation.",
        "es",
    ),
    Visit(
        "araghchi-cairo-2024",
        ARAGHCHI,
        (),
        "Cairo",
        "Le Caire",
        "Kairo",
        "El Cairo",
        "EG",
        "Egypt",
        date(2024, 12, 23),
        "the war in Gaza and Lebanon",
        "It was the first visit by an Iranian foreign minister to Egypt in more than a decade.",
        "fr",
    ),
    Visit(
        "starmer-delhi-2025",
        STARMER,
        (MODI,),
        "Mumbai",
        "Bombay",
        "Mumbai",
        "Bombay",
        "IN",
        "India",
        date(2025, 10, 8),
        "trade and defence",
        "The visit followed the signing of a free trade agreement between the two countries.",
        "de",
    ),
    Visit(
        "gallant-washington-2024",
        GALLANT,
        (AUSTIN,),
        "Washington",
        "Washington",
        "Washington",
        "Washington",
        "US",
        "the United States",
        date(2024, 6, 25),
        "the war in Gaza",
        "He pressed for faster deliveries of munitions.",
        "es",
    ),
    Visit(
        "erdogan-cairo-2024",
        ERDOGAN,
        (),
        "Cairo",
        "Le Caire",
        "Kairo",
        "El Cairo",
        "EG",
        "Egypt",
        date(2024, 2, 14),
        "normalisation of ties",
        "It was his first visit to Egypt in more than a decade.",
        "fr",
    ),
)


def _long(day: date) -> str:
    return f"{EN_MONTHS[day.month - 1]} {day.day}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _who(p: Person) -> str:
    """'Defence Minister Wei Fenghe' as a wire writes a host."""
    return f"{p.title} {p.name}"


def _hosts_en(v: Visit) -> str:
    if not v.hosts:
        return f"according to the {v.country_name.removeprefix('the ')} state news agency"
    names = [_who(h) for h in v.hosts[:2]]
    return "meeting " + " and ".join(names)


def _names(*people: Person) -> list[str]:
    return list(dict.fromkeys(p.name for p in people))


@dataclass
class Article:
    id: str
    outlet: str
    source: str  # wire | readout | regional | foreign | analysis | brief | opinion
    language: str
    published_at: str
    title: str
    text: str
    story: str
    events: list[dict[str, str | None]]
    actors: list[str]


def _at(day: date, hour: int) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


def _visit_label(v: Visit) -> dict[str, str | None]:
    return {
        "kind": "visit",
        "visitor": v.visitor.name,
        "country": v.country,
        "place": v.city,
        "day": v.day.isoformat(),
    }


def visit_articles(v: Visit, n: int) -> list[Article]:
    """Five write-ups of one visit."""
    V, d = v.visitor, v.day
    wd = d.weekday()
    adj_title = f"{V.adj} {V.title.lower()}" if V.adj != "NATO" else "NATO chief"
    label = [_visit_label(v)]
    hosts = list(v.hosts)
    out: list[Article] = []
    lede_city = v.city.upper()
    out.append(
        Article(
            f"{v.key}-wire",
            "Meridian Wire",
            "wire",
            "en",
            _at(d, 15),
            f"{_cap(adj_title)} in {v.city} for talks on {v.topic}",
            f"{lede_city} (Meridian Wire) - {V.adj} {V.title} {V.name} arrived in {v.city} on "
            f"{EN_DAYS[wd]} for talks on {v.topic}, {_hosts_en(v)}.\n"
            f"{v.detail}\n"
            f'{V.surname} told reporters the visit would open "a new chapter" between the two '
            f"countries. Officials did not say how long he would stay.",
            v.key,
            label,
            _names(V, *hosts[:2]),
        )
    )
    if hosts:
        h = hosts[0]
        readout_title = f"{h.title} {h.name} receives {V.adj} {V.title}"
        readout = (
            f"On {d.day} {EN_MONTHS[d.month - 1]} {d.year}, {h.title} {h.name} received "
            f"{V.title} {V.name}, who is on an official visit to {v.country_name}.\n"
            f"The two sides held talks in {v.city} on {v.topic} and on regional and "
            f"international issues of common interest.\n"
            f"{h.surname} said the two countries shared a commitment to peace and stability "
            f"and welcomed the growing exchanges between their armed forces. {V.surname} "
            f"conveyed the greetings of his government."
        )
        people = _names(V, h)
    else:
        readout_title = f"{v.country_name.removeprefix('the ').title()} welcomes {V.adj} delegation"
        readout = (
            f"A delegation led by {V.title} {V.name} arrived in {v.city} on "
            f"{d.day} {EN_MONTHS[d.month - 1]} {d.year} for an official visit.\n"
            f"The guests were received at the airport with military honours and later held "
            f"talks on {v.topic}.\n{v.detail}"
        )
        people = _names(V)
    out.append(
        Article(
            f"{v.key}-readout",
            "Ministry press office",
            "readout",
            "en",
            _at(d, 19),
            readout_title,
            readout,
            v.key,
            label,
            people,
        )
    )
    spelt = V.variant or V.name
    host_line = (
        f" He held talks with {hosts[0].name}"
        + (f" and with {hosts[1].title.lower()} {hosts[1].name}" if len(hosts) > 1 else "")
        + "."
        if hosts
        else ""
    )
    out.append(
        Article(
            f"{v.key}-regional",
            "Gulf Courier" if n % 2 else "Deccan Chronicle",
            "regional",
            "en",
            _at(d + timedelta(days=1), 7),
            f"{spelt} wraps up {v.city} trip with pledges on {v.topic}",
            f"The {adj_title}, {spelt}, wrapped up his visit to {v.city} yesterday after two "
            f"days of meetings.{host_line}\n"
            f"Observers in the region said the trip showed how quickly ties on {v.topic} were "
            f"growing. {v.detail}\n" + " ".join(v.extra),
            v.key,
            label,
            _names(V, *hosts[:2]),
        )
    )
    out.append(_foreign(v, label))
    if n % 2 == 0:
        later = d + timedelta(days=2)
        out.append(
            Article(
                f"{v.key}-analysis",
                "Strategy Digest",
                "analysis",
                "en",
                _at(later, 10),
                f"What {V.surname}'s {v.city} visit tells us about {v.topic}",
                f"When {V.name} landed in {v.city} on {_long(d)}, few expected the visit to "
                f"produce more than photographs.\n"
                f"Yet the {adj_title} came away with commitments on {v.topic}. {v.detail}\n"
                f"The question now is whether the promises made in {v.city} will be kept.",
                v.key,
                label,
                _names(V),
            )
        )
    else:
        out.append(
            Article(
                f"{v.key}-brief",
                "Asia Desk",
                "brief",
                "en",
                _at(d, 21),
                f"In brief: {V.surname} in {v.city}",
                f"{V.adj} {V.title.lower()} {V.name} visited {v.city} on {EN_DAYS[wd]} for "
                f"talks on {v.topic}. More to follow.",
                v.key,
                label,
                _names(V),
            )
        )
    return out


def _foreign(v: Visit, label: list[dict[str, str | None]]) -> Article:
    V, d, wd = v.visitor, v.day, v.day.weekday()
    published = _at(d + timedelta(days=1), 9)
    hosts = list(v.hosts)
    if v.lang == "fr":
        met = f", où il a rencontré {hosts[0].fr} {hosts[0].name}" if hosts else ""
        return Article(
            f"{v.key}-fr",
            "Le Courrier diplomatique",
            "foreign",
            "fr",
            published,
            f"{_cap(V.fr)} {V.name} en visite à {v.city_fr}",
            f"{_cap(V.fr)}, {V.name}, s'est rendu {FR_DAYS[wd]} à {v.city_fr}{met}.\n"
            f"Les deux parties ont évoqué la coopération militaire et la sécurité régionale, "
            f"selon un communiqué publié le {d.day} {FR_MONTHS[d.month - 1]}.\n"
            f"Cette visite intervient dans un contexte de fortes tensions régionales.",
            v.key,
            label,
            _names(V, *hosts[:1]),
        )
    if v.lang == "de":
        met = f" Dort traf er {hosts[0].de} {hosts[0].name}." if hosts else ""
        return Article(
            f"{v.key}-de",
            "Nordkurier Außenpolitik",
            "foreign",
            "de",
            published,
            f"{V.name} zu Gesprächen in {v.city_de}",
            f"{_cap(V.de)} {V.name} ist am {DE_DAYS[wd]} zu einem Besuch in {v.city_de} "
            f"eingetroffen.{met}\n"
            f"Bei den Gesprächen am {d.day}. {DE_MONTHS[d.month - 1]} ging es nach "
            f"Angaben beider Seiten um die militärische Zusammenarbeit.\n"
            f"Beobachter werten die Reise als Zeichen engerer Beziehungen.",
            v.key,
            label,
            _names(V, *hosts[:1]),
        )
    met = f", donde se reunió con {hosts[0].es} {hosts[0].name}" if hosts else ""
    return Article(
        f"{v.key}-es",
        "Diario de la Defensa",
        "foreign",
        "es",
        published,
        f"{_cap(V.es)} {V.name} visita {v.city_es}",
        f"{_cap(V.es)}, {V.name}, llegó el {ES_DAYS[wd]} a {v.city_es}{met}.\n"
        f"Ambas partes abordaron la cooperación militar, según un comunicado difundido el "
        f"{d.day} de {ES_MONTHS[d.month - 1]}.\n"
        f"La visita se produce en un momento de tensión en la región.",
        v.key,
        label,
        _names(V, *hosts[:1]),
    )


def _label(kind: str, country: str | None, place: str | None, day: date,
           visitor: str | None = None) -> list[dict[str, str | None]]:  # fmt: skip
    return [{"kind": kind, "visitor": visitor, "country": country, "place": place,
             "day": day.isoformat()}]  # fmt: skip


#: Write-ups of the events that are not visits: (story key, kind, country, place, day,
#: rows). A row is (suffix, outlet, days after the event, hour UTC, title, text, actors);
#: the suffix is wire, readout, regional or brief (English) or a foreign paper's language.
Row = tuple[str, str, int, int, str, str, list[str]]
OTHER_EVENTS: tuple[tuple[str, str, str | None, str | None, date, tuple[Row, ...]], ...] = (
    ("austin-dong-singapore-2024", "meeting", "SG", "Singapore", date(2024, 5, 31), (
        ("wire", "Meridian Wire", 0, 12,
            "Austin and Dong hold first face-to-face talks in 18 months",
            "SINGAPORE (Meridian Wire) - U.S. Defense Secretary Lloyd Austin met Chinese "
            "Defence Minister Dong Jun in Singapore on Friday, the first in-person talks "
            "between the two countries' defence chiefs in 18 months.\n"
            "The meeting on the sidelines of the Shangri-La Dialogue lasted more than an "
            "hour, officials said. Taiwan and the South China Sea dominated the agenda.",
            ["Lloyd Austin", "Dong Jun"]),
        ("readout", "Pentagon press office", 0, 14,
            "Readout of Secretary of Defense Lloyd J. Austin III's meeting with PRC "
            "Minister of National Defense Dong Jun",
            "Secretary of Defense Lloyd J. Austin III met with People's Republic of China "
            "Minister of National Defense Admiral Dong Jun on May 31, 2024, in Singapore.\n"
            "The Secretary discussed U.S.-PRC defense relations and regional security "
            "issues, and underscored the importance of open lines of military communication.",
            ["Lloyd Austin", "Dong Jun"]),
        ("regional", "Straits Observer", 1, 6,
            "US, Chinese defence chiefs talk on Shangri-La sidelines",
            "The defence chiefs of the United States and China held talks at the "
            "Shangri-La Hotel in Singapore yesterday, as both sides sought to stop "
            "rivalry from spilling into conflict.\n"
            "Lloyd Austin and Dong Jun spoke for 75 minutes, according to a Chinese "
            "spokesman.",
            ["Lloyd Austin", "Dong Jun"]),
        ("de", "Nordkurier Außenpolitik", 0, 18,
            "Austin und Dong Jun sprechen in Singapur",
            "US-Verteidigungsminister Lloyd Austin hat am Freitag in Singapur den "
            "chinesischen Verteidigungsminister Dong Jun getroffen.\n"
            "Es war das erste persönliche Treffen der beiden seit anderthalb Jahren.",
            ["Lloyd Austin", "Dong Jun"]),
        ("brief", "Asia Desk", 0, 20,
            "In brief: Austin meets Dong",
            "Lloyd Austin held talks with Dong Jun in Singapore on Friday. Both men are "
            "due to speak at the conference over the weekend.",
            ["Lloyd Austin", "Dong Jun"]),
    )),
    ("lavrov-wang-vientiane-2024", "meeting", "LA", "Vientiane", date(2024, 7, 25), (
        ("wire", "Meridian Wire", 0, 11,
            "Lavrov and Wang Yi meet in Laos, discuss Ukraine",
            "VIENTIANE (Meridian Wire) - Russian Foreign Minister Sergei Lavrov met Chinese "
            "Foreign Minister Wang Yi in Vientiane on Thursday on the sidelines of a "
            "meeting of the Association of Southeast Asian Nations.\n"
            "They discussed a possible settlement of the conflict in Ukraine, the Russian "
            "foreign ministry said.",
            ["Sergei Lavrov", "Wang Yi", "Association of Southeast Asian Nations"]),
        ("readout", "Foreign ministry", 0, 13,
            "Wang Yi meets with Russian Foreign Minister Sergey Lavrov",
            "On July 25, 2024, Foreign Minister Wang Yi met with Russian Foreign Minister "
            "Sergey Lavrov in Vientiane.\n"
            "Wang Yi said China and Russia should strengthen strategic coordination and "
            "jointly oppose hegemonism.",
            ["Sergei Lavrov", "Wang Yi"]),
        ("regional", "Mekong Times", 1, 8,
            "Big powers' envoys crowd Vientiane talks",
            "Sergei Lavrov and Wang Yi held talks yesterday in Vientiane, where ASEAN "
            "foreign ministers gathered this week.\n"
            "Laos, this year's chair, hosted more than twenty delegations.",
            ["Sergei Lavrov", "Wang Yi", "Association of Southeast Asian Nations"]),
        ("fr", "Le Courrier diplomatique", 1, 9,
            "À Vientiane, Lavrov et Wang Yi affichent leur entente",
            "Le chef de la diplomatie russe, Sergueï Lavrov, a rencontré jeudi à Vientiane "
            "son homologue chinois Wang Yi.\n"
            "Les deux ministres ont évoqué la guerre en Ukraine.",
            ["Sergei Lavrov", "Wang Yi"]),
        ("brief", "Asia Desk", 0, 20,
            "In brief: Lavrov meets Wang",
            "Lavrov and Wang Yi met in Vientiane on Thursday.",
            ["Sergei Lavrov", "Wang Yi"]),
    )),
    ("araghchi-wang-call-2025", "call", None, None, date(2025, 6, 25), (
        ("wire", "Meridian Wire", 0, 16,
            "Iran's Araghchi briefs Wang Yi by phone on ceasefire",
            "DUBAI (Meridian Wire) - Iranian Foreign Minister Abbas Araghchi spoke by "
            "telephone with Chinese Foreign Minister Wang Yi on Wednesday about the "
            "ceasefire with Israel, Iranian state media said.\n"
            "Wang Yi said China supported Iran in safeguarding its sovereignty.",
            ["Abbas Araghchi", "Wang Yi"]),
        ("readout", "Foreign ministry", 0, 18,
            "Wang Yi holds phone talks with Iranian Foreign Minister Abbas Araghchi",
            "On June 25, 2025, Foreign Minister Wang Yi held a phone call with Iranian "
            "Foreign Minister Abbas Araghchi at the latter's request.\n"
            "Araghchi briefed Wang Yi on the latest situation.",
            ["Abbas Araghchi", "Wang Yi"]),
        ("regional", "Gulf Courier", 1, 7,
            "Tehran reaches out to Beijing after truce",
            "Abbas Araqchi held a phone call with Wang Yi yesterday, a day after the "
            "ceasefire took hold.\nTehran has sought diplomatic backing from Beijing.",
            ["Abbas Araghchi", "Wang Yi"]),
        ("es", "Diario de la Defensa", 1, 9,
            "Araghchi y Wang Yi conversan por teléfono",
            "El canciller iraní, Abbas Araghchi, mantuvo el miércoles una conversación "
            "telefónica con el canciller chino, Wang Yi.\n"
            "Ambos hablaron del alto el fuego.",
            ["Abbas Araghchi", "Wang Yi"]),
    )),
    ("starmer-zelensky-call-2024", "call", None, None, date(2024, 10, 3), (
        ("wire", "Meridian Wire", 0, 17,
            "Starmer and Zelensky discuss winter support in phone call",
            "LONDON (Meridian Wire) - British Prime Minister Keir Starmer spoke by phone "
            "with Ukrainian President Volodymyr Zelensky on Thursday about support for "
            "Ukraine's energy grid ahead of winter, Downing Street said.",
            ["Keir Starmer", "Volodymyr Zelensky"]),
        ("readout", "Downing Street", 0, 18,
            "PM call with President Zelenskyy: 3 October 2024",
            "The Prime Minister spoke to President Zelenskyy this afternoon.\n"
            "Keir Starmer reiterated that the United Kingdom's support for Ukraine was "
            "unwavering. The call took place on 3 October.",
            ["Keir Starmer", "Volodymyr Zelensky"]),
        ("regional", "Kyiv Evening", 1, 8,
            "Zelensky, Starmer talk air defence",
            "Volodymyr Zelenskyy had a phone call with Keir Starmer yesterday and asked "
            "for more air defence.",
            ["Keir Starmer", "Volodymyr Zelensky"]),
        ("fr", "Le Courrier diplomatique", 1, 9,
            "Entretien téléphonique entre Starmer et Zelensky",
            "Le Premier ministre britannique Keir Starmer s'est entretenu jeudi par "
            "téléphone avec le président ukrainien Volodymyr Zelensky.",
            ["Keir Starmer", "Volodymyr Zelensky"]),
    )),
    ("k2-poland-2022", "arms_transfer", "PL", None, date(2022, 12, 6), (
        ("wire", "Meridian Wire", 0, 13,
            "First South Korean tanks arrive in Poland",
            "WARSAW (Meridian Wire) - Poland received its first K2 tanks and K9 howitzers "
            "from South Korea on Tuesday, months after signing one of Europe's largest arms "
            "deals in years.\nThe equipment arrived by ship in the port of Gdynia.",
            []),
        ("readout", "Ministry of National Defence", 0, 15,
            "First K2 and K9 delivered",
            "On 6 December 2022 the first 10 K2 tanks and 24 K9 self-propelled howitzers "
            "were delivered to Poland by South Korea's Hyundai Rotem and Hanwha.\n"
            "They will serve with units in the east of the country.",
            []),
        ("regional", "Baltic Herald", 1, 7,
            "Gdynia welcomes Korean armour",
            "Crowds watched in Gdynia yesterday as Poland took delivery of the first "
            "South Korean K2 tanks.\nMore batches are due next year.",
            []),
        ("de", "Nordkurier Außenpolitik", 1, 9,
            "Polen erhält erste Panzer aus Südkorea",
            "Polen hat am Dienstag die ersten K2-Kampfpanzer aus Südkorea erhalten.\n"
            "Die Fahrzeuge kamen per Schiff in Gdingen an.",
            []),
        ("brief", "Defence Brief", 0, 20,
            "In brief: K2 deliveries begin",
            "South Korea delivered the first K2 tanks to Poland on Tuesday.",
            []),
    )),
    ("s400-turkey-2019", "arms_transfer", "TR", None, date(2019, 7, 12), (
        ("wire", "Meridian Wire", 0, 12,
            "Turkey takes delivery of Russian S-400 parts despite U.S. warnings",
            "ANKARA (Meridian Wire) - Turkey took delivery of the first parts of the "
            "Russian S-400 air defence system on Friday, the defence ministry said, "
            "defying warnings from Washington that it would face sanctions.\n"
            "A Russian cargo plane landed at Murted air base near Ankara.",
            []),
        ("readout", "Ministry of National Defence", 0, 13,
            "Delivery of S-400 components has begun",
            "As of 12 July 2019, delivery of the first group of equipment of the S-400 "
            "long-range air and missile defence system from Russia to Turkey has started "
            "at Murted air base.",
            []),
        ("regional", "Bosphorus Daily", 1, 7,
            "S-400 lands near Ankara",
            "Russia delivered the first S-400 components to Turkey yesterday, ending "
            "months of speculation.\nMore flights are expected in the coming days.",
            []),
        ("fr", "Le Courrier diplomatique", 1, 9,
            "La Turquie reçoit les premiers éléments du S-400 russe",
            "La Turquie a reçu vendredi les premiers éléments du système de défense "
            "antiaérienne russe S-400, malgré les mises en garde de Washington.",
            []),
        ("brief", "Defence Brief", 0, 20,
            "In brief: S-400 delivery",
            "Turkey received S-400 equipment from Russia on Friday.",
            []),
    )),
    ("rafale-egypt-2021", "arms_transfer", "EG", None, date(2021, 5, 4), (
        ("wire", "Meridian Wire", 0, 10,
            "Egypt orders 30 more Rafale jets from France",
            "CAIRO (Meridian Wire) - Egypt has signed a contract to buy 30 Rafale fighter "
            "jets from France, the Egyptian defence ministry said on Tuesday.\n"
            "The deal is worth about 3.75 billion euros, according to a French "
            "investigative website.",
            []),
        ("readout", "Armed Forces Ministry", 0, 12,
            "Egypt chooses the Rafale again",
            "On 4 May 2021 Egypt ordered 30 additional Rafale aircraft from France, "
            "confirming the strategic partnership between the two countries.",
            []),
        ("regional", "Nile Gazette", 1, 7,
            "Cairo expands its Rafale fleet",
            "Egypt yesterday ordered 30 more Rafale jets from France, bringing its fleet "
            "to 54 of the aircraft.",
            []),
        ("es", "Diario de la Defensa", 1, 9,
            "Egipto compra 30 cazas Rafale a Francia",
            "Egipto firmó el martes un contrato para comprar 30 aviones de combate Rafale "
            "a Francia.",
            []),
        ("brief", "Defence Brief", 0, 20,
            "In brief: Egypt's Rafale order",
            "France sold 30 more Rafale jets to Egypt on Tuesday.",
            []),
    )),
    ("us-iran-drones-sanctions-2023", "sanction", "US", None, date(2023, 6, 6), (
        ("wire", "Meridian Wire", 0, 15,
            "US sanctions network supplying Iran's drone programme",
            "WASHINGTON (Meridian Wire) - The United States on Tuesday imposed sanctions on "
            "a network of companies in Iran, China and Hong Kong that it said supplied parts "
            "for Iranian drones used by Russia in Ukraine.\n"
            "The Treasury said the network had worked for the Islamic Revolutionary Guard "
            "Corps.",
            ["Islamic Revolutionary Guard Corps"]),
        ("readout", "Treasury press office", 0, 16,
            "Treasury targets procurement network supporting Iran's UAV program",
            "Today, June 6, 2023, the Department of the Treasury sanctioned seven "
            "individuals and six entities in Iran, China and Hong Kong for their role in "
            "procuring components for Iran's drone program.",
            []),
        ("regional", "Gulf Courier", 1, 7,
            "Washington adds to Iran drone sanctions",
            "Washington yesterday blacklisted more Iranian and Chinese firms over drone "
            "parts.\nTehran called the measures illegal.",
            []),
        ("de", "Nordkurier Außenpolitik", 1, 9,
            "USA verhängen neue Sanktionen gegen Irans Drohnenprogramm",
            "Die USA haben am Dienstag neue Sanktionen gegen ein Netzwerk verhängt, das "
            "Teile für iranische Drohnen geliefert haben soll.",
            []),
        ("brief", "Defence Brief", 0, 20,
            "In brief: new Iran drone sanctions",
            "The U.S. sanctioned Iranian drone suppliers on Tuesday.",
            []),
    )),
    ("eu-belarus-sanctions-2022", "sanction", "EU", None, date(2022, 3, 2), (
        ("wire", "Meridian Wire", 0, 14,
            "EU imposes sanctions on Belarus over role in Ukraine invasion",
            "BRUSSELS (Meridian Wire) - The European Union on Wednesday imposed sanctions on "
            "Belarus for its role in Russia's invasion of Ukraine, targeting timber, steel "
            "and potash exports and 22 senior military officers.",
            ["European Union"]),
        ("readout", "Council of the EU", 0, 15,
            "Belarus: EU imposes restrictive measures on additional 22 individuals",
            "On 2 March 2022 the Council adopted sanctions against 22 Belarusian senior "
            "military personnel and restrictions on trade with Belarus.",
            []),
        ("regional", "Baltic Herald", 1, 7,
            "Minsk hit by new EU measures",
            "The EU yesterday slapped new sanctions on Belarus, whose territory was used "
            "by Russian troops to attack Ukraine.",
            ["European Union"]),
        ("fr", "Le Courrier diplomatique", 1, 9,
            "L'UE sanctionne le Bélarus",
            "L'Union européenne a adopté mercredi des sanctions contre le Bélarus.",
            ["European Union"]),
        ("brief", "Defence Brief", 0, 20,
            "In brief: EU sanctions Belarus",
            "The EU sanctioned Belarus on Wednesday over the war.",
            ["European Union"]),
    )),
)  # fmt: skip


def other_articles() -> list[Article]:
    """The write-ups of OTHER_EVENTS as articles."""
    out: list[Article] = []
    for key, kind, country, place, day, rows in OTHER_EVENTS:
        label = _label(kind, country, place, day)
        for suffix, outlet, later, hour, title, text, actors in rows:
            foreign = suffix in ("fr", "de", "es")
            out.append(Article(
                f"{key}-{suffix}", outlet, "foreign" if foreign else suffix,
                suffix if foreign else "en", _at(day + timedelta(days=later), hour), title,
                text, key, label, list(actors),
            ))  # fmt: skip
    return out


def opinion_articles() -> list[Article]:
    """Distractors: commentary on the same people, topic and day, reporting no event."""
    items = (
        (
            date(2022, 4, 27),
            "Why Tehran keeps courting Beijing",
            "Ebrahim Raisi has made closer ties with China the centre of his foreign policy. "
            "Xi Jinping, for his part, wants stable oil supplies and a partner against Western "
            "pressure.\nThe relationship is lopsided, and both capitals know it.",
            ["Ebrahim Raisi", "Xi Jinping"],
        ),
        (
            date(2024, 10, 3),
            "NATO's new chief inherits an old problem",
            "Mark Rutte takes over an alliance divided on how far to go for Ukraine. Volodymyr "
            "Zelensky has asked for more than allies seem willing to give.\nThe test will come "
            "in the winter.",
            ["Mark Rutte", "Volodymyr Zelensky"],
        ),
        (
            date(2023, 6, 5),
            "India and America: partners, not allies",
            "Narendra Modi's government buys arms from Russia and the West alike. Lloyd Austin "
            "will find that New Delhi guards its autonomy jealously.",
            ["Narendra Modi", "Lloyd Austin"],
        ),
        (
            date(2023, 7, 26),
            "What Moscow wants from Pyongyang",
            "Sergei Shoigu has been looking for artillery shells wherever he can find them. North "
            "Korea has plenty, and few scruples about selling them.",
            ["Sergei Shoigu"],
        ),
        (
            date(2025, 4, 17),
            "The Gulf's quiet hedging",
            "Saudi Arabia's Khalid bin Salman has become the kingdom's main channel to Tehran. "
            "Riyadh wants calm while it builds.",
            ["Khalid bin Salman"],
        ),
        (
            date(2024, 5, 31),
            "Talking is not the same as trusting",
            "Washington and Beijing are talking again. Dong Jun and his counterparts still "
            "disagree on almost everything that matters.",
            ["Dong Jun"],
        ),
        (
            date(2025, 6, 25),
            "The SCO's awkward guest list",
            "The Shanghai Cooperation Organization likes to present itself as a club of equals. "
            "Its defence meetings tell a different story.",
            ["Shanghai Cooperation Organization"],
        ),
    )
    return [
        Article(
            f"opinion-{d.isoformat()}",
            "Strategy Digest",
            "opinion",
            "en",
            _at(d, 8),
            title,
            text,
            f"opinion-{d.isoformat()}",
            [],
            actors,
        )
        for d, title, text, actors in items
    ]


#: Bodies as the write-ups name them: an article naming one of the phrases names the body.
BODIES = {
    "North Atlantic Treaty Organization": ("NATO", "OTAN"),
    "Shanghai Cooperation Organization": ("Shanghai Cooperation Organization", "SCO"),
    "Association of Southeast Asian Nations": ("Association of Southeast Asian Nations", "ASEAN"),
    "Islamic Revolutionary Guard Corps": ("Islamic Revolutionary Guard Corps",),
    "European Union": ("European Union", "EU", "Union européenne"),
}
#: People the write-ups name in passing (details, background), besides visitors and hosts.
PASSING = (P("King Salman", "King", "Saudi", "SA"),)


def _complete(article: Article) -> None:
    """Add the people and bodies a write-up names in passing to its labelled actors."""
    words = set(re.findall(r"[\w'-]+", f"{article.title} {article.text}"))
    body = f"{article.title}\n{article.text}"
    people = [p for p in globals().values() if isinstance(p, Person)] + list(PASSING)
    for person in people:
        named = person.name in body or (person.variant and person.variant in body)
        inside = any(person.surname in other for other in article.actors if other != person.name)
        if not named and person.country not in ("CN", "KR") and not inside:
            named = person not in PASSING and person.surname in words
        if named and person.name not in article.actors:
            article.actors.append(person.name)
    for body_name, phrases in BODIES.items():
        named = any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", body) for p in phrases)
        if named and body_name not in article.actors:
            article.actors.append(body_name)


def compose() -> list[Article]:
    articles: list[Article] = []
    for n, visit in enumerate(VISITS):
        articles += visit_articles(visit, n)
    articles += other_articles()
    articles += opinion_articles()
    for article in articles:
        _complete(article)
    return articles


def main() -> None:
    articles = compose()
    with OUT.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article.__dict__, ensure_ascii=False) + "\n")
    stories = {a.story for a in articles}
    events = sum(len(a.events) for a in articles)
    languages = sorted({a.language for a in articles})
    print(f"{len(articles)} articles, {len(stories)} stories, {events} event mentions, "
          f"languages {languages}, written to {OUT}")  # fmt: skip


if __name__ == "__main__":
    main()
