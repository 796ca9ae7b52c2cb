"""Linking copies of one story (syndicated, re-published, lightly edited) to its earliest copy.

An article's `duplicate_of` names the earliest article with the same content hash or a simhash
within MAX_SIMHASH_DISTANCE bits, published within DUPLICATE_WINDOW; the original keeps NULL.
Run inside the batch transaction that stored the new articles, so a batch is linked whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

#: Near-duplicate threshold: simhashes of copies of one text differ in a few bits (a changed
#: headline, a credit line); different write-ups of one event differ in dozens.
MAX_SIMHASH_DISTANCE = 3
#: Copies of a story appear within days of each other; the window keeps lookups small.
DUPLICATE_WINDOW = "14 days"

_LINK_TO_EARLIER = text(
    f"""
    WITH candidates AS (
        SELECT n.id AS copy_id, (
            SELECT o.id FROM articles o
            WHERE o.id <> n.id AND o.duplicate_of IS NULL
              AND (o.content_hash = n.content_hash
                   OR ((o.simhash_band0 = n.simhash_band0 OR o.simhash_band1 = n.simhash_band1
                        OR o.simhash_band2 = n.simhash_band2 OR o.simhash_band3 = n.simhash_band3)
                       AND bit_count((o.simhash # n.simhash)::bit(64)) <= :distance))
              AND coalesce(o.published_at, o.first_seen_at)
                  BETWEEN coalesce(n.published_at, n.first_seen_at) - interval '{DUPLICATE_WINDOW}'
                      AND coalesce(n.published_at, n.first_seen_at)
              AND (coalesce(o.published_at, o.first_seen_at), o.id)
                  < (coalesce(n.published_at, n.first_seen_at), n.id)
            ORDER BY coalesce(o.published_at, o.first_seen_at), o.id
            LIMIT 1
        ) AS original_id
        FROM articles n WHERE n.id = ANY(:ids)
    )
    UPDATE articles a SET duplicate_of = c.original_id
    FROM candidates c WHERE a.id = c.copy_id AND c.original_id IS NOT NULL
    """
)

_ADOPT_LATER = text(
    f"""
    WITH originals AS (
        SELECT id, content_hash, simhash, simhash_band0, simhash_band1, simhash_band2,
               simhash_band3, coalesce(published_at, first_seen_at) AS at
        FROM articles WHERE id = ANY(:ids) AND duplicate_of IS NULL
    ), later AS (
        -- A subquery per original, not a join: only there are the original's values constants
        -- to the planner, which then bounds each band's index probe by the window too (an OR
        -- of join conditions is matched to an index on the band alone).
        SELECT DISTINCT ON (c.copy_id) c.copy_id, n.id AS original_id
        FROM originals n CROSS JOIN LATERAL unnest(ARRAY(
            SELECT o.id FROM articles o
            WHERE o.id <> n.id
              AND (o.content_hash = n.content_hash
                   OR ((o.simhash_band0 = n.simhash_band0 OR o.simhash_band1 = n.simhash_band1
                        OR o.simhash_band2 = n.simhash_band2 OR o.simhash_band3 = n.simhash_band3)
                       AND bit_count((o.simhash # n.simhash)::bit(64)) <= :distance))
              AND coalesce(o.published_at, o.first_seen_at)
                  BETWEEN n.at AND n.at + interval '{DUPLICATE_WINDOW}'
              AND (coalesce(o.published_at, o.first_seen_at), o.id) > (n.at, n.id)
        )) AS c(copy_id)
        ORDER BY c.copy_id, n.at, n.id
    )
    UPDATE articles a SET duplicate_of = l.original_id
    FROM later l
    WHERE (a.id = l.copy_id OR a.duplicate_of = l.copy_id) AND a.id <> l.original_id
    """
)


def link_duplicates(session: Session, new_ids: Sequence[int]) -> None:
    """Point new copies at the earliest copy of their story, by equal content hash or simhash
    within MAX_SIMHASH_DISTANCE bits; a new article older than known copies becomes theirs.

    The four indexed 16-bit simhash bands make this an index lookup: two hashes within 3 bits
    agree on at least one band. Each band's index carries the article's time after the band
    (migration 0016), so a probe reads that band's articles of the window only, not those of
    the whole archive (about 60 heap reads per new article at a million articles).
    """
    params = {"ids": list(new_ids), "distance": MAX_SIMHASH_DISTANCE}
    session.execute(_LINK_TO_EARLIER, params)
    session.execute(_ADOPT_LATER, params)
