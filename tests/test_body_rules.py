"""Body rules found on public test corpora (bench/extraction.py), each on a real-shaped page.

Each page copies the markup of the outlet where the rule was found (the story text is ours), so
the test fails if the rule stops applying to that shape.
"""

from __future__ import annotations

import lxml.html
import pytest
from lxml.html import HtmlElement

from newsarchive.extract import ArticleRecord, extract_article
from newsarchive.extract.body import (
    PageFacts,
    _is_breadcrumb,
    _missed_prose,
    _tidy,
    _trafilatura_lines,
    extract_body,
    link_labels,
)
from newsarchive.extract.boilerplate import prune_boilerplate
from newsarchive.extract.dates import is_date_stamp

STORY = [
    "Horror stories about the ride-hailing company have been commonplace in recent months, but "
    "there is still much to be learned from its handling of the hostage drama in Sydney.",
    "A number of experts have challenged the idea that the explosion of violence in a Sydney cafe "
    "was terrorism, since the attacker was unbalanced and acted alone.",
    "The company had an interesting, if predictable, response to the panic: it raised prices.",
    "In case you missed the story, the facts are these: a man who had been investigated for "
    "murder seized hostages in a cafe in the city's central business district, and in the "
    "process he put up a flag in the window. The company stepped in and announced that fares had "
    "increased to encourage more drivers to come online and pick up passengers in the area.",
    "But, despite the expression of shared concern, there is no sense of civic duty to be found "
    "in the statement that follows. There is only a transaction, executed at market value.",
    "There was once a time when we might have read of hero cab drivers placing themselves in "
    "harm's way to rescue their fellow citizens during a crisis like this one.",
    "Instead, we are told that the pricing surge was its expression of concern, as if there were "
    "markets in everything, including the lives of a city's beleaguered citizens.",
    "Where would this kind of practice leave poor or middle-income citizens in a time of crisis? "
    "If they cannot afford the surged price, it would leave them squarely in harm's way.",
    "You do not need a special view to see what happens next. When heroism is reduced to a "
    "transaction, the soul of a society is sold cheap.",
]


def _salon_page(hidden_class: str, aside: str = "") -> str:
    """salon.com's template: the first screen of the story, then the rest in a block that its
    script reveals ("Read more"), marked hidden until then."""
    first = "".join(f"<p>{paragraph}</p>" for paragraph in STORY[:4])
    rest = "".join(f"<p>{paragraph}</p>" for paragraph in STORY[4:])
    return f"""<!DOCTYPE html><html><head><title>The sharing economy is a lie | Salon.com</title>
<meta property="og:title" content="The sharing economy is a lie">
<meta property="article:published_time" content="2014-12-17T11:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/politics">Politics</a></nav>
<div id="main"><article class="story">
<h1>The sharing economy is a lie</h1>
<div class="byline">Richard Eskow</div>
<div class="articleContent">{aside}{first}
<div class="recirc2"></div><hr/>
<div data-position-name="300-mi1" class="adPosition bigBox"></div><hr/>
<div class="toggle-group target {hidden_class}" data-toggle-group="story-13850779">{rest}</div>
<div class="toggle-group target"><a class="toggle-trigger" href="#">Continue Reading</a></div>
</div></article>
<div class="share-tools hidden"><a href="#">Share on Facebook</a></div>
</div>
<footer>Copyright 2014 Salon Media Group</footer>
</body></html>"""


def test_a_story_hidden_until_read_more_is_read_whole() -> None:
    record = extract_article(_salon_page("hideOnInit"), "https://www.salon.com/2014/12/17/x/")

    assert isinstance(record, ArticleRecord)
    assert record.text == "\n".join(STORY)


def test_a_hidden_block_that_is_not_the_story_stays_hidden() -> None:
    # nikkei.com: a "save this article" pop-up inside the story, hidden until a click.
    popup = (
        '<div class="save-pulldown" style="display: none;"><p class="info">Save article</p>'
        "<p>Saving articles is for members only. Saved articles can be read on your phone or "
        "tablet as well, whenever you like.</p></div>"
    )
    page = _salon_page("hideOnInit", aside=popup)

    record = extract_article(page, "https://www.salon.com/2014/12/17/x/")

    assert isinstance(record, ArticleRecord)
    assert record.text == "\n".join(STORY)


NEXT_STORIES = [
    [
        "A second story loads below the first as the reader scrolls: the senate vote on the "
        "defence budget was delayed again on Tuesday, leaders said after a long meeting.",
        "The delay leaves the bill without a date, and aides from both parties said the talks "
        "over the size of the procurement budget would go on through the week.",
        "Several members said they expected a vote before the holiday recess at the latest.",
        "The budget includes money for two new frigates, a squadron of transport aircraft and "
        "the repair of runways at three air bases, items both parties have said they support.",
        "What divides them is the total: one side wants a rise of four per cent over last year, "
        "the other a freeze, with savings found in the running costs of the ministry itself.",
    ],
    [
        "A third story follows: the navy named the commander of its new Pacific squadron on "
        "Wednesday, a veteran of two deployments to the region and of the fleet's staff.",
        "The squadron will be based on the west coast and is due to reach full strength in two "
        "years, according to the announcement made by the service.",
        "Its first ships are expected to arrive in the spring, the statement said.",
        "The new commander served as deputy chief of staff of the fleet and before that led a "
        "destroyer group during exercises with allied navies in the region last summer.",
        "Analysts said the squadron reflects a shift of ships and crews to the Pacific that has "
        "been under way for several years and is expected to continue through the decade.",
    ],
    [
        "A fourth story: the foreign ministers of the two countries met in the capital on "
        "Thursday and agreed to reopen the border crossing that was closed last year.",
        "The crossing carries most of the trade between them, and its closure had left hundreds "
        "of lorries waiting on both sides for weeks before they were turned back.",
        "Officials said the first traffic would pass in the new year once checks were in place.",
        "Traders on both sides welcomed the decision but warned that the backlog of goods and "
        "paperwork built up over the closure would take months to clear at the crossing.",
        "The ministers also agreed to set up a joint commission on border security, which is to "
        "meet every three months and report to both governments on the state of the frontier.",
    ],
]


