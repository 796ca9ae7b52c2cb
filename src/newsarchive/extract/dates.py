"""The story's own publication date, with where it was found.

Sources are tried from the most to the least trustworthy: the article's JSON-LD object, the
page's article meta tags, a `<time>` inside the article element, what the feed or sitemap said,
a date in the page's or its canonical URL, a date written under the headline (the byline's
"13 Oct 2020 18:29", "Published 14 March 2019"), and last htmldate's heuristics: its search of
the markup on the whole page, then its search of the text on the page pruned for the body. Dates
of related stories, sidebar widgets and copyright lines are never looked at by the first five;
the byline is read from the headline down to the story's first paragraph, skipping asides,
navigation and teasers of other stories; htmldate is told to prefer original dates.

Storage is UTC. The finding also keeps the date as the page states it: when the markup gives the
instant in UTC but the byline writes the outlet's wall-clock time ("Apr 13, 2020 at 4:38 PM"
beside "2020-04-13T23:38:07Z"), the instant is shown in the offset those two imply, so the
outlet's own calendar day is known without guessing its time zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from htmldate import find_date
from lxml.html import HtmlElement

from newsarchive.extract.page import ARTICLE_TYPES, Page
from newsarchive.extract.record import Evidence
from newsarchive.extract.tree import class_tokens, main_article_element, text_of

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
#: A page may run ahead of our clock by a time zone or two; a day more is a wrong date.
FUTURE_TOLERANCE = timedelta(days=1)
#: The latest date accepted when the caller gives no `now`: a fixed bound, so that extraction
#: never reads the clock and the same page gives the same record on any day.
LATEST_WITHOUT_NOW = datetime(2100, 1, 1, tzinfo=UTC)

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "trackback:dc:date",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "cxenseparse:recs:publishtime",
    "date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
)
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
#: A post's address on Twitter/X and the ID that dates it (`status_id_date`).
_STATUS_URL = re.compile(
    r"https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status(?:es)?/(?P<id>[0-9]{15,20})(?![0-9])",
    re.IGNORECASE,
)
_SNOWFLAKE_EPOCH = datetime(2010, 11, 4, 1, 42, 54, 657000, tzinfo=UTC)
#: A day after the epoch: smaller IDs are the counters of before snowflakes.
_SNOWFLAKE_MIN = (24 * 3600 * 1000) << 22
_MODIFIED_HINTS = ("updat", "modif", "edited", "revised")
_PUBLISHED_HINTS = ("publish", "pubdate", "posted", "created", "date-pub")

# Dates as people write them, in any of the languages below: "13 Oct 2020", "Apr 13, 2020",
# "17 de Febrero 2020", "24 نيسان / أبريل 2020", "30.10.2020", "2020/06/03", "2020年4月13日".
# A month is a word the table names (`month_numbers`); a year is 1900-2099, always four digits.
_WORD = r"[^\W\d_]{3,}\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DAY_FIRST = re.compile(
    r"(?<![\w.])(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?,?\s+(?:(?:de|of|del)\s+)?"
    rf"(?P<month>{_WORD}(?:\s*/\s*{_WORD})?),?\s+(?:(?:de|del)\s+)?{_YEAR}"
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w)(?P<month>{_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+){_YEAR}"
)
_NUMERIC_YMD = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"(?!\d)"
)
_NUMERIC_DMY = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)" + _YEAR
)
_CJK_YMD = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
)
_TEXT_DATES = (_DAY_FIRST, _MONTH_FIRST, _NUMERIC_YMD, _NUMERIC_DMY, _CJK_YMD)
#: A clock time right after a date: "18:29", "at 4:38 PM", "- 12:09:08", "à 21 h 14",
#: "22:11 GMT+10".
_TIME_AFTER = re.compile(
    r"[\s,|·•\-–—]*(?:(?:at|à|a las|um|alle|alle ore|às|saat|kl\.?|klo\.?)\s+)?"
    r"(?P<hour>[0-2]?\d)(?::|\s?h\s?)(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
    r"\s*(?P<half>[ap]\.?\s?m\b\.?|مساءً|مساء|صباحًا|صباحا)?"
    r"(?:\s*(?:GMT|UTC)\s*(?P<offset>[+\-−]\s?\d{1,2}(?::?\d{2})?))?",
    re.IGNORECASE,
)
_PM = ("p", "م")
#: Zone abbreviations that name one offset only (CST, IST, BST, AST name several: not here).
_ZONE_OFFSETS = {
    "utc": 0,
    "gmt": 0,
    "wet": 0,
    "west": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "wib": 420,
    "hkt": 480,
    "sgt": 480,
    "pht": 480,
    "awst": 480,
    "jst": 540,
    "kst": 540,
    "acst": 570,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "hst": -600,
    "akst": -540,
    "akdt": -480,
    "pst": -480,
    "pdt": -420,
    "mst": -420,
    "mdt": -360,
    "cdt": -300,
    "est": -300,
    "edt": -240,
}
_ISO_WITH_ZONE_NAME = re.compile(
    r"^(\d{4}-?\d{2}-?\d{2}T[\d:.]+)((?:[+-]\d{2}:?\d{2}|Z)?)\s*([A-Za-z]{2,5})$"
)
_ZONE_NAME_AFTER = re.compile(r"\s*\(?([A-Za-z]{3,4})\b")
#: A date right after one of these is a revision date, not the publication date.
_TEXT_UPDATE_HINTS = (
    "updat",
    "modif",
    "actualiz",
    "aktualis",
    "mis à jour",
    "mise à jour",
    "güncel",
    "обновл",
    "aggiorn",
    "atualiz",
    "bijgewerkt",
    "تحديث",
)
#: Languages whose month names `month_numbers` knows (dateparser's locale data, which htmldate
#: already depends on). A name that means different months in two of them is left out.
_MONTH_LANGUAGES = (
    *("en", "fr", "de", "es", "it", "pt", "nl", "ca", "ro", "tr", "ru", "uk", "pl", "cs", "sk"),
    *("sl", "hr", "sr", "bg", "hu", "sv", "da", "nb", "fi", "et", "lv", "lt", "el", "id", "ms"),
    *("ar", "fa", "he", "hi", "bn"),
)
_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: How far below the headline a byline date may be: text nodes and characters read. Bylines
#: are short texts; a text longer than `_PROSE_CHARS` is prose: in a paragraph, the story has
#: begun and reading stops (as it does at any text over `_STOP_CHARS`); elsewhere it is a
#: standfirst or a photo caption, whose dates ("FILE PHOTO: ..., January 16, 2020") are skipped.
_BYLINE_NODES = 80
_BYLINE_CHARS = 600
_PROSE_CHARS = 100
_STOP_CHARS = 250
_HEADLINE_MIN_CHARS = 10
_OTHER_STORY_TOKENS = frozenset(
    {"related", "popular", "sidebar", "widget", "comments", "comment", "teaser"}
)
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "select", "option"})
#: A visible clock time and a machine-readable instant name the same moment when they differ by
#: a whole quarter hour (the zone offset) and at most this much besides (seconds not shown).
_SAME_MOMENT = timedelta(minutes=2)
_EARLIEST_OFFSET = timedelta(hours=-12)
_LATEST_OFFSET = timedelta(hours=14)


#: Sources that give a calendar day and never a time of day.
_DAY_SOURCES = frozenset({"url", "htmldate"})


@dataclass(frozen=True)
class DateFinding:
    value: datetime  # as the page states it (its own offset kept; naive when it gives none)
    source: str

    @property
    def utc(self) -> datetime:
        return to_utc(self.value)

    @property
    def precision(self) -> str:
        """`day`, `minute` or `second`: how much of the value the page stated.

        A value at exactly midnight is taken for a bare day: markup that knows only the day
        writes "2020-05-03" or "2020-05-03T00:00:00", and a story filed at 00:00:00.000 sharp
        is rarer than that template.
        """
        value = self.value
        if self.source in _DAY_SOURCES or (value.hour, value.minute, value.second) == (0, 0, 0):
            return "day"
        return "second" if value.second or value.microsecond else "minute"


@dataclass(frozen=True)
class PublishedDate:
    """A publication date as the archive keeps it: the instant, and the outlet's own view of it.

    `at` is aware UTC (for a bare day: the day's midnight in the outlet's zone, or in UTC when
    none is known, never to be read as a time: `precision` says `day`). `offset` is the UTC
    offset of the outlet's clock at that instant, as the page stated it or as the outlet's
    registry zone gives it; None when neither says. `on` is the outlet's own calendar day.
    """

    at: datetime
    offset: timedelta | None
    precision: str
    on: date


def published_date(finding: DateFinding, zone: str | None) -> PublishedDate:
    """The finding in the outlet's terms, `zone` (an IANA name) filling what the page left out.

    A time without an offset is the outlet's wall clock: in `zone` when there is one (else read
    as UTC, the offset unknown). An instant the page gives in UTC is shown in `zone`, so the day
    is the outlet's. A bare day stays that day whatever the zone.
    """
    value, precision = finding.value, finding.precision
    tz = ZoneInfo(zone) if zone else None
    stated_offset = value.utcoffset() if value.tzinfo is not None else None
    if tz is not None and value.tzinfo is None:
        value = value.replace(tzinfo=tz)
    elif tz is not None and stated_offset == timedelta(0) and precision != "day":
        value = value.astimezone(tz)
    offset = value.utcoffset() if value.tzinfo is not None else None
    if precision == "day":
        offset = stated_offset
    return PublishedDate(to_utc(value), offset, precision, value.date())


def find_published(
    page: Page, evidence: Evidence | None, now: datetime | None, zone: str | None = None
) -> DateFinding | None:
    """The first plausible date from the page's markup, the evidence, the URL or the byline.

    Call before the tree is pruned; when this finds nothing, `guess_published` runs htmldate
    on the pruned tree, where related stories and sidebars can no longer lend it their dates.
    `zone` (the outlet's IANA zone, if known) settles which of two markup dates a whole number
    of hours apart is the outlet's wall clock mislabelled as UTC (`_wall_clock_under_utc`).
    """
    article = page.article_object or {}
    byline = cache(lambda: byline_date(page))  # read for few pages: only when needed
    markup: list[tuple[str, Callable[[], datetime | None]]] = [
        ("json_ld", lambda: _json_ld_date(article, "datePublished", "dateCreated")),
        ("meta", lambda: _meta_date(page, _PUBLISHED_META)),
        ("meta", lambda: _itemprop_date(page, "datePublished")),
        ("time_element", lambda: _time_element_date(page)),
        ("json_ld", lambda: _json_ld_date(page.page_object or {}, "datePublished")),
    ]
    for source, find in markup:
        value = find()
        if value is not None and plausible(value, now):
            if source == "json_ld" and _wall_clock_under_utc(value, page, zone):
                value, source = _meta_date(page, _PUBLISHED_META) or value, "meta"
            if value.utcoffset() == timedelta(0):
                value = in_outlet_offset(value, byline())
            return DateFinding(value, source)
    later: list[tuple[str, Callable[[], datetime | None]]] = [
        (_evidence_source(evidence), lambda: evidence.published_at if evidence else None),
        ("url", lambda: _url_date(page.url) or _url_date(page.canonical_url or "")),
        ("url", lambda: _status_day(page.url) or _status_day(page.canonical_url or "")),
        ("byline", lambda: byline()),
    ]
    for source, find in later:
        value = find()
        if value is not None and plausible(value, now):
            return DateFinding(value, source)
    return None


def _wall_clock_under_utc(value: datetime, page: Page, zone: str | None) -> bool:
    """Whether the JSON-LD's UTC `value` is the outlet's wall clock with a "Z" stuck on.

    News Corp Australia's pages write `"datePublished": "2020-04-25T07:25:06Z"` in the JSON-LD
    beside `article:published_time` 2020-04-24T21:25:06+00:00: the same minute and second, ten
    hours apart, one of them the Brisbane wall clock labelled UTC. Which one the page alone does
    not say (recipe blogs get it the other way round: their meta tag is the wall clock); the
    outlet's zone does: read as a wall clock in `zone`, the JSON-LD is the meta tag's instant.
    Without a zone, or when they agree or differ otherwise, the JSON-LD stands.
    """
    if zone is None or value.utcoffset() != timedelta(0):
        return False
    other = _meta_date(page, _PUBLISHED_META)
    if other is None or other.tzinfo is None or other == value:
        return False
    return value.replace(tzinfo=ZoneInfo(zone)) == other


def in_outlet_offset(value: datetime, shown: datetime | None) -> datetime:
    """An instant given in UTC, moved to the outlet's offset when its page shows the local time.

    `shown` is the date and time the page writes for the story (naive: the outlet's wall
    clock; aware: with the offset the page names). The move happens only when both are the same
    moment: a whole quarter-hour offset of a real time zone apart, give or take the seconds a
    page does not show. A day written without a clock time that is the instant's UTC day give or
    take one moves it onto that day (`_on_written_day`). Anything else leaves the value as it was.
    """
    if shown is None or value.utcoffset() != timedelta(0):
        return value
    if shown.tzinfo is not None:
        if shown.utcoffset() and abs(to_utc(shown) - value) <= _SAME_MOMENT:
            return value.astimezone(shown.tzinfo)
        return value
    if (shown.hour, shown.minute, shown.second) == (0, 0, 0):
        return _on_written_day(value, shown)
    difference = shown - value.replace(tzinfo=None)
    offset = timedelta(minutes=15) * round(difference / timedelta(minutes=15))
    if (
        offset
        and _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET
        and abs(difference - offset) <= _SAME_MOMENT
    ):
        return value.astimezone(timezone(offset))
    return value


def _on_written_day(value: datetime, shown: datetime) -> datetime:
    """A UTC instant moved onto the day the page writes without a clock time, if it can be.

    "17 de Febrero 2020" under a headline whose markup says 2020-02-18T02:18:11Z: the outlet is
    west of UTC and its day is the 17th. The offset itself is not known; the instant is shown
    in the whole-hour offset nearest UTC that puts it on the written day, so the instant stays
    exact and the day is the page's. A day further away, or one no real offset reaches, is some
    other date and leaves the value as it was (as does the same day: it says nothing).
    """
    days = (shown.date() - value.date()).days
    if abs(days) != 1:
        return value
    hours = (value - value.replace(hour=0, minute=0, second=0, microsecond=0)) // timedelta(hours=1)
    offset = timedelta(hours=-(hours + 1) if days < 0 else 24 - hours)
    if _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET:
        return value.astimezone(timezone(offset))
    return value


def find_modified(page: Page, now: datetime | None) -> datetime | None:
    article = page.article_object or {}
    for value in (
        _json_ld_date(article, "dateModified"),
        _meta_date(page, _MODIFIED_META),
        _itemprop_date(page, "dateModified"),
        _time_element_date(page, modified=True),
    ):
        if value is not None and plausible(value, now):
            return to_utc(value)
    return None


def plausible(value: datetime, now: datetime | None) -> bool:
    """Not before the web's news era and not after `now` (the fetch time) plus a day's slack."""
    utc = to_utc(value)
    return EARLIEST <= utc <= latest_date(now)


def latest_date(now: datetime | None) -> datetime:
    return now + FUTURE_TOLERANCE if now is not None else LATEST_WITHOUT_NOW


def to_utc(value: datetime) -> datetime:
    """Aware UTC; a value without an offset is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_datetime(text: str) -> datetime | None:
    """A date or date-time as pages write them in markup: ISO 8601, RFC 2822, written dates."""
    text = " ".join(text.split())
    if not text or len(text) > 64:
        return None
    iso = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    iso = re.sub(r"\.(\d{6})\d+", r".\1", iso)  # Python accepts at most microseconds
    # Some CMSs write a one-digit minute or second: "2020-12-05T23:15:0Z".
    iso = re.sub(r"(T\d{2}:\d{2}:)(\d)(?!\d)", r"\g<1>0\2", iso)
    iso = re.sub(r"(T\d{2}:)(\d)(?!\d)", r"\g<1>0\2", iso)
    named = _ISO_WITH_ZONE_NAME.match(iso)  # "2020-09-25T16:02:50CDT", "...+02:00CET"
    if named:
        minutes = _ZONE_OFFSETS.get(named[3].casefold())
        iso = named[1] + (named[2] or ("" if minutes is None else _iso_offset(minutes)))
    try:
        return _sane(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        return _sane(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    return next(written_dates(text, day_first=None), None)


def written_dates(text: str, day_first: bool | None = True) -> Iterator[datetime]:
    """Dates written out in `text`, in the order they appear, each with its clock time if any.

    "13 Oct 2020 18:29" gives 2020-10-13 18:29 (naive: the page's wall clock), "13 Jan 2020,
    22:11 GMT+10" an aware value. A date right after "Updated", "Actualizado"... is skipped.
    `day_first` settles "04/05/2020": True reads 4 May, False April 5, None skips it.
    """
    matches = sorted(
        (match for pattern in _TEXT_DATES for match in pattern.finditer(text)),
        key=lambda match: match.start(),
    )
    for match in matches:
        before = text[max(0, match.start() - 30) : match.start()].casefold()
        if any(hint in before for hint in _TEXT_UPDATE_HINTS):
            continue
        day = _written_day(match, day_first)
        if day is not None:
            yield _with_clock_time(day, text, match.end())


def _written_day(match: re.Match[str], day_first: bool | None) -> datetime | None:
    month_text = match["month"]
    if month_text.isdigit():
        month, day = int(month_text), int(match["day"])
        if match.re is _NUMERIC_DMY and match["sep"] == "/":
            if month > 12 >= day:
                month, day = day, month  # 04/13/2020, the American order
            elif day <= 12 and month <= 12 and day != month:
                if day_first is None:
                    return None
                if not day_first:
                    month, day = day, month
    else:
        names = {month_numbers().get(_month_key(word)) for word in month_text.split("/")}
        names.discard(None)
        if len(names) != 1:
            return None
        month, day = names.pop() or 0, int(match["day"])
    try:
        return datetime(int(match["year"]), month, day)
    except ValueError:
        return None


#: A clock time or half of the day anywhere in a line: "20:13", "11:00 AM", "21 h 14", "p.m.".
_CLOCK = re.compile(
    r"(?<!\d)[0-2]?\d(?::|\s?h\s?)[0-5]\d(?::[0-5]\d)?(?!\d)|\b[ap]\.?\s?m\b\.?", re.IGNORECASE
)
#: A label before the date: "기사입력 :", "Published:", "Posted on:".
_STAMP_LABEL = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*:")
#: Words a date stamp may hold besides the date and the time: how a clock time is joined to
#: the day ("às 20:13", "um 9:00 Uhr"), and zone abbreviations that name no offset of their own.
_STAMP_JOINERS = frozenset(
    {"at", "on", "às", "as", "à", "a", "las", "um", "uhr", "alle", "ore", "kl", "klo", "saat"}
    | {"de", "del", "of", "the", "h", "et", "pt", "ct", "mt", "bst", "ist", "cst", "ast"}
)
_STAMP_CHARS = 80


def is_date_stamp(line: str) -> bool:
    """The line states when the page was published and nothing else.

    Templates print the story's date above it ("sexta-feira, 22 de outubro de 2010 às 20:13",
    "08.04.2015 12:46", "기사입력 :[ 2018-08-25 15:24 ]", "2019.03.08") where trafilatura takes
    it for the story's first paragraph (terra.com.br, heise.de, entermedia.co.kr). Besides one
    written date (its month a name `month_numbers` knows, or numbers), a stamp holds only a clock
    time, weekday names, joining words, zone abbreviations and a short label before a colon: a
    line that says anything more ("Founded February 28, 1998", "— Name (@handle) November 18,
    2019", a tweet's signature) is text. A bare US date with its day over 12 ("11/28/2016") is
    no written date here.
    """
    if len(line) > _STAMP_CHARS:
        return False
    for pattern in _TEXT_DATES:
        for match in pattern.finditer(line):
            if _written_day(match, True) is None:
                continue
            rest = _CLOCK.sub(" ", f"{line[: match.start()]} {line[match.end() :]}")
            rest = _STAMP_LABEL.sub(" ", rest, count=1)
            if any(char.isdigit() for char in rest):
                return False
            words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", rest.casefold())
            allowed = _STAMP_JOINERS | _ZONE_OFFSETS.keys() | weekday_names()
            return all(word in allowed for word in words)
    return False


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations of `_MONTH_LANGUAGES`, folded ("friday", "sexta-feira")."""
    names = {*_WEEKDAY_KEYS, *(day[:3] for day in _WEEKDAY_KEYS)}
    try:
        from dateparser.languages.loader import default_loader

        for locale in default_loader.get_locales(languages=_MONTH_LANGUAGES):
            for day in _WEEKDAY_KEYS:
                names.update(_month_key(word) for word in locale.info.get(day, []))
    except (ImportError, AttributeError, KeyError, ValueError):  # pragma: no cover
        pass  # English names only
    names.discard("")
    return frozenset(names)


def _with_clock_time(day: datetime, text: str, position: int) -> datetime:
    clock = _TIME_AFTER.match(text, position)
    if clock is None:
        return day
    hour, minute = int(clock["hour"]), int(clock["minute"])
    half = (clock["half"] or "").casefold()
    if half and hour <= 12:
        hour = hour % 12 + (12 if half.startswith(_PM) else 0)
    if hour > 23:
        return day
    value = day.replace(hour=hour, minute=minute, second=int(clock["second"] or 0))
    if clock["offset"]:
        sign = -1 if clock["offset"][0] in "-−" else 1
        digits = re.sub(r"\D", "", clock["offset"])
        hours, minutes = (
            (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        )
        offset = sign * timedelta(hours=hours, minutes=minutes)
        if _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET:
            value = value.replace(tzinfo=timezone(offset))
        return value
    named = _ZONE_NAME_AFTER.match(text, clock.end())
    zone = _ZONE_OFFSETS.get(named[1].casefold()) if named else None
    if zone is not None:
        value = value.replace(tzinfo=timezone(timedelta(minutes=zone)))
    return value


def _iso_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations of `_MONTH_LANGUAGES`, folded, to the month's number."""
    seen: dict[str, set[int]] = {}

    def add(word: str, number: int) -> None:
        key = _month_key(word)
        if len(key) >= 3 and key.isalpha():
            seen.setdefault(key, set()).add(number)

    for number, name in enumerate(_MONTH_KEYS, 1):
        add(name, number)
        add(name[:3], number)
    add("sept", 9)
    try:
        from dateparser.languages.loader import default_loader

        for locale in default_loader.get_locales(languages=_MONTH_LANGUAGES):
            for number, name in enumerate(_MONTH_KEYS, 1):
                for word in locale.info.get(name, []):
                    add(word, number)
    except (ImportError, AttributeError, KeyError, ValueError):  # pragma: no cover
        pass  # English names only
    return {word: numbers.pop() for word, numbers in seen.items() if len(numbers) == 1}


def _month_key(word: str) -> str:
    # str.casefold() keeps the Turkish dotless i, which pages also write as a plain i.
    return word.strip(" .").casefold().replace("ı", "i")


def _sane(value: datetime) -> datetime | None:
    # fromisoformat reads a bare "2022" or "20221" as something; only real years are dates.
    return value if value.year >= 1900 else None


def _evidence_source(evidence: Evidence | None) -> str:
    if evidence is not None and evidence.listed_in in ("sitemap", "news_sitemap"):
        return "sitemap"
    if evidence is not None and evidence.listed_in == "listing_page":
        return "listing"
    return "feed"


def _json_ld_date(obj: dict[str, Any], *keys: str) -> datetime | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str):
            parsed = parse_datetime(value)
            if parsed is not None:
                return parsed
    return None


def _meta_date(page: Page, names: tuple[str, ...]) -> datetime | None:
    for name in names:
        for value in page.meta.get(name, ()):
            parsed = parse_datetime(value)
            if parsed is not None:
                return parsed
    return None


def _itemprop_date(page: Page, prop: str) -> datetime | None:
    """Microdata on any element, unless it belongs to an item other than the article."""
    for element in page.marked:
        # `//*[@itemprop="{prop}"][not(self::meta)]`
        if element.get("itemprop") != prop or element.tag == "meta":
            continue
        if not _belongs_to_article(element):
            continue
        raw = element.get("datetime") or element.get("content") or element.text_content()
        parsed = parse_datetime(raw or "")
        if parsed is not None:
            return parsed
    return None


def _belongs_to_article(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            itemtype = (ancestor.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
            return itemtype.casefold() in ARTICLE_TYPES | {"webpage", ""}
    return True


def _time_element_date(page: Page, modified: bool = False) -> datetime | None:
    """A `<time>` (or hAtom `abbr.published`/`abbr.updated`) in the story's own article element.

    For the publication date, times marked as updates are skipped; for the modification date,
    only those are taken.
    """
    scope = page.story
    if scope is None:
        return None
    candidates: list[tuple[int, datetime]] = []
    for element in scope.iterdescendants("time", "abbr"):  # `.//time | .//abbr[@title]`
        if element.tag == "abbr" and element.get("title") is None:
            continue
        if _inside_other_story(element, scope):
            continue
        hints = " ".join([*class_tokens(element), (element.get("itemprop") or "").casefold()])
        if element.tag == "abbr" and not ({"published", "updated"} & class_tokens(element)):
            continue
        if any(hint in hints for hint in _MODIFIED_HINTS) != modified:
            continue
        raw = element.get("datetime") or element.get("title") or element.text_content()
        parsed = parse_datetime(raw or "")
        if parsed is None:
            continue
        rank = 0 if any(hint in hints for hint in _PUBLISHED_HINTS) else 1
        candidates.append((rank, parsed))
        if rank == 0:
            break
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _inside_other_story(element: HtmlElement, scope: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is scope:
            return False
        if ancestor.tag in ("aside", "article", "footer", "nav"):
            return True
        tokens = class_tokens(ancestor)
        if tokens & {"related", "popular", "sidebar", "widget", "comments", "comment", "teaser"}:
            return True
    return False


def _url_date(url: str) -> datetime | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    try:
        return datetime(int(match[1]), int(match[3]), int(match[4]))
    except ValueError:
        return None


def status_id_date(url: str) -> datetime | None:
    """The instant a post on Twitter/X was made, which its address holds.

    A status address (twitter.com/Reuters/status/1281836879789404160, also under /photo/1) names
    the post by a "snowflake" ID whose bits above the lowest 22 count milliseconds since
    `_SNOWFLAKE_EPOCH`: the post's own time, to the millisecond. Such a page carries no date in
    its markup, and the dates htmldate finds there are of other posts. IDs from before
    snowflakes (below `_SNOWFLAKE_MIN`, 2010) were mere counters and give nothing.
    """
    match = _STATUS_URL.match(url)
    if match is None:
        return None
    number = int(match["id"])
    if number < _SNOWFLAKE_MIN:
        return None
    return _SNOWFLAKE_EPOCH + timedelta(milliseconds=number >> 22)


def _status_day(url: str) -> datetime | None:
    """The UTC day of `status_id_date`: a date from the address is a bare day (`_DAY_SOURCES`)."""
    instant = status_id_date(url)
    return datetime(instant.year, instant.month, instant.day) if instant else None


def byline_date(page: Page) -> datetime | None:
    """The first date written between the story's headline and its first paragraph.

    That stretch holds the byline, the dateline and the kicker, and the date there is the
    story's own (an "Updated ..." date is skipped). Text in asides, navigation, other
    `<article>`s and related or popular lists is not read, and neither is anything above the
    headline, where mastheads show today's date.
    """
    headline = _headline(page)
    if headline is None:
        return None
    # The elements themselves, not their ids: lxml makes a new proxy when none is held.
    shared = {headline, *headline.iterancestors()}
    runs: list[list[str]] = [[]]
    size = 0
    for node in headline.xpath(f"following::text()[position() <= {_BYLINE_NODES}]"):
        owner = node.getparent()
        if owner is None:
            continue
        container = owner.getparent() if node.is_tail else owner
        text = " ".join(str(node).split())
        if not text or container is None or not _readable(container, shared):
            continue
        if len(text) > _STOP_CHARS or (container.tag == "p" and len(text) > _PROSE_CHARS):
            break  # the story itself has begun
        if len(text) > _PROSE_CHARS:
            runs.append([])  # a standfirst or a photo caption: its dates are not the story's
            continue
        runs[-1].append(text)
        size += len(text) + 1
        if size > _BYLINE_CHARS:
            break
    day_first = _day_first(page)
    for run in runs:
        found = next(written_dates(" ".join(run), day_first), None)
        if found is not None:
            return found
    return None


def _headline(page: Page) -> HtmlElement | None:
    """The story's `<h1>` (or an `<h2>` that repeats the page's title), not the site's logo."""
    title = _key(page.meta_first("og:title", "twitter:title") or _title_text(page))
    scope = page.story
    first_h1 = None
    for root in (scope, page.tree):
        if root is None:
            continue
        for heading in root.iter("h1", "h2"):
            key = _key(text_of(heading))
            if len(key) < _HEADLINE_MIN_CHARS:
                continue
            if title and (key in title or title in key):
                return heading
            if first_h1 is None and heading.tag == "h1":
                first_h1 = heading
    return first_h1


def _readable(element: HtmlElement, shared: set[HtmlElement]) -> bool:
    """Visible text of the story's header: not a script, nor inside another story or aside."""
    for ancestor in (element, *element.iterancestors()):
        if ancestor in shared:
            return True
        if ancestor.tag in _NOT_TEXT or ancestor.tag in ("aside", "article", "footer", "nav"):
            return False
        if class_tokens(ancestor) & _OTHER_STORY_TOKENS:
            return False
    return True


def _day_first(page: Page) -> bool | None:
    """How the page writes 04/05/2020: day first unless it declares American English."""
    language = (page.tree.get("lang") or "").casefold().replace("_", "-")
    if language.startswith("en-us"):
        return False
    if language.startswith("en") or not language:
        return None
    return True


def _title_text(page: Page) -> str:
    element = page.tree.find(".//title")
    return text_of(element) if element is not None else ""


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def guess_from_markup(tree: HtmlElement, url: str, now: datetime | None) -> DateFinding | None:
    """htmldate's search of the page's markup alone, before pruning: call with the whole page.

    Where our own sources find nothing, htmldate knows more places a page marks its date (more
    meta names, elements whose class names a date, `<relative-time>`, `<abbr>`). Pruning for the
    body takes bylines with it, and then only a date in the story's text is left to find; so the
    markup is searched on the page without its asides, navigation, footer and lists of other
    stories (whose `<time>`s are theirs), and only the free-text search (`guess_published`)
    waits for the fully pruned tree.
    """
    latest = latest_date(now)  # htmldate would read the clock without one
    found = find_date(
        _without_other_stories(tree),
        url=url,
        original_date=True,
        extensive_search=False,
        max_date=latest,
    )
    return _htmldate_finding(found, now)


def _without_other_stories(tree: HtmlElement) -> HtmlElement:
    """A copy of the page without asides, navigation, footers and related or popular lists.

    An aside inside the story's own `<article>` stays unless its class names other stories:
    there it is the story's side column (spektrum.de sets category, date and reading time in
    one beside the text), not the page's sidebar.
    """
    copy = deepcopy(tree)
    headline = copy.find(".//h1")
    kept = {headline, *headline.iterancestors()} if headline is not None else set()
    story = main_article_element(copy)
    doomed = [
        element
        for element in copy.xpath("//*")
        if element not in kept
        and (
            (element.tag == "aside" and not _in_story(element, story))
            or element.tag in ("nav", "footer")
            or class_tokens(element) & _OTHER_STORY_TOKENS
        )
    ]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return copy


def _in_story(element: HtmlElement, story: HtmlElement | None) -> bool:
    return story is not None and story.tag == "article" and story in element.iterancestors()


def guess_published(tree: HtmlElement, url: str, now: datetime | None) -> DateFinding | None:
    """htmldate's heuristics, preferring original over updated dates: the last resort.

    `tree` should be the pruned page, so sidebars and related stories cannot lend their dates.
    When htmldate's extensive search finds only a year (a copyright line, "in 2021" in the
    text) it answers January 1st; a January 1st that its strict search does not confirm is
    therefore no date at all.
    """
    latest = latest_date(now)  # htmldate would read the clock without one
    found = find_date(tree, url=url, original_date=True, max_date=latest)
    if found and found.endswith("-01-01"):
        strict = find_date(
            tree, url=url, original_date=True, extensive_search=False, max_date=latest
        )
        found = found if strict == found else None
    return _htmldate_finding(found, now)


def _htmldate_finding(found: str | None, now: datetime | None) -> DateFinding | None:
    if not found:
        return None
    value = datetime.strptime(found, "%Y-%m-%d")
    return DateFinding(value, "htmldate") if plausible(value, now) else None
