"""Agency bylines and closing copyright lines, on pages shaped like the wire copies outlets run.

AP copies carry bylines in capitals with the agency after the names ("By DANA MERCER and ROBERT
SOTO Associated Press" on TownNews sites, "By LISA MASCARO ..." above an "Associated Press" line
on hosted.ap.org, "Meg Kinnard and Errin Haines, Associated Press" on Hearst papers) and end
with "Copyright 2019 The Associated Press. All rights reserved. This material may not be
published, broadcast, rewritten or redistributed." (seen on the article-extraction benchmark).
Authors are the people in normal case, the agency goes to `wire_source`, and the notice is not
part of the body; a paragraph about copyright law is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.extract import ArticleRecord, extract_article
from newsarchive.extract.authors import clean_authors
from newsarchive.extract.body import is_rights_notice

PAGES = Path(__file__).parent / "data" / "pages"

TITLE = "Storm knocks out power to thousands along the Gulf Coast"
STORY = (
    "NEW ORLEANS (AP) — A line of severe storms knocked out power to more than 80,000 homes and "
    "businesses along the Gulf Coast on Tuesday, and forecasters warned that more wind and "
    "heavy rain were on the way.",
    "Utility crews from four states were working through the night to restore service, and "
    "officials said some neighborhoods could be without electricity until the weekend.",
    "The National Weather Service said gusts topped 70 mph near the mouth of the Mississippi "
    "River, where a tornado warning was issued for part of the afternoon.",
    "Schools in three parishes canceled classes for Wednesday, and the state opened two shelters "
    "for residents whose homes were damaged by falling trees.",
)
AP_NOTICE = (
    "Copyright 2019 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed."
)
URL = "https://www.gulfcoastledger.com/news/article/storm-power-outages-14848164.php"


def page(
    story_html: str,
    *,
    head: str = "",
    byline: str = "",
    top_bar: str = "",
    after_story: str = "",
) -> str:
    """A regional paper's article page: top bar, headline, byline, story, related links, footer."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{TITLE} - Gulf Coast Ledger</title>"
        '<meta property="og:type" content="article">'
        '<meta property="og:site_name" content="Gulf Coast Ledger">'
        '<meta property="article:published_time" content="2019-11-19T18:40:00-06:00">'
        f"{head}</head><body>"
        f"<header>{top_bar}<ul class='nav'><li><a href='/news/'>News</a></li>"
        "<li><a href='/sports/'>Sports</a></li></ul></header>"
        f"<main role='main'><div class='article'><h1>{TITLE}</h1>{byline}"
        f"<div class='article-body'>{story_html}</div>{after_story}</div>"
        "<div class='related'><h3>Most Popular</h3><ul>"
        "<li><a href='/news/school-board/'>School board delays vote</a></li></ul></div></main>"
        "<footer><p>© 2019 Gulf Coast Ledger. All rights reserved.</p></footer></body></html>"
    )


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def extract(html: str, url: str = URL) -> ArticleRecord:
    record = extract_article(html, url)
    assert isinstance(record, ArticleRecord)
    return record


# --- Authors ---------------------------------------------------------------------------------

HOSTED_AP_BYLINE = (
    "<div class='ap-story-byline'>"
    "<div class='field field-name-field-byline-original'>"
    "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER</div>"
    "<div class='field field-name-field-byline-title'>Associated Press</div></div>"
)
# hosted.ap.org puts the partner's name in an <h1> of the top bar, outside <main>.
HOSTED_AP_TOP_BAR = (
    "<nav><ul class='title-area'><li class='name'>"
    "<h1><a href='/'>The Berkshire Eagle</a></h1></li></ul></nav>"
)
SAILTHRU_AUTHOR = (
    '<meta name="sailthru.author" content="By STEVE PEOPLES, AP National Political Writer">'
)