def _rawstory_page() -> str:
    """rawstory.com (RebelMouse): the story the URL names, then the next ones as the reader
    scrolls, each in a `div.widget` ("widget" is sidebar furniture on most sites)."""

    def post(paragraphs: list[str]) -> str:
        body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        return (
            '<div class="widget post-partial"><article class="clearfix page-article">'
            '<div class="widget__body clearfix"><div class="body js-expandable">'
            f'<div class="body-description">{body}</div></div></div></article></div>'
        )

    posts = "".join(post(story) for story in [STORY[:5], *NEXT_STORIES])
    return f"""<!DOCTYPE html><html><head><title>Six celebrities refuse | Raw Story</title>
</head><body class="logged-out-user section-elections-2016">
<div class="all-content-wrapper"><div class="main v-sep">
<div class="post-head"><h1 class="headline">Six celebrities refuse to play</h1></div>
<div class="posts-custom posts-custom-section section-holder clearfix">
<div class="posts-wrapper clearfix">{posts}</div></div>
<div class="widget sidebar-widget"><h3>Trending</h3><ul><li><a href="/a">A trending story</a></li>
<li><a href="/b">Another trending story</a></li></ul></div>
</div></div></body></html>"""


def test_a_story_in_a_widget_among_the_next_stories_is_kept() -> None:
    record = extract_article(_rawstory_page(), "https://www.rawstory.com/2016/12/celebrities/")

    assert isinstance(record, ArticleRecord)
    assert record.text == "\n".join(STORY[:5])


