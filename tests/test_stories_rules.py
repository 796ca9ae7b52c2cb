"""Story rules that carry to new text: events somewhere unknown are told apart by who took part
(analysis/stories.py, `event_keys`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from newsarchive.analysis.stories import Clusterer, Features, event_keys, similarity

AT = datetime(2025, 6, 24, 20, tzinfo=UTC)


def test_an_event_with_a_country_is_keyed_on_it_and_one_without_on_each_party() -> None:
    assert event_keys("visit", "2025-06-24", "IR", ["Wei Fenghe", "Ebrahim Raisi"]) == {
        ("visit", "2025-06-24", "IR")
    }
    assert event_keys("call", "2025-04-04", None, ["Vladimir Putin", "Masoud Pezeshkian"]) == {
        ("call", "2025-04-04", "@Vladimir Putin"),
        ("call", "2025-04-04", "@Masoud Pezeshkian"),
    }


def test_two_summits_of_one_day_somewhere_unknown_are_two_stories() -> None:
    def summit(body: str) -> Features:
        keys = event_keys("summit", "2025-06-24", None, [body])
        return Features(AT, actors=frozenset({body}), events=keys)

    clusterer = Clusterer()
    nato = clusterer.add(1, summit("North Atlantic Treaty Organization"))
    assert clusterer.add(2, summit("African Union")) != nato
    assert clusterer.add(3, summit("North Atlantic Treaty Organization")) == nato


def test_a_call_reported_in_either_order_is_one_story_and_drills_of_others_are_not() -> None:
    def event(kind: str, parties: list[str]) -> Features:
        return Features(AT, events=event_keys(kind, "2024-07-13", None, parties))

    clusterer = Clusterer()
    first = clusterer.add(1, event("call", ["Vladimir Putin", "Masoud Pezeshkian"]))
    assert clusterer.add(2, event("call", ["Masoud Pezeshkian", "Vladimir Putin"])) == first
    drills = clusterer.add(3, event("exercise", ["Russia", "China"]))
    assert clusterer.add(4, event("exercise", ["United States", "Philippines"])) != drills
    assert clusterer.add(5, event("exercise", ["China", "Russia"])) == drills


def test_two_calls_of_one_leader_on_one_day_are_two_stories() -> None:
    def call(parties: list[str]) -> Features:
        return Features(AT, events=event_keys("call", "2022-02-12", None, parties))

    clusterer = Clusterer()
    macron = clusterer.add(1, call(["Emmanuel Macron", "Vladimir Putin"]))
    biden = clusterer.add(2, call(["Joe Biden", "Vladimir Putin"]))
    assert biden != macron
    assert clusterer.add(3, call(["Vladimir Putin", "Joe Biden"])) == biden
    assert len(clusterer.stories) == 2


def test_a_report_naming_only_the_parties_joins_the_one_that_knows_the_country() -> None:
    located = Features(
        AT,
        actors=frozenset({"Xi Jinping", "Vladimir Putin"}),
        events=event_keys("visit", "2023-03-20", "RU", ["Xi Jinping", "Vladimir Putin"]),
    )
    unlocated = Features(
        AT,
        actors=frozenset({"Xi Jinping"}),
        events=event_keys("visit", "2023-03-20", None, ["Xi Jinping"]),
    )
    other_visitor = Features(
        AT,
        actors=frozenset({"Narendra Modi"}),
        events=event_keys("visit", "2023-03-20", None, ["Narendra Modi"]),
    )
    clusterer = Clusterer()
    story = clusterer.add(1, located)
    assert clusterer.add(2, unlocated) == story
    assert clusterer.add(3, other_visitor) != story


def test_the_same_people_in_the_same_city_on_other_business_are_another_story() -> None:
    summit = Features(
        AT,
        actors=frozenset({"BRICS", "Narendra Modi", "Xi Jinping", "Vladimir Putin"}),
        places=frozenset({"Kazan"}),
        events=event_keys("summit", "2024-10-22", "RU", ["BRICS"]),
    )
    talks = Features(
        AT,
        actors=frozenset({"Narendra Modi", "Xi Jinping"}),
        places=frozenset({"Kazan"}),
        events=event_keys("meeting", "2024-10-23", "RU", ["Narendra Modi", "Xi Jinping"]),
    )
    assert similarity(talks, summit) == 0.275  # 0.35 / 2 for the actors, 0.1 for Kazan
    # Told with no event, the same two people of the summit's story: half the event's weight too.
    assert similarity(replace(talks, events=frozenset()), summit) == 0.675


def test_reports_of_one_kind_day_and_country_naming_different_people_need_more() -> None:
    germany = Features(
        AT,
        actors=frozenset({"Olaf Scholz"}),
        events=event_keys("arms_transfer", "2023-01-25", "UA", ["Ukraine", "Germany"]),
    )
    america = Features(
        AT,
        actors=frozenset({"Joe Biden"}),
        events=event_keys("arms_transfer", "2023-01-25", "UA", ["Ukraine", "United States"]),
    )
    assert similarity(america, germany) == 0.225  # half the event's weight, nothing else
    # A brief naming no one and nowhere agrees with both, but does not bridge them.
    brief = Features(AT, events=event_keys("arms_transfer", "2023-01-25", "UA", ["Ukraine"]))
    clusterer = Clusterer()
    first = clusterer.add(1, germany)
    second = clusterer.add(2, america)
    assert second != first
    assert clusterer.add(3, brief) in (first, second)
    assert len(clusterer.stories) == 2


def test_a_report_telling_no_event_joins_the_story_of_two_of_its_people() -> None:
    visit = Features(
        AT,
        actors=frozenset({"Joe Biden", "Volodymyr Zelensky", "Jake Sullivan"}),
        places=frozenset({"Kyiv"}),
        events=event_keys("visit", "2023-02-20", "UA", ["Joe Biden", "Volodymyr Zelensky"]),
    )
    # A readout whose prose the rules read no event in, naming Biden and Zelensky.
    readout = Features(AT, actors=frozenset({"Joe Biden", "Volodymyr Zelensky"}))
    assert similarity(readout, visit) == 0.575  # half the event's weight, all the actors
    # One person in common is not enough: Zelensky receives a visitor every week.
    other = Features(AT, actors=frozenset({"Giorgia Meloni", "Volodymyr Zelensky"}))
    assert similarity(other, visit) == 0.175
    # Nor is a story told by no event joined by a report of the visit: an opinion piece on the
    # same people the morning of the visit stays a story of its own.
    assert similarity(visit, readout) == 0.35
    clusterer = Clusterer()
    opinion = clusterer.add(1, readout)
    assert clusterer.add(2, visit) != opinion


def test_a_visit_and_its_talks_told_as_a_meeting_are_one_story() -> None:
    visit = Features(
        AT,
        actors=frozenset({"David Lammy", "Wang Yi", "Ding Xuexiang"}),
        events=event_keys("visit", "2024-10-18", "CN", ["David Lammy", "Wang Yi"]),
    )
    talks = Features(
        AT,
        actors=frozenset({"David Lammy", "Wang Yi"}),
        events=event_keys("meeting", "2024-10-18", "CN", ["David Lammy", "Wang Yi"]),
    )
    assert similarity(talks, visit) == 0.8  # the event and all the actors
    # Talks of one person of the visit, or on another day, are other business.
    alone = replace(talks, actors=frozenset({"Wang Yi", "Sergei Lavrov"}))
    assert similarity(alone, visit) == 0.0875  # half of half the actors
    later = replace(talks, events=event_keys("meeting", "2024-10-19", "CN", []))
    assert similarity(later, visit) == 0.175


def test_two_reports_telling_no_event_join_on_two_people() -> None:
    wire = Features(AT, actors=frozenset({"Marco Rubio", "Sergei Lavrov", "Mike Waltz"}))
    paper = Features(AT, actors=frozenset({"Marco Rubio", "Sergei Lavrov", "Donald Trump"}))
    assert similarity(paper, wire) == 0.458333  # half the event's weight, two of three actors
    clusterer = Clusterer()
    assert clusterer.add(1, wire) == clusterer.add(2, paper)
    # One person in common is not enough.
    other = Features(AT, actors=frozenset({"Marco Rubio", "Wang Yi"}))
    assert clusterer.add(3, other) != clusterer.add(4, wire)


def test_an_article_naming_the_people_of_two_events_does_not_merge_their_stories() -> None:
    people = frozenset({"Narendra Modi", "Vladimir Putin", "Xi Jinping"})
    summit = Features(
        AT,
        actors=people | {"Shanghai Cooperation Organisation"},
        places=frozenset({"Tianjin"}),
        events=event_keys("summit", "2025-08-31", "CN", []),
    )
    talks = Features(
        AT,
        actors=people,
        events=event_keys("meeting", "2025-09-01", None, ["Narendra Modi", "Vladimir Putin"]),
    )
    # A wire telling neither event in a form the rules read, naming the same people.
    wire = Features(AT, actors=people)
    clusterer = Clusterer()
    first = clusterer.add(1, summit)
    second = clusterer.add(2, talks)
    assert second != first
    assert clusterer.add(3, wire) in (first, second)
    assert len(clusterer.stories) == 2
    # A story that tells no event (a piece of the morning, before the summit's reports) is
    # still bridged: nothing in it says it is another event.
    clusterer = Clusterer()
    quiet = clusterer.add(1, Features(AT, actors=frozenset({"Narendra Modi", "Xi Jinping"})))
    assert clusterer.add(2, summit) != quiet
    clusterer.add(3, wire)
    assert len(clusterer.stories) == 1


def test_a_report_joins_a_story_telling_no_event_when_they_share_four_people() -> None:
    leaders = {"Abdel Fattah al-Sisi", "Donald Trump", "Recep Tayyip Erdogan"}
    # An Arabic wire on the Sharm el-Sheikh summit whose prose the rules read no event in.
    untold = Features(AT, actors=frozenset(leaders | {"Tamim bin Hamad Al Thani", "António Costa"}))
    report = Features(
        AT,
        actors=frozenset(leaders | {"Tamim bin Hamad Al Thani", "Hamas", "Giorgia Meloni"}),
        events=event_keys("summit", "2025-10-13", "EG", []),
    )
    assert similarity(report, untold) == 0.505  # half the event's weight, four of five actors
    clusterer = Clusterer()
    assert clusterer.add(1, untold) == clusterer.add(2, report)
    # Three in common is what an opinion piece on the same people has too.
    opinion = Features(AT, actors=frozenset(leaders))
    assert similarity(report, opinion) == 0.35


def test_talks_keyed_on_their_two_people_join_the_visit_they_were_for() -> None:
    visit = Features(
        AT,
        actors=frozenset({"Fumio Kishida", "Yoon Suk Yeol"}),
        events=event_keys("visit", "2023-05-07", "KR", ["Fumio Kishida"]),
    )
    # A Korean report telling the leaders' talks, the country not read.
    talks = Features(
        AT,
        actors=frozenset({"Fumio Kishida", "Yoon Suk Yeol"}),
        events=event_keys("meeting", "2023-05-07", None, ["Fumio Kishida", "Yoon Suk Yeol"]),
    )
    assert similarity(talks, visit) == 0.8  # the event and both people
    # Talks with someone the visit's report does not name are other business.
    other = replace(
        talks, events=event_keys("meeting", "2023-05-07", None, ["Fumio Kishida", "Xi Jinping"])
    )
    assert similarity(other, visit) == 0.175


def _report(day: str, country: str | None, actors: list[str], kind: str = "visit") -> Features:
    return Features(
        AT,
        actors=frozenset(actors),
        events=event_keys(kind, day, country, actors),
    )


def test_a_visit_dated_the_next_day_by_a_report_naming_only_its_people_is_one_story() -> None:
    # "Blinken in Kyiv" on Tuesday; the Ukrainian morning paper dates it Wednesday.
    wire = _report("2024-05-14", "UA", ["Antony Blinken", "Dmytro Kuleba", "Volodymyr Zelensky"])
    morning = _report("2024-05-15", "UA", ["Antony Blinken", "Volodymyr Zelensky"])
    assert similarity(morning, wire) == 0.8
    clusterer = Clusterer()
    story = clusterer.add(1, wire)
    assert clusterer.add(2, morning) == story
    # Two days apart is another event.
    assert similarity(_report("2024-05-16", "UA", ["Antony Blinken"]), wire) == 0.175


def test_visits_a_day_apart_by_people_the_other_report_does_not_name_are_two_stories() -> None:
    # Biden in Kyiv on Monday, Meloni on Tuesday: both received by Zelensky.
    biden = _report("2023-02-20", "UA", ["Jake Sullivan", "Joe Biden", "Volodymyr Zelensky"])
    meloni = _report("2023-02-21", "UA", ["Giorgia Meloni", "Volodymyr Zelensky"])
    assert similarity(meloni, biden) == 0.0875
    clusterer = Clusterer()
    story = clusterer.add(1, biden)
    assert clusterer.add(2, meloni) != story


def test_a_call_told_after_midnight_is_one_story_and_a_visit_the_next_day_no_meeting() -> None:
    evening = _report("2022-02-24", None, ["Narendra Modi", "Vladimir Putin"], "call")
    morning = _report("2022-02-25", None, ["Narendra Modi", "Vladimir Putin"], "call")
    assert similarity(morning, evening) == 0.8
    # Trump's visit to Gyeongju and his talks with Xi in Busan the next day: the same country
    # and people, but a visit and a meeting are one event only when dated alike.
    visit = _report("2025-10-29", "KR", ["Donald Trump", "Xi Jinping"])
    talks = _report("2025-10-30", "KR", ["Donald Trump", "Xi Jinping"], "meeting")
    assert similarity(talks, visit) == 0.175


def test_a_visit_and_the_summit_it_was_for_are_one_story_and_talks_at_a_summit_are_not() -> None:
    # The Chinese readout of Li Qiang at the BRICS summit in Rio is read as his visit.
    summit = _report(
        "2025-07-06",
        "BR",
        ["BRICS", "Li Qiang", "Luiz Inacio Lula da Silva", "Vladimir Putin", "Xi Jinping"],
        "summit",
    )
    visit = _report("2025-07-06", "BR", ["BRICS", "Li Qiang", "Luiz Inacio Lula da Silva"])
    assert similarity(visit, summit) == 0.8
    # Modi and Xi's talks at the BRICS summit in Kazan are another story than the summit.
    kazan = _report("2024-10-23", "RU", ["BRICS", "Narendra Modi", "Xi Jinping"], "summit")
    talks = _report("2024-10-23", "RU", ["BRICS", "Narendra Modi", "Xi Jinping"], "meeting")
    assert similarity(talks, kazan) == 0.175


def test_reports_naming_an_agreements_signatories_by_state_or_by_minister_are_one_story() -> None:
    # "Sweden and the United States signed a defence cooperation agreement" (an English paper),
    # "Pål Jonson och Lloyd Austin undertecknade avtalet" (a Swedish one), "signed in
    # Washington" (a brief that knows the country).
    states = event_keys("agreement", "2023-12-05", None, ["Sweden", "United States"], ["SE", "US"])
    ministers = event_keys(
        "agreement", "2023-12-05", None, ["Pal Jonson", "Lloyd Austin"], ["SE", "US"]
    )
    assert ministers == {
        ("agreement", "2023-12-05", "@Pal Jonson"),
        ("agreement", "2023-12-05", "@Lloyd Austin"),
        ("agreement", "2023-12-05", "#SE"),
        ("agreement", "2023-12-05", "#US"),
    }
    english = Features(AT, events=states)
    swedish = Features(AT, actors=frozenset({"Pal Jonson", "Lloyd Austin"}), events=ministers)
    washington = Features(AT, events=event_keys("agreement", "2023-12-05", "US", []))
    assert similarity(english, swedish) == 0.45
    assert similarity(english, washington) == 0.45
    # One state in common is not one event: Putin's calls with Macron and with Biden.
    macron = Features(
        AT, events=event_keys("call", "2022-02-12", None, ["Emmanuel Macron"], ["FR", "RU"])
    )
    biden = Features(AT, events=event_keys("call", "2022-02-12", None, ["Joe Biden"], ["US", "RU"]))
    assert similarity(macron, biden) == 0.0


def _told(
    published: str, actors: set[str], *events: tuple[str, str, str | None, list[str]]
) -> Features:
    """An article's features: its actors and its events as (kind, day, country, parties)."""
    keys = frozenset().union(
        *(event_keys(kind, day, country, parties) for kind, day, country, parties in events)
    )
    return Features(datetime.fromisoformat(published), actors=frozenset(actors), events=keys)