@pytest.mark.parametrize(
    ("byline", "head", "top_bar", "authors"),
    [
        # TownNews: names in capitals, the agency after them with only a space between.
        (
            "<span class='tnt-byline'>By DANA MERCER and ROBERT SOTO Associated Press</span>",
            "",
            "",
            ("Dana Mercer", "Robert Soto"),
        ),
        # Hearst: names already in normal case, the agency after a comma.
        (
            "<p class='byline ap-byline'>Meg Kinnard and Errin Haines, Associated Press</p>",
            "",
            "",
            ("Meg Kinnard", "Errin Haines"),
        ),
        # hosted.ap.org: the agency in its own element under the names.
        (
            HOSTED_AP_BYLINE,
            "",
            HOSTED_AP_TOP_BAR,
            ("Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"),
        ),
        # A job title with the agency in it, in the page's meta tags.
        ("", SAILTHRU_AUTHOR, "", ("Steve Peoples",)),
        ("", '<meta name="author" content="JOHN SMITH AP">', "", ("John Smith",)),
        ("", '<meta name="author" content="Jane Roe | The Associated Press">', "", ("Jane Roe",)),
    ],
    ids=["townnews", "hearst", "hosted-ap", "sailthru-title", "meta-caps-ap", "meta-pipe"],
)
def test_an_agency_byline_gives_the_people_in_normal_case(
    byline: str, head: str, top_bar: str, authors: tuple[str, ...]
) -> None:
    html = page(paragraphs(*STORY, AP_NOTICE), head=head, byline=byline, top_bar=top_bar)

    record = extract(html)

    assert record.authors == authors
    assert record.wire_source == "AP"
    assert record.text.split("\n") == list(STORY)


def test_the_ap_copy_page_credits_two_reporters_and_ap() -> None:
    html = (PAGES / "credit_ap_dateline.html").read_text(encoding="utf-8")
    assert "By DANA MERCER and ROBERT SOTO Associated Press" in html

    record = extract(html, "https://www.valleyledger.com/news/national/article_5f0c.html")

    assert record.authors == ("Dana Mercer", "Robert Soto")
    assert record.wire_source == "AP"
    assert "Copyright" not in record.text