def _spiegel_page(paragraphs: list[str]) -> str:
    """spiegel.de's print edition: each paragraph a `div.dig-absatz` (no `<p>`), two pull quotes
    as `<h4>` after them, then the copyright and a box selling the digital edition."""
    story = "".join(f'<div class="dig-absatz" data-field="absatz">{p}</div>' for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><title>Ein Albtraum - DER SPIEGEL 52/2018</title>
</head><body><div id="wrapper">
<div id="breadcrumb"><ul class="breadcrumb-history"><li><a href="/">Nachrichten</a></li>
<li><h1 class="so-hdln">Ein Albtraum</h1></li></ul></div>
<div id="content-main" class="grid-article clearfix"><div class="column-wide">
<div class="article-function-box-wide"><ul><li><a href="/pdf/1">PDF drucken</a></li></ul>
<div id="spShortDate">22.12.2018</div></div>
<div class="dig-artikel" lang="en"><h2 class="dig-artikel-hgroup"><span class="dig-ueberschrift">
Ein Albtraum</span></h2>
<div class="dig-text" data-field="text">{story}
<h4>The company had an interesting, if predictable, response to the panic.</h4>
<h4>There is only a transaction, executed at market value.</h4></div>
<div class="dig-autoren">Von Clemens Höges</div></div>
<div class="article-copyright"><p><strong>DER SPIEGEL 52/2018</strong><br/>
Alle Rechte vorbehalten<br/>Vervielfältigung nur mit Genehmigung</p></div>
</div><div class="column-small spiegel-asset-box">
<div class="spiegel-magazin-title asset-title">DER SPIEGEL 52/2018</div>
<div class="asset-box clearfix"><br/><a href="/spiegel/print/52.html">Heft lesen</a></div>
<div class="module-box clearfix"><div class="module-title">Der digitale SPIEGEL</div>
<a class="form-button" href="https://magazin.spiegel.de/SP/2018/52/">Diese Ausgabe jetzt digital
lesen</a><p>Die digitale Welt der Nachrichten. Mit interaktiven Grafiken, spannenden Videos und
beeindruckenden 3-D-Modellen.<br/>Sie lesen die neue Ausgabe noch vor Erscheinen der
Print-Ausgabe, schon freitags ab 18 Uhr.</p></div>
<div class="asset-box"><div class="asset-title">Abo-Angebote</div>
<p>Den SPIEGEL lesen oder verschenken und Vorteile sichern!</p>
<a class="form-button" href="https://abo.spiegel.de/de/c/spiegel">Jetzt Abo sichern</a></div>
<div class="asset-box"><div class="asset-title">Ältere SPIEGEL-Ausgaben</div>
<p><a href="/spiegel/print/"><strong>Kostenloses Archiv:</strong></a><br/>Stöbern Sie im
kompletten SPIEGEL-Archiv seit 1947.</p></div>
<div class="module-box clearfix spiegel-article-pdf"><div class="module-title">Artikel als PDF</div>
<a href="https://magazin.spiegel.de/pdf/161500790">Artikel als PDF ansehen</a>
<p><span class="asset-headline">Ein Albtraum</span></p></div>
</div></div></div></body></html>"""


def test_a_fast_pass_that_kept_a_tenth_of_the_paragraphs_calls_the_fallbacks() -> None:
    # On the real page (its sidebar and top lists around this shape) trafilatura's fast pass
    # kept the two pull quotes and the copyright box, 119 words of a 2,300-word story.
    paragraphs = [f"{n}. {paragraph}" for n in range(1, 4) for paragraph in STORY]
    tree = lxml.html.fromstring(_spiegel_page(paragraphs))
    quotes = [
        "The company had an interesting, if predictable, response to the panic.",
        "There is only a transaction, executed at market value.",
        "DER SPIEGEL 52/2018",
        "Alle Rechte vorbehalten",
    ]

    assert _missed_prose(tree, quotes) is True
    assert _missed_prose(tree, paragraphs[:9]) is False
    assert _missed_prose(lxml.html.fromstring(_salon_page("hideOnInit")), quotes) is False


def _tour_magazin_page(promo: str, heading: str) -> str:
    """A German magazine's template (tour-magazin.de): an inline promo between paragraphs, then
    a heading over teasers of other stories, inside the article's own container."""
    first = "".join(f"<p>{paragraph}</p>" for paragraph in STORY[:4])
    rest = "".join(f"<p>{paragraph}</p>" for paragraph in STORY[4:])
    return f"""<!DOCTYPE html><html lang="de"><head><title>Unfall beim Training | TOUR</title>
</head><body><div class="page"><article class="article">
<h1>Unfall beim Training</h1>
<div class="article__body">{first}
<p><strong>{promo}</strong> <a href="/radsport/news/andere-geschichte/">Der Sturz von gestern
und seine Folgen</a></p>{rest}
<div class="col-12"><h2 class="headline">{heading}</h2>
<div class="item"><p>Zwölf Räder für den Herbst, von leicht bis robust, im Vergleich.</p>
<a href="/radsport/a/">Neue Räder im Test</a></div>
<div class="item"><p>Wo es sich im Oktober noch lohnt: fünf Strecken in den Alpen.</p>
<a href="/radsport/b/">Die besten Touren im Herbst</a></div></div>
</div></article></div></body></html>"""


def test_headings_over_other_stories_in_other_languages_end_the_story() -> None:
    url = "https://www.tour-magazin.de/radsport/news/unfall-beim-training/"
    for promo, heading in [
        ("Lesen Sie auch:", "Das könnte Sie auch interessieren"),
        ("À lire aussi :", "Sur le même sujet"),
        ("Lee también:", "Noticias relacionadas"),
        ("Leggi anche:", "Articoli correlati"),
        # trafilatura's evaluation pages (elheraldo.hn, diaadia.com.pa, gofeminin.de; the
        # headings of larepublica.net, elfaro.net, hrjournal.de, incurvy.de, aerobuzz.de...).
        ("LE PUEDE INTERESAR:", "NOTAS RELACIONADAS"),
        ("VEA TAMBIÉN:", "Contenido Relacionado"),
        ("Lea más:", "Empfohlene Beiträge"),
        ("Mire:", "Das Thema könnte dich auch interessieren:"),
        ("Auch lesen:", "Lesen Sie auch die folgenden Beiträge:"),
        ("PUEDES VER:", "Schon gelesen?"),
        ("Lea:", "Mehr Themen:"),
        ("MIRA:", "Weitere aktuelle Themen aus der Arbeitswelt"),
    ]:
        record = extract_article(_tour_magazin_page(promo, heading), url)

        assert isinstance(record, ArticleRecord)
        assert record.text == "\n".join(STORY), heading


def _photo_box(number: int) -> str:
    return (
        f'<div class="img_box" id="ele{number}"><div class="photo no-print">'
        f'<img src="/{number}.jpg" alt=""></div><p class="cap no-print">Photo : YONHAP News</p>'
        "</div>"
    )


def _kbs_page() -> str:
    """world.kbs.co.kr's story: a photo box, then the first paragraph loose in the story's
    container, then the rest as lines between `<br>`s; a second photo box with a subheading in
    a `span` after it (sott.net's shape)."""
    loose = "<br>\n".join(STORY[1:4])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title>
<meta property="article:published_time" content="2023-11-07T15:03:30+09:00"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div id="content"><h1>Surge pricing in a crisis</h1>
<div class="body_txt fr-view">
{_photo_box(1)}
Anchor: {STORY[0]}<br />
{loose}<br />{_photo_box(2)} <span class="BoldGrey">The company steps in</span><br /><br />
{STORY[4]}<br />{STORY[5]}
</div></div><footer>KBS WORLD</footer></body></html>"""


def test_text_loose_beside_photo_boxes_is_read_as_paragraphs() -> None:
    record = extract_article(_kbs_page(), "https://world.kbs.co.kr/service/news_view.htm?Seq=1")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [
        "Photo : YONHAP News",
        f"Anchor: {STORY[0]}",
        *STORY[1:4],
        "Photo : YONHAP News",
        "The company steps in",
        *STORY[4:6],
    ]


def test_invisible_characters_are_dropped_and_letters_composed() -> None:
    """weinkenner.de hyphenates every word with soft hyphens; ukbdnews.com writes the Bengali
    letter YYA as one code point (U+09DF), which Unicode's composed form spells as YA and a
    nukta (U+09AF U+09BC), as trafilatura's output and the truth of its evaluation do."""
    shy = "\u00ad"
    hyphenated = f"Schon im Mit{shy}tel{shy}al{shy}ter war der Wein das Aus{shy}hänge{shy}schild."
    kushtia = "\u0995\u09c1\u09b7\u09cd\u099f\u09bf\u09df\u09be"  # Kushtia, one YYA
    paragraphs = [f"{hyphenated} {STORY[0]}", f"{kushtia}\u200b {STORY[1]}\ufeff", *STORY[2:4]]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    html = (
        "<html><head><title>Wine</title><meta property='article:published_time'"
        f" content='2020-08-29T07:30:00+06:00'></head><body><article><h1>Wine</h1>{body}"
        "</article></body></html>"
    )

    record = extract_article(html, "https://www.weinkenner.example.de/st-magdalener-rotweine/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [
        f"Schon im Mittelalter war der Wein das Aushängeschild. {STORY[0]}",
        f"\u0995\u09c1\u09b7\u09cd\u099f\u09bf\u09af\u09bc\u09be {STORY[1]}",
        *STORY[2:4],
    ]


def test_a_comment_form_in_spanish_ends_the_story() -> None:
    """ultimahora.es: "Comentar" heads the comment form, its rules and the readers' comments."""
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY[:4])
    html = f"""<html><head><title>El fiscal</title>
<meta property="article:published_time" content="2014-01-08T10:00:00+01:00"></head><body>
<section class="content"><article><h1>El fiscal</h1>{story}
<div class="box post_formulario clearfix"><h2>Comentar</h2><div class="form-legal"><ul>
<li>El contenido de los comentarios es la opinión de los usuarios o internautas.</li></ul>
</div></div><div class="box clearfix"><div class="titulo_post"><p><span class="date">Hace 28
minutos</span></p></div><p>Vaya comportamiento tan poco ejemplar del fiscal, defiende lo
indefendible, como para que los ciudadanos creamos en la justicia.</p></div></article>
</section></body></html>"""

    record = extract_article(html, "http://ultimahora.es/mallorca/noticia/el-fiscal.html")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:4]