def test_a_meeting_placed_in_two_countries_is_one_story_on_two_people_in_common() -> None:
    # The Biden-Xi meeting in Nusa Dua, which a Vietnamese paper's "Hanoi" placed in Vietnam.
    wire = _told(
        "2022-11-14T13:10+00:00",
        {"Joe Biden", "Xi Jinping", "Antony Blinken", "Group of Twenty"},
        ("meeting", "2022-11-14", "ID", ["Joe Biden", "Xi Jinping"]),
    )
    paper = _told(
        "2022-11-15T01:00+00:00",
        {"Joe Biden", "Xi Jinping", "Group of Twenty"},
        ("meeting", "2022-11-14", "VN", ["Joe Biden", "Xi Jinping"]),
    )
    assert similarity(paper, wire) == 0.8
    # Talks at a summit and the summit are two stories though they share the people (Kazan).
    summit = _told(
        "2024-10-23T12:00+00:00",
        {"Narendra Modi", "Xi Jinping", "BRICS"},
        ("summit", "2024-10-23", "RU", ["BRICS"]),
    )
    talks = _told(
        "2024-10-23T15:00+00:00",
        {"Narendra Modi", "Xi Jinping"},
        ("meeting", "2024-10-23", "IN", ["Narendra Modi", "Xi Jinping"]),
    )
    assert similarity(talks, summit) == 0.175


