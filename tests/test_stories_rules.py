"""Story rules that carry to new text: events somewhere unknown are told apart by who took part
(analysis/stories.py, `event_keys`)."""

from __future__ import annotations

from datetime import UTC, datetime

from newsarchive.analysis.stories import Clusterer, Features, event_keys

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