def test_story_sections_that_carry_ad_slots_are_kept() -> None:
    """chip.de: every section of a test report is `TestReport__Section--Ads` (it holds ad
    slots); the base name says what the block is, and the ad beside it is furniture."""
    sections = "".join(
        f"<section class='TestReport__Section TestReport__Section--Ads' id='part-{i}'>"
        f"<h2>Part {i}</h2><p>{paragraph}</p></section>"
        for i, paragraph in enumerate(STORY[:4])
    )
    html = f"""<html><head><title>Beef Maker im Test</title>
<meta property="article:published_time" content="2019-03-19T11:45:00+01:00"></head><body>
<main><h1>Beef Maker im Test</h1>{sections}
<div class="TestReport__Ads">Anzeige: Grills bei Amazon</div></main></body></html>"""

    record = extract_article(html, "https://www.chip.de/test/Beef-Maker-im-Test_154632771.html")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [
        line for i, paragraph in enumerate(STORY[:4]) for line in (f"Part {i}", paragraph)
    ]


def _times_of_india_page() -> str:
    """timesofindia.indiatimes.com's story: the text between `<br>`s in one `div`, a topic link
    and a video link inside it, the social links after it; no `<p>` anywhere."""
    story = "<br/>".join(STORY[:7])
    return f"""<html><head><title>China snubs Imran Khan</title></head><body><div id="app">
<div class="contentwrapper clearfix"><div class="_15wZO innerbody"><div class="heightCalc">
<div class="_3YYSt clearfix">{story}<a href="/topic/li-keqiang">Li Keqiang</a>{STORY[7]}
<a href="/videos/news/china/videoshow/71498311.cms" class="_2wDYN"><span>{STORY[8]}</span></a></div>
<div class="zB_L9"><span>Twitter</span><span>Instagram</span><span>KOO APP</span>
<span>YOUTUBE</span></div></div></div></div></div></body></html>"""


def test_a_fast_pass_giving_the_page_as_one_line_calls_the_fallbacks() -> None:
    url = "https://timesofindia.indiatimes.com/india/china-snubs-imran/articleshow/71496416.cms"
    # trafilatura's fast pass gives up and returns the page's text as one paragraph
    fast = _trafilatura_lines(lxml.html.fromstring(_times_of_india_page()), url, fast=True)
    assert len(fast) == 1 and len(fast[0].split()) == 289

    lines = extract_body(lxml.html.fromstring(_times_of_india_page()), url, PageFacts())

    assert lines == [
        *STORY[:6],
        f"{STORY[6]}Li Keqiang{STORY[7]} {STORY[8]}",
        "TwitterInstagramKOO APP YOUTUBE",
    ]