def test_a_byline_naming_only_the_agency_gives_no_author() -> None:
    """ "By Reuters" credits Reuters (`wire_source`); it names no person or desk of the outlet."""
    html = (PAGES / "credit_reuters_copy_in_regional_paper.html").read_text(encoding="utf-8")
    assert '<meta name="author" content="Reuters">' in html

    record = extract(html, "https://www.caspiancourier.com/world/turkey-kuwait-drones/")

    assert record.authors == ()
    assert record.wire_source == "Reuters"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["ROBERT SOTO Associated Press"], ("Robert Soto",)),
        (["By JOHN DOE, Associated Press"], ("John Doe",)),
        (["Jane Roe | Reuters"], ("Jane Roe",)),
        (["JOHN SMITH AP"], ("John Smith",)),
        (["JOHN DOE Reuters"], ("John Doe",)),
        (["Jane Roe (AFP)"], ("Jane Roe",)),
        (["Jane Roe - Reuters"], ("Jane Roe",)),
        (["Jane Roe/AP"], ("Jane Roe",)),
        (["Jane Roe of The Associated Press"], ("Jane Roe",)),
        (["By Jon Gambrell and Aya Batrawy, Associated Press"], ("Jon Gambrell", "Aya Batrawy")),
        (
            ["By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"],
            ("Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"),
        ),
        # An agency alone, or an agency's desk, is a credit: no author.
        (["Reuters"], ()),
        (["By Reuters"], ()),
        (["The Associated Press"], ()),
        (["Reuters Staff"], ()),
        # Degrees after a name are not names; a kind of piece before "by" is not part of one.
        (["Ilana Muhlstein, MS, RDN"], ("Ilana Muhlstein",)),
        (["Jane Roe, Ph.D., and John Doe, M.D."], ("Jane Roe", "John Doe")),
        (["Analysis by Chris Cillizza"], ("Chris Cillizza",)),
        (["Opinion by Jane Roe"], ("Jane Roe",)),
        (["AFP News Agency"], ()),
        (["PTI"], ()),
        # A desk of the outlet itself stays; a person and an agency desk gives the person.
        (["CNN Business"], ("CNN Business",)),
        (["By Jane Doe and Reuters Staff"], ("Jane Doe",)),
        # Surnames that are also agency names are not cut from a name in mixed case...
        (["Michael R. Bloomberg"], ("Michael R. Bloomberg",)),
        (["Nazia Tasnim"], ("Nazia Tasnim",)),
        # ...nor a capitalised agency abbreviation when it would leave a single word.
        (["SARA MENA"], ("Sara Mena",)),
        # Capitals to normal case, with particles and prefixes as style books write them.
        (["LUDWIG VAN BEETHOVEN"], ("Ludwig van Beethoven",)),
        (["ABDULLAH AL-SHAMMARI"], ("Abdullah al-Shammari",)),
        (["MARIA DE LA CRUZ"], ("Maria de la Cruz",)),
        (["MARINE LE PEN"], ("Marine Le Pen",)),
        (["MOHAMMED BIN SALMAN, Reuters"], ("Mohammed bin Salman",)),
        (["PATRICK MCDONALD and CONOR O'NEIL"], ("Patrick McDonald", "Conor O'Neil")),
        (["JOSÉ ÁLVAREZ AP"], ("José Álvarez",)),
        (["JOHN SMITH III"], ("John Smith III",)),
        # Names already in mixed case are kept as written.
        (["Vincent van Gogh and Hamad al-Thani"], ("Vincent van Gogh", "Hamad al-Thani")),
        (["Charles de Gaulle"], ("Charles de Gaulle",)),
    ],
)
def test_byline_strings_give_clean_person_names(raw: list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(raw, {"gulfcoastledger"}) == expected


# --- Closing copyright lines ------------------------------------------------------------------

NOTICES = [
    AP_NOTICE,
    # cbslocal.com's form of the AP notice.
    "© 2019 Associated Press. All Rights Reserved. This material may not be published, "
    "broadcast, rewritten, or redistributed.",
    # Fox's form: the restriction first.
    "This material may not be published, broadcast, rewritten, or redistributed. ©2019 FOX News "
    "Network, LLC. All rights reserved.",
    "Copyright 2019 Hawaii News Now. All rights reserved.",
    "Copyright © 2019 Thomson Reuters. All rights reserved. Republication or redistribution of "
    "Reuters content is expressly prohibited without the prior written consent of Reuters.",
    "Copyright The Channel Company, All rights reserved",
    "All rights reserved © 2019 The Real Deal",
    "© Reuters",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_copyright_notice_closing_the_story_is_not_body_text(notice: str) -> None:
    record = extract(page(paragraphs(*STORY, notice)))

    assert record.text.split("\n") == list(STORY)


def test_notices_and_credits_after_the_story_all_go() -> None:
    closing = ("(Reporting by Jane Roe; Editing by Mark Potter)", "© Reuters")

    record = extract(page(paragraphs(*STORY, AP_NOTICE, *closing)))

    assert record.text.split("\n") == list(STORY)


COPYRIGHT_LAW = (
    "Copyright law in the United States protects a work for the life of its author plus 70 "
    "years, and lawyers for the utility said its all rights reserved notices on storm maps do "
    "not stop residents from sharing them."
)
LAW_STORY = (
    *STORY[:3],
    "The utility's outage map, which it publishes under copyright, drew more than a million "
    "visits on Tuesday, and residents shared screenshots of it on social media.",
    COPYRIGHT_LAW,
)


def test_a_closing_paragraph_about_copyright_law_is_story_text() -> None:
    record = extract(page(paragraphs(*LAW_STORY)))

    assert record.text.split("\n") == list(LAW_STORY)


def test_the_notice_after_a_paragraph_about_copyright_law_goes_and_the_paragraph_stays() -> None:
    record = extract(page(paragraphs(*LAW_STORY, AP_NOTICE)))

    assert record.text.split("\n") == list(LAW_STORY)


def test_a_notice_inside_the_story_is_not_cut_from_the_middle() -> None:
    """Only the tail is read for notices: a photo credit line between paragraphs is not one."""
    quoted = "The flyer read: “© 2019 Parish of Orleans. Do not remove.”"
    story = (*STORY[:2], quoted, *STORY[2:])

    record = extract(page(paragraphs(*story, AP_NOTICE)))

    assert record.text.split("\n") == list(story)


@pytest.mark.parametrize(
    ("line", "notice"),
    [
        (AP_NOTICE, True),
        ("Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지", True),
        ("(c) 2019 Gulf Coast Ledger", True),
        (COPYRIGHT_LAW, False),
        ("Copyright law says a story may not be republished without permission.", False),
        ("Copyright infringement claims rose in 2019, the court said in its ruling.", False),
        ("(c) the minister may suspend the licence of a station that breaks the rules.", False),
        ("The report may not be published until after the election, officials said.", False),
        ("All rights reserved notices are a relic, the professor said.", False),
    ],
)
def test_what_reads_as_a_rights_notice(line: str, notice: bool) -> None:
    assert is_rights_notice(line) is notice
