"""Body rules found on public test corpora (bench/extraction.py), each on a real-shaped page.

Each page copies the markup of the outlet where the rule was found (the story text is ours), so
the test fails if the rule stops applying to that shape.
"""

from __future__ import annotations

from newsarchive.extract import ArticleRecord, extract_article

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