def _yahoo_page() -> str:
    """news.yahoo.com's story of 2011: the dateline paragraph loose in the story's container
    after a column of related links (which pruning empties), the rest in `<p>`s."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[1:6])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis - Yahoo! News</title>
</head><body><div class="yom-mod yom-art-hd"><h1>Surge pricing in a crisis</h1></div>
<div class="yom-mod yom-art-content"><div class="bd"><p></p>
<div class="yog-col yog-5u" style="float:left"><div class="yom-mod yom-related-stories">
<ul><li><a href="/other-story-1.html">Article: Another story about the city</a></li>
<li><a href="/other-story-2.html">Article: A third story about the city</a></li></ul></div>
</div>SYDNEY (AP) — {STORY[0]}{paragraphs}</div></div></body></html>"""


def test_text_loose_after_an_emptied_column_is_read_as_a_paragraph() -> None:
    record = extract_article(_yahoo_page(), "https://news.yahoo.com/surge-pricing-224628633.html")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [f"SYDNEY (AP) — {STORY[0]}", *STORY[1:6]]


DECK = 'The ride-hailing company raised its fares during a siege, which it calls "concern"'


def _businessweek_page(description: str) -> str:
    """businessweek.com's story of 2010: the deck in an `<h2>` between HTML comments under the
    `<h1>`, the same sentence (with a full stop) as the page's description."""
    paragraphs = "\n".join(f"<p>{line}</p>" for line in STORY[:6])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title>
<meta name="description" content="{description}" /></head><body>
<div id="strapBox"><span class="strap">Case Study</span></div>
<div id="storyBody">
<!--HEADLINE--><h1>Surge pricing in a crisis</h1><!--/HEADLINE-->
<h2>
<!--DECK-->
{DECK.replace('"', "&quot;")}
<!--/DECK-->
</h2>
<p class="byline">By <a href="/bios/Jane_Doe.htm">Jane Doe</a></p>
{paragraphs}
</div></body></html>"""


def test_the_deck_that_the_description_repeats_opens_the_body() -> None:
    description = DECK.replace('"', "&quot;") + "."
    record = extract_article(_businessweek_page(description), "https://www.businessweek.com/a.htm")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [DECK, *STORY[:6]]


def test_a_description_that_the_page_does_not_show_above_the_story_adds_nothing() -> None:
    other = "A different summary of the story that the page never shows to its readers at all."
    record = extract_article(_businessweek_page(other), "https://www.businessweek.com/a.htm")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:6]


def _ndtv_page() -> str:
    """ndtv.com's story: a highlights box, then the dateline in `b.place_cont` loose before
    the first `<p>`."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head><body>
<div class="ins_lftcont"><h1>Surge pricing in a crisis</h1>
<div class="ins_storybody"><div class="social_link"></div>
<b class="place_cont">Sydney/ Melbourne: </b>{paragraphs}</div></div></body></html>"""


def test_a_dateline_in_bold_before_the_first_paragraph_opens_it() -> None:
    record = extract_article(_ndtv_page(), "https://www.ndtv.com/world-news/surge-pricing-2207327")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [f"Sydney/ Melbourne: {STORY[0]}", *STORY[1:5]]


def test_a_bracketed_part_name_linked_to_its_notes_is_no_section_label() -> None:
    """genius.com's lyrics: "[Verse 1]" is a link to its annotations, like a section label."""
    lines = "<br>".join(STORY[:4])
    page = f"""<!DOCTYPE html><html><head><title>Purple rain lyrics</title></head><body>
<h1>Purple rain lyrics</h1><div class="lyrics"><p><a href="/123/Verse-1">[Verse 1]</a><br>
{lines}<br><a href="/124/Chorus">[Chorus]</a><br>{STORY[4]}</p></div></body></html>"""
    facts = PageFacts("Purple rain lyrics", (), link_labels(lxml.html.fromstring(page)))

    body = extract_body(lxml.html.fromstring(page), "https://genius.com/purple-rain-lyrics", facts)

    assert body == ["[Verse 1]", *STORY[:4], "[Chorus]", STORY[4]]


def test_a_mathjax_formula_is_read_as_its_symbols() -> None:
    """MathJax 3's markup: the glyphs in `mjx-math`, the MathML beside them for screen readers,
    both in an `mjx-container` loose in the text."""
    formula = (
        '<mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>'
        '<mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn>'
        "</math></mjx-assistive-mml></mjx-container>"
    )
    page = f"""<!DOCTYPE html><html><head><title>Quadratic equations</title></head><body>
<h1>Quadratic equations</h1><div class="post"><p>When {formula} there are two solutions,
which the formula gives.</p><p>{STORY[0]}</p><p>{STORY[1]}</p></div></body></html>"""
    facts = PageFacts("Quadratic equations")

    body = extract_body(lxml.html.fromstring(page), "https://example.org/quadratic", facts)

    assert body == ["When a ≠ 0 there are two solutions, which the formula gives.", *STORY[:2]]


def test_a_formula_the_page_hides_stays_out() -> None:
    """Wikipedia hides its MathML (`display: none`) and shows an image with the TeX as alt."""
    formula = (
        '<span class="mwe-math-element"><span class="mwe-math-mathml-inline" '
        'style="display: none;"><math><semantics><mi>N</mi>'
        "<annotation>{\\displaystyle N}</annotation></semantics></math></span>"
        '<img src="/n.svg" alt="N"></span>'
    )
    page = f"""<!DOCTYPE html><html><head><title>Embeddings</title></head><body>
<h1>Embeddings</h1><div class="mw-parser-output"><p>Given a set of {formula} objects, the
method builds a map.</p><p>{STORY[0]}</p><p>{STORY[1]}</p></div></body></html>"""

    body = extract_body(lxml.html.fromstring(page), "https://en.wikipedia.org/wiki/E", PageFacts())

    assert body == ["Given a set of objects, the method builds a map.", *STORY[:2]]


