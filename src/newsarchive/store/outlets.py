"""The registry's outlets mirrored into `outlets`, and their ids looked up once per writer.

Every other table names its outlet by id; the crawl knows outlets by slug. `sync_outlets` makes
the rows exist before a run writes anything, and `OutletIds` keeps the slug -> id lookups a
writer has already made so a batch does not ask again for each row.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from newsarchive.registry import Outlet as RegistryOutlet
from newsarchive.store.models import Outlet

#: The registry fields an outlet row mirrors (and a re-sync refreshes).
MIRRORED_FIELDS = (
    "name",
    "country",
    "language",
    "kind",
    "homepage",
    "domains",
    "feeds",
    "timezone",
)


def sync_outlets(engine: Engine, outlets: Iterable[RegistryOutlet]) -> dict[str, int]:
    """Mirror registry entries into `outlets` (insert or update by slug); return slug -> id."""
    rows = [
        {
            "slug": o.slug,
            **{name: _listed(getattr(o, name)) for name in MIRRORED_FIELDS},
            "sitemaps": list(o.sitemaps) + list(o.archive_sitemaps),
        }
        for o in outlets
    ]
    if not rows:
        return {}
    values = insert(Outlet).values(rows)
    stmt = values.on_conflict_do_update(
        index_elements=[Outlet.slug],
        set_={name: values.excluded[name] for name in (*MIRRORED_FIELDS, "sitemaps")}
        | {"updated_at": func.now()},
    ).returning(Outlet.slug, Outlet.id)
    with Session(engine) as session, session.begin():
        return {slug: id_ for slug, id_ in session.execute(stmt)}


def _listed(value: object) -> object:
    """Tuples (the registry's frozen sequences) as lists, the ARRAY columns' Python type."""
    return list(value) if isinstance(value, tuple) else value


class OutletIds:
    """Slug -> outlet id, asked of the database once per slug for the writer's lifetime."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def get(self, session: Session, slug: str) -> int:
        if slug not in self._ids:
            found = session.scalar(select(Outlet.id).where(Outlet.slug == slug))
            if found is None:
                raise KeyError(f"outlet {slug!r} is not in the database; sync the registry first")
            self._ids[slug] = found
        return self._ids[slug]