def test_two_agreements_of_one_day_in_two_countries_stay_two_stories() -> None:
    # Zelensky signed a security agreement in Berlin, then one in Paris, on 16 February 2024.
    people = {"Volodymyr Zelensky", "Olaf Scholz", "Emmanuel Macron"}
    berlin = _told("2024-02-16T13:20+00:00", people, ("agreement", "2024-02-16", "DE", []))
    paris = _told("2024-02-17T05:30+00:00", people, ("agreement", "2024-02-16", "FR", []))
    assert similarity(paris, berlin) == 0.175


def test_a_visit_two_reports_place_apart_is_one_story_on_three_people_not_two() -> None:
    # Macron, Scholz and Draghi's train to Kyiv, placed in France by the French reports.
    wire = _told(
        "2022-06-16T08:45+00:00",
        {"Emmanuel Macron", "Olaf Scholz", "Mario Draghi", "Volodymyr Zelensky"},
        ("visit", "2022-06-16", "UA", ["Emmanuel Macron"]),
    )
    paper = replace(
        wire,
        published_at=datetime.fromisoformat("2022-06-16T17:50+00:00"),
        events=event_keys("visit", "2022-06-16", "FR", ["Emmanuel Macron"]),
    )
    assert similarity(paper, wire) == 0.8
    # Biden in Bethlehem with Abbas, then in Jeddah: the visitor and one more in common.
    bethlehem = _told(
        "2022-07-15T10:00+00:00",
        {"Joe Biden", "Mahmoud Abbas"},
        ("visit", "2022-07-15", "PS", ["Joe Biden"]),
    )
    jeddah = _told(
        "2022-07-15T19:30+00:00",
        {"Joe Biden", "Mahmoud Abbas", "Mohammed bin Salman"},
        ("visit", "2022-07-15", "SA", ["Joe Biden"]),
    )
    assert similarity(jeddah, bethlehem) == 0.175