def _independent_page() -> str:
    """independent.co.uk's story of 2015 with a "Business news in pictures" gallery in it:
    numbered slides (`span.counter` "1/8") with a title and a caption each."""
    slides = "".join(
        f'<li data-gallery-legend="{n}"><h2><span class="counter">{n}/8</span>\n'
        f"<!-- Optional photo title -->\nSlide number {n} of the gallery</h2>"
        f"<p>{STORY[n]} {STORY[n - 1]}</p>\n<!-- Optional photo credit -->\n"
        '<p class="credits">GETTY IMAGES</p></li>'
        for n in range(1, 9)
    )
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head><body>
<article class="full-article"><h1>Surge pricing in a crisis</h1>
<div class="text-wrapper"><p>{STORY[0]}</p><p>{STORY[1]}</p>
<div class="dnd-widget-wrapper context-full type-gallery"><div class="full-gallery">
<h2 class="gallery-title">Business news in pictures</h2><div class="scroller">
<ul class="legends">{slides}</ul></div></div></div>
<p>{STORY[2]}</p><p>{STORY[3]}</p></div></article></body></html>"""


def _pruned(page: str, url: str) -> HtmlElement:
    tree = lxml.html.fromstring(page)
    prune_boilerplate(tree, url)
    return tree


def test_a_gallery_of_numbered_slides_inside_the_story_is_dropped() -> None:
    url = "https://www.independent.co.uk/news/business/surge-a6768891.html"
    tree = _pruned(_independent_page(), url)

    assert [p.text_content() for p in tree.iter("p")] == STORY[:4]
    assert not tree.xpath("//*[contains(@class, 'gallery')]")


def test_a_page_that_is_a_gallery_keeps_its_slides() -> None:
    page = _independent_page()
    for line in STORY[:4]:  # only the gallery is left: an "in pictures" page
        page = page.replace(f"<p>{line}</p>", "", 1)
    tree = lxml.html.fromstring(page)

    prune_boilerplate(tree, "https://www.independent.co.uk/news/business/surge-a6768891.html")

    assert len(tree.xpath("//li[@data-gallery-legend]")) == 8


def test_other_columns_of_a_section_end_the_story() -> None:
    """heraldsun.com.au's opinion column: "Other Opinion Columns" in `div.group-header`, then
    teasers of the section's other columns, each a title and its opening sentence."""
    teasers = "".join(
        f'<div class="story-block"><h4><a href="/opinion/column-{n}">Column {n}</a></h4>'
        f'<p class="standfirst">{STORY[n]}</p></div>'
        for n in (6, 7)
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    page = f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head><body>
<div class="story"><h1>Surge pricing in a crisis</h1>{paragraphs}
<div class="group text-g-other-opinion-columns item-count-1"><div class="group-header">
<h2 class="heading">Other Opinion Columns</h2></div><div class="group-content">{teasers}</div>
</div></div></body></html>"""

    record = extract_article(page, "https://www.heraldsun.com.au/news/opinion/surge/story-1")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:5]


def test_a_promo_set_as_a_quote_is_dropped() -> None:
    """larepublica.pe quotes its links to other stories between the paragraphs:
    `<blockquote><b>PUEDES VER: </b><a>...</a></blockquote>`."""
    first = "".join(f"<p>{line}</p>" for line in STORY[:3])
    rest = "".join(f"<p>{line}</p>" for line in STORY[3:6])
    page = f"""<!DOCTYPE html><html lang="es"><head><title>Surge pricing in a crisis</title></head>
<body><article><h1>Surge pricing in a crisis</h1><div class="page-internal-content">{first}
<blockquote><b>PUEDES VER: </b><a class="interlinking-contenido-del-cuerpo"
href="https://larepublica.pe/sociedad/2022/05/06/como-sacar-el-certificado-de-estudios/">
¿Cómo sacar mi certificado de estudios del Minedu de manera online y sencilla?</a></blockquote>
{rest}</div></article></body></html>"""

    record = extract_article(page, "https://larepublica.pe/datos-lr/respuestas/2022/05/02/x/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:6]


def test_a_speaker_named_like_a_promo_label_keeps_the_line() -> None:
    """ "Lea:" and "Mira:" label a promo only when the rest of the line is the link: in an
    interview they are a speaker's name, and the answer may hold a link of its own."""
    answer = (
        "Lea: We wrote to the council twice, and the letter is online at "
        '<a href="/council/letter-2022/">the council\'s site</a>, but nobody answered us.'
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:4])
    page = f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head>
