"""the simhash band indexes carry the article's time, so duplicate linking reads only the
duplicate window's articles of a band

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 02:00:00

Duplicate linking (store/duplicates.py) looks for an earlier copy of each new article among the
articles sharing one of its four 16-bit simhash bands and published within the 14 days before
it. Indexed on the band alone, each probe fetched every article of that band over the whole
archive (about 15 per band at a million articles, 65,536 band values) from the heap to test its
time: ~60 heap reads per new article, growing with the archive. With the time,
coalesce(published_at, first_seen_at), as the index's second key, a probe reads only the band's
articles of the window. Rebuilding the four indexes reads the table once each and blocks writes
meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of the time duplicate linking compares (a migration must not follow the code).
ARTICLE_TIME = "coalesce(published_at, first_seen_at)"
BANDS = range(4)


def upgrade() -> None:
    for band in BANDS:
        name = f"ix_articles_simhash_band{band}"
        op.drop_index(name, table_name="articles")
        op.create_index(name, "articles", [f"simhash_band{band}", sa.text(ARTICLE_TIME)])
        comment = (
            f"Articles by simhash band {band} and time (published, else first seen): a "
            "near-duplicate lookup reads the articles of one band in the duplicate window"
        )
        op.execute(f"COMMENT ON INDEX {name} IS '{comment}'")  # no quote inside


def downgrade() -> None:
    for band in BANDS:
        name = f"ix_articles_simhash_band{band}"
        op.drop_index(name, table_name="articles")
        op.create_index(name, "articles", [f"simhash_band{band}"])