def test_an_article_telling_no_event_joins_on_two_people_only_within_two_days() -> None:
    visit = _told(
        "2025-05-10T18:00+00:00",
        {"Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Donald Tusk"},
        ("visit", "2025-05-10", "UA", ["Emmanuel Macron"]),
    )
    reaction = _told("2025-05-11T09:00+00:00", {"Emmanuel Macron", "Friedrich Merz"})
    column = replace(reaction, published_at=datetime.fromisoformat("2025-05-14T07:00+00:00"))
    assert similarity(reaction, visit) == 0.575
    assert similarity(column, visit) == 0.35


def test_a_story_telling_no_event_is_joined_by_a_report_keying_an_event_on_its_people() -> None:
    # A Hebrew report of Biden's call with Netanyahu the rules read no event in, then the wire.
    untold = _told("2024-04-04T21:00+00:00", {"Joe Biden", "Benjamin Netanyahu"})
    call = _told(
        "2024-04-05T06:00+00:00",
        {"Joe Biden", "Benjamin Netanyahu", "Antony Blinken", "Jake Sullivan", "Kamala Harris"},
        ("call", "2024-04-04", None, ["Joe Biden", "Benjamin Netanyahu"]),
    )
    assert similarity(call, untold) == 0.575
    # A visit keyed on its country does not join an opinion piece on the same two people.
    visit = _told(
        "2024-04-05T06:00+00:00",
        {"Joe Biden", "Benjamin Netanyahu", "Antony Blinken"},
        ("visit", "2024-04-04", "IL", ["Joe Biden"]),
    )
    assert similarity(visit, untold) == 0.35