<body><article><h1>Surge pricing in a crisis</h1>{paragraphs}<p>{answer}</p></article></body>
</html>"""

    record = extract_article(page, "https://www.example-news.com/2022/05/02/surge/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n")[-1] == (
        "Lea: We wrote to the council twice, and the letter is online at the council's site, "
        "but nobody answered us."
    )


def test_calls_to_subscribe_follow_or_download_after_the_story_are_dropped() -> None:
    """nationnews.com closes a story with "Subscribe now to our eNATION edition for the full
    story." and a line about its apps; Spanish outlets ask the reader to follow them or join
    their Telegram or YouTube channel. The same words inside the story stay."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    inside = "The minister said he would download the app himself and subscribe to the service."
    calls = [
        'Subscribe now to our <a href="http://nationnews.brb.newsmemory.com/landing.php">'
        "<strong>eNATION</strong></a> edition for the full story.",
        "For the latest stories and breaking news updates download the Nationnews apps for iOS "
        "and Android.",
        "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas "
        "nuestras actualizaciones",
        "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete "
        '<a href="https://t.me/guatemalacom">desde tu celular</a> en este enlace de invitación.',
        "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern. "
        '<a href="/newsletter">Melde dich hier für unseren Newsletter an!</a>',
    ]
    for call in calls:
        page = f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head>
<body><article><h1>Surge pricing in a crisis</h1>{paragraphs}<p>{inside}</p>
<p>{STORY[5]}</p><p>{call}</p></article></body></html>"""

        record = extract_article(page, "https://www.nationnews.com/2022/05/03/surge-pricing/")

        assert isinstance(record, ArticleRecord)
        assert record.text.split("\n") == [*STORY[:5], inside, STORY[5]], call


def _heise_page(stamp: str) -> str:
    """heise.de's news story: the date stamp in `p.news_datum` above the `<h1>`, inside the
    `<article>` with the story."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis | heise online</title>
</head><body><div id="mitte_news"><p class="news_navi"><a href="/meldung/1.html">Vorige</a> |
<a href="/meldung/3.html">Nächste</a></p><article>
<p class="news_datum">{stamp}</p>
<h1>Surge pricing in a crisis</h1>
<div class="meldung_wrapper">{paragraphs}</div></article></div></body></html>"""


@pytest.mark.parametrize(
    "stamp",
    [
        "08.04.2015 12:46",
        "sexta-feira, 22 de outubro de 2010 às 20:13",  # terra.com.br
        "기사입력 :[ 2018-08-25 15:24 ]",  # entermedia.co.kr
        "March 13, 2015",  # heraldsun.com.au
    ],
)
def test_a_date_stamp_above_the_story_is_not_its_first_paragraph(stamp: str) -> None:
    record = extract_article(_heise_page(stamp), "https://www.heise.de/meldung/2-2597001.html")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:5]


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Monday, May 27, 2013", True),
        ("Published: Dec. 5, 2016 at 3:04 p.m. ET", True),
        ("2019.03.08", True),
        ("— Josh Apte (@joshapte) November 3, 2019", False),  # a tweet's signature
        ("Founded February 28, 1998", False),
        ("2018.04.05 ~ OPEN RUN", False),
        ("OSS×クラウド最新TOPICS 2019年3月15日 09:43", False),  # a kicker beside the date
        ("It rained on March 13, 2015 and again on the next day.", False),
    ],
)
def test_a_date_stamp_says_when_and_nothing_else(line: str, stamp: bool) -> None:
    assert is_date_stamp(line) is stamp


def _elecom_page() -> str:
    """elecom.co.jp's news release: the breadcrumb trail in the cell of a layout table, above
    the release in the same container."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    return f"""<!DOCTYPE html><html><head><title>[News] Surge pricing in a crisis</title></head>
<body><div id="menu"><a href="/">トップ</a> <a href="/news/">ニュースリリース</a>
<a href="/products/">製品情報</a></div>
<div id="contents"><table width="760"><tr><td><a href="http://www.elecom.co.jp/">トップ</a> &gt;
<a href="../../index.html">ニュースリリース</a> &gt; 薄型キーボード</td></tr></table>
<div class="news"><h1>Surge pricing in a crisis</h1>{paragraphs}</div></div></body></html>"""


def test_a_breadcrumb_trail_in_the_story_is_not_its_first_paragraph() -> None:
    record = extract_article(_elecom_page(), "https://www.elecom.co.jp/news/201903/el34-194/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:5]


def test_a_sentence_with_arrows_is_no_breadcrumb_trail() -> None:
    facts = PageFacts(link_labels=frozenset({"home", "news"}))
    line = "Prices went up > 30 per cent > the week before, then fell > 10 per cent in a day"

    assert _is_breadcrumb(line, facts) is False
    assert _is_breadcrumb("Home > News > Surge pricing", facts) is True


def _closing_page(closing: str) -> str:
    """time.com's (and yna.co.kr's) story: the paragraphs, then a last one in the same
    container saying how to write to its reporter, or that the wire's story ends."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY[:5])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis</title></head><body>
