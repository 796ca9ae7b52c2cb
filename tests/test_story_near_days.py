"""Reports dating one event a day apart share a story in the store as in the benchmark
(analysis/stories.py, DAY_TOLERANCE): the candidates query finds the story by its actors, and
the story's event keys come from its event rows."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from newsarchive.store.structure import _Article, assign_article

#: (published at, title, text): the wire on Tuesday, a morning paper dating the visit Wednesday,
#: and Meloni's visit to the same host on Wednesday.
REPORTS = (
    (
        datetime(2024, 5, 14, 11, tzinfo=UTC),
        "Blinken arrives in Kyiv for talks on support",
        "KYIV - U.S. Secretary of State Antony Blinken arrived in Kyiv on Tuesday for talks with "
        "President Volodymyr Zelensky and Foreign Minister Dmytro Kuleba.",
    ),
    (
        datetime(2024, 5, 15, 5, tzinfo=UTC),
        "Blinken meets Zelensky in Kyiv",
        "Antony Blinken arrived in Kyiv on Wednesday and met President Volodymyr Zelensky.",
    ),
    (
        datetime(2024, 5, 15, 9, tzinfo=UTC),
        "Meloni in Kyiv",
        "Italian Prime Minister Giorgia Meloni arrived in Kyiv on Wednesday and met President "
        "Volodymyr Zelensky.",
    ),
)


def test_a_visit_dated_a_day_later_joins_its_story_and_another_visitors_does_not(
    engine: Engine,
) -> None:
    with Session(engine) as session, session.begin():
        outlet = session.execute(
            text(
                "INSERT INTO outlets (slug, name, language, kind) "
                "VALUES ('w', 'W', 'en', 'newspaper') RETURNING id"
            )
        ).scalar_one()
        stories = []
        for n, (at, title, body) in enumerate(REPORTS, start=1):
            session.execute(
                text(
                    "INSERT INTO articles (id, outlet_id, url, original_url, final_url, title, "
                    "text, word_count, content_hash, simhash, extractor_version, published_at) "
                    "OVERRIDING SYSTEM VALUE VALUES (:n, :outlet, :url, :url, :url, :title, "
                    ":text, 20, md5(:url), :n, 'test', :at)"
                ),
                {
                    "n": n,
                    "outlet": outlet,
                    "url": f"https://w.example/{n}",
                    "title": title,
                    "text": body,
                    "at": at,
                },
            )
            stories.append(assign_article(session, _Article(n, outlet, title, body, at, None)))
        days = session.execute(
            text("SELECT occurred_on::text FROM events ORDER BY occurred_on, id")
        ).scalars()
        assert list(days) == ["2024-05-14", "2024-05-15"]
    blinken, next_day, meloni = stories
    assert next_day == blinken
    assert meloni != blinken