def test_a_summit_in_one_city_told_by_reports_naming_different_people_is_one_story() -> None:
    # The Arab League summit in Baghdad: the host's agency and a guest's paper.
    host = replace(
        _told(
            "2025-05-18T05:00+00:00",
            {"Mohammed Shia al-Sudani", "Antonio Guterres"},
            ("summit", "2025-05-17", "IQ", []),
        ),
        places=frozenset({"Baghdad"}),
    )
    guest = replace(
        host,
        actors=frozenset({"Pedro Sanchez"}),
        published_at=datetime.fromisoformat("2025-05-17T18:00+00:00"),
    )
    assert similarity(host, guest) == 0.55
    # Tanks for Ukraine announced by Scholz and by Biden on one day (no place): two stories.
    scholz = _told(
        "2023-01-25T12:00+00:00", {"Olaf Scholz"}, ("arms_transfer", "2023-01-25", "UA", [])
    )
    biden = _told(
        "2023-01-25T18:00+00:00", {"Joe Biden"}, ("arms_transfer", "2023-01-25", "UA", [])
    )
    assert similarity(biden, scholz) == 0.225


def test_a_visit_one_report_tells_as_talks_somewhere_else_is_one_story_on_two_people() -> None:
    # Nehammer in Moscow; the German paper's talks are placed in Kyiv, where he had been before.
    people = {"Karl Nehammer", "Vladimir Putin"}
    visit = _told("2022-04-11T17:30+00:00", people, ("visit", "2022-04-11", "RU", []))
    talks = _told("2022-04-12T04:30+00:00", people, ("meeting", "2022-04-11", "UA", []))
    assert similarity(talks, visit) == 0.8