<div class="article-heading"><h1 class="post-title">Surge pricing in a crisis</h1></div>
<div class="article-p-wrapper">{paragraphs}<p>{closing}</p></div>
<div class="article-source">Related: <a href="/news/other-story.html">Another story</a></div>
</body></html>"""


@pytest.mark.parametrize("closing", ["Write to Jane Doe at jane.doe@time.com", "(END)"])
def test_a_reporter_address_or_an_end_mark_closes_no_story(closing: str) -> None:
    record = extract_article(_closing_page(closing), "https://time.com/5742541/surge-pricing/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY[:5]


def test_a_source_line_stays_the_story_last_line() -> None:
    """ "Source: arabnews" names the story's origin: the credit rules read it from the body."""
    record = extract_article(_closing_page("Source: arabnews"), "https://time.com/5742541/x/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [*STORY[:5], "Source: arabnews"]


def _barrons_page() -> str:
    """barrons.com (Dow Jones): the reprint notice in `div.print-header` above the story and
    in `div.print-footer` below it, the reprint and print tools in `ul.print-tools`; the story
    opens in the body and goes on in a `div.paywall`."""
    notice = (
        "This copy is for your personal, non-commercial use only. To order presentation-ready "
        "copies for distribution to your colleagues, clients or customers visit "
        "http://www.djreprints.com."
    )
    opening = "".join(f"<p>{line}</p>" for line in STORY[:2])
    rest = "".join(f"<p>{line}</p>" for line in STORY[2:5])
    return f"""<!DOCTYPE html><html><head><title>Surge pricing in a crisis | Barron's</title>
</head><body class="pageFrame"><div class="sliderBox"><div class="main">
<div class="print-header"><p>{notice}</p>
<p>https://www.barrons.com/articles/surge-pricing-51574168486</p></div>
<article class="article"><header class="article__header"><h1>Surge pricing in a crisis</h1>
<ul class="js-article-tools print-tools flexbox"><li class="icon reprint flexbox">Order Reprints
</li><li class="icon print flexbox">Print Article</li></ul></header>
<div class="article__body article-wrap" id="js-article__body"><div class="textresizer"></div>
{opening}<div class="paywall">{rest}</div></div></article></div></div>
<div class="print-footer"><p>Copyright ©2019 Dow Jones &amp; Company, Inc. All Rights Reserved
</p><p>{notice}</p></div></body></html>"""


def test_what_a_page_shows_on_paper_only_is_pruned() -> None:
    tree = _pruned(_barrons_page(), "https://www.barrons.com/articles/surge-pricing-51574168486")

    assert [p.text_content() for p in tree.iter("p")] == STORY[:5]
    assert not tree.xpath("//*[contains(@class, 'print-')]")


def test_only_one_date_stamp_is_dropped_a_column_of_dates_lists_items() -> None:
    """slobodnaevropa.org's programme page: the dates of its last episodes, one a line."""
    lines = ["21. juni/lipanj, 2020.", "20. juni/lipanj, 2020.", "Jutarnji program za Srbiju"]

    assert _tidy(lines, PageFacts()) == lines[1:]


LEAD = (
    "Die Bundeswehr erhält bis 2026 vier weitere Fregatten der Klasse F126. Der Haushaltsausschuss "
    "des Bundestages hat am Mittwoch die Mittel dafür freigegeben."
)
STORY_DE = [
    "Mit dem Beschluss stehen für das Vorhaben zusätzlich rund 2,5 Milliarden Euro bereit, wie das "
    "Verteidigungsministerium in Berlin mitteilte. Die Schiffe sollen in Wolgast gebaut werden.",
    "Die Marine hatte seit Jahren auf eine Verstärkung ihrer Flotte gedrängt. Nach Angaben eines "
    "Sprechers sind derzeit nur elf Fregatten einsatzbereit, zwei davon in der Werft.",
    "Der Inspekteur der Marine sprach von einem wichtigen Signal an die Verbündeten in der Nato. "
    "Die Opposition kritisierte dagegen die steigenden Kosten des Programms.",
    "Die ersten beiden Fregatten der Klasse sollen nach bisheriger Planung 2028 an die Truppe "
    "übergeben werden, die übrigen bis zum Beginn der Dreißigerjahre.",
]


def _typo3_news_page(lead: str) -> str:
    """A TYPO3 news page (ahlen.de, wind-energie.de, zoo-berlin.de): the lead paragraph in
    `div.teaser-text` under the headline, then the date, then the story's paragraphs in the
    block marked `articleBody`, which trafilatura reads alone."""
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY_DE)
    return f"""<!DOCTYPE html><html lang="de"><head><title>Vier weitere Fregatten</title></head>
<body><div class="news news-single"><div class="article" itemscope="itemscope"
itemtype="http://schema.org/Article"><h1>Vier weitere Fregatten für die Marine</h1>
<div class="row"><div class="col-sm-12"><div class="teaser-text" itemprop="description">
<p>{lead}</p></div></div></div>
<div class="row"><div class="col-sm-12"><p><span class="news-list-date">
<time itemprop="datePublished" datetime="2022-01-26">26.01.2022</time></span></p>
<div class="news-text-wrap" itemprop="articleBody">{paragraphs}</div></div></div>
</div></div></body></html>"""


def test_the_lead_paragraph_set_apart_above_the_story_opens_it() -> None:
    record = extract_article(_typo3_news_page(LEAD), "https://www.example.de/aktuelles/fregatten/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == [LEAD, *STORY_DE]


def test_a_one_sentence_display_line_marked_lead_stays_out() -> None:
    """English templates mark the line under the headline "lead" or "summary" too; one sentence
    is a display line (a dek), which the article-extraction benchmark leaves out of the story."""
    line = "The budget committee has released the money for four more frigates of the class F126."
    record = extract_article(_typo3_news_page(line), "https://www.example.de/aktuelles/fregatten/")

    assert isinstance(record, ArticleRecord)
    assert record.text.split("\n") == STORY_DE