def test_a_video_call_told_as_talks_by_one_report_is_one_story_with_the_call() -> None:
    # "Переговоры с Председателем КНР Си Цзиньпином" and "Xi and Putin hold video call".
    talks = _told(
        "2025-01-21T12:30+00:00",
        {"Vladimir Putin", "Xi Jinping"},
        ("meeting", "2025-01-21", None, ["Vladimir Putin", "Xi Jinping"]),
    )
    call = _told(
        "2025-01-22T06:00+00:00",
        {"Vladimir Putin", "Xi Jinping", "Donald Trump"},
        ("call", "2025-01-21", None, ["Xi Jinping", "Vladimir Putin"]),
    )
    assert similarity(call, talks) == 0.8
    # Putin's talks with Xi and a call of his with Macron that day: one party in common.
    macron = _told(
        "2025-01-21T18:00+00:00",
        {"Vladimir Putin", "Emmanuel Macron"},
        ("call", "2025-01-21", None, ["Vladimir Putin", "Emmanuel Macron"]),
    )
    assert similarity(macron, talks) == 0.0875


def test_a_leaders_arrival_and_the_summit_a_day_later_naming_four_leaders_are_one_story() -> None:
    # Putin's arrival in Brasília, and the BRICS summit a Brazilian paper dates its second day.
    leaders = {"Vladimir Putin", "Xi Jinping", "Narendra Modi", "Jair Bolsonaro", "BRICS"}
    arrival = _told("2019-11-13T19:00+00:00", leaders, ("visit", "2019-11-13", "BR", []))
    summit = _told(
        "2019-11-14T22:00+00:00",
        leaders | {"Cyril Ramaphosa"},
        ("summit", "2019-11-14", None, ["BRICS", "Brazil"]),
    )
    assert similarity(summit, arrival) == 0.35  # all five in common, not halved
    # Two people in common (talks at a summit): the actors count half.
    talks = _told(
        "2019-11-14T12:00+00:00",
        {"Narendra Modi", "Xi Jinping"},
        ("meeting", "2019-11-14", "BR", []),
    )
    assert similarity(talks, arrival) == 0.175
