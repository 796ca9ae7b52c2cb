"""Titles: the headline as the page shows it, without the outlet's name, on real-shaped pages.

Each page copies the head of a real outlet's article template (its `<title>` pattern with the
separator the outlet uses, its og/JSON-LD tags) around a story body in the outlet's language,
with the site's logo in a header and the headline in the article's `<h1>` where the outlet
puts one.
"""

from __future__ import annotations

import json

import pytest

from newsarchive.extract import ArticleRecord, OutletFacts, extract_article
from newsarchive.extract.page import parse_page
from newsarchive.extract.title import find_title, strip_site_name

BODIES = {
    "ja": [
        "政府・与党は5日、来年度予算案の編成に向けた協議を始め、防衛費の財源について議論した。",
        "出席者によると、増税の時期については結論を出さず、年明け以降に改めて検討する方針で一致した。",
        "防衛省は装備品の調達計画を前倒しする考えで、与党内からは財源の確保を急ぐべきだとの声も出ている。",
        "野党は国会で政府の説明が不十分だとして、集中審議の開催を求めている。",
    ],
    "ko": [
        "여야는 5일 국회에서 원내대표 회동을 열고 내년도 예산안 처리 일정을 논의했으나 "
        "합의에 이르지 못했다.",
        "국민의힘은 정부 원안대로 처리해야 한다고 주장했고, 더불어민주당은 감액 없이는 "
        "처리할 수 없다는 입장을 고수했다.",
        "국회의장은 여야가 합의할 때까지 본회의를 열지 않겠다며 다음 주 초 다시 회동할 "
        "것을 제안했다.",
        "예산안 법정 처리 시한은 이미 지났으며, 여야는 책임을 서로에게 돌리고 있다.",
    ],
    "zh": [
        "12月5日下午，国家主席在人民大会堂会见来华进行国事访问的法国总统。",
        "双方就中法关系和共同关心的国际和地区问题深入交换意见，同意加强在经贸、航空航天和民用核能领域的合作。",
        "会见后，两国元首共同见证了多项合作文件的签署，涉及农业、文化和科技创新等领域。",
        "法国总统表示，法方愿同中方保持高层交往，推动两国全面战略伙伴关系不断向前发展。",
        "中方表示，愿同法方一道，落实好两国元首达成的重要共识，为世界和平与发展注入更多稳定性。",
        "访问期间，双方还将举行工商界座谈会，并出席中法文化旅游年闭幕活动。",
    ],
    "ru": [
        "Силы противовоздушной обороны за ночь перехватили и уничтожили 41 беспилотник над "
        "территорией нескольких областей, сообщило Министерство обороны в пятницу.",
        "По данным ведомства, больше всего аппаратов было сбито над Брянской и Курской "
        "областями, пострадавших нет.",
        "Губернаторы приграничных регионов сообщили о временных ограничениях движения и "
        "работе оперативных служб на местах падения обломков.",
        "Ранее в министерстве заявляли, что число подобных атак за последний месяц заметно "
        "выросло.",
        "Эксперты связывают рост числа атак с подготовкой к зимней кампании и призывают "
        "усилить защиту энергетических объектов в приграничных районах страны.",
        "Власти областей пообещали в ближайшие дни восстановить повреждённые линии "
        "электропередачи и выплатить компенсации владельцам пострадавших домов.",
    ],
    "ar": [
        "دعا القادة العرب في ختام القمة الطارئة التي عقدت في القاهرة يوم الجمعة إلى وقف فوري "
        "لإطلاق النار في قطاع غزة وفتح المعابر أمام المساعدات الإنسانية.",
        "وأكد البيان الختامي رفض أي محاولات لتهجير السكان، وطالب المجتمع الدولي بتحمل "
        "مسؤولياته تجاه المدنيين.",
        "وقال الأمين العام لجامعة الدول العربية إن القمة ستشكل لجنة وزارية لمتابعة تنفيذ "
        "القرارات مع الأطراف الدولية.",
        "ومن المقرر أن يعقد وزراء الخارجية العرب اجتماعا الأسبوع المقبل لبحث الخطوات التالية.",
        "ورحبت الأمم المتحدة بالدعوة إلى وقف إطلاق النار، وقالت إن الوضع الإنساني في القطاع "
        "بلغ مستوى غير مسبوق من الخطورة مع نقص الغذاء والدواء والوقود.",
        "وشددت الدول المشاركة على ضرورة إطلاق مسار سياسي جاد يفضي إلى حل دائم يضمن الأمن "
        "والاستقرار لشعوب المنطقة كافة.",
    ],
    "en": [
        "The federal government will raise military spending by $8.1 billion over the next five "
        "years, the defence minister said on Friday, as allies press Canada to reach the NATO "
        "target of two per cent of gross domestic product.",
        "The money will pay for new submarines, air defence systems and the expansion of Arctic "
        "bases, according to a briefing document seen by reporters before the announcement.",
        "Opposition critics said the plan still leaves Canada short of its commitments and asked "
        "the government to table a full procurement schedule in the House of Commons.",
        "The minister said the first contracts would be signed early next year and that the "
        "department would publish quarterly reports on the progress of each programme.",
    ],
}


def article_page(
    *,
    lang: str,
    head: str,
    headline: str | None,
    logo: str,
    logo_in_h1: bool = False,
    json_ld: dict[str, object] | None = None,
) -> str:
    """A news template: header with the logo, navigation, the article, a footer."""
    logo_markup = f'<a href="/" class="logo">{logo}</a>'
    header = f"<h1 class='site-logo'>{logo_markup}</h1>" if logo_in_h1 else logo_markup
    script = (
        f'<script type="application/ld+json">{json.dumps(json_ld, ensure_ascii=False)}</script>'
        if json_ld
        else ""
    )
    paragraphs = "\n".join(f"<p>{p}</p>" for p in BODIES[lang])
    h1 = f'<h1 class="headline">{headline}</h1>' if headline else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
{head}
{script}
</head><body>
<header>{header}<nav><ul><li><a href="/politics/">Politics</a></li>
<li><a href="/world/">World</a></li><li><a href="/business/">Business</a></li></ul></nav></header>
<main><article>{h1}
<div class="byline">2025-12-05 18:30</div>
{paragraphs}
</article></main>
<footer><p>Copyright {logo}. All rights reserved.</p></footer>
</body></html>"""


def found_title(html: str, url: str) -> str:
    """`find_title` of a parsed page, with no feed title or registry name."""
    page = parse_page(html, url)
    assert page is not None
    return find_title(page, None)


def title_of(html: str, url: str, outlet: OutletFacts | None = None) -> str:
    record = extract_article(html, url, outlet=outlet)
    assert isinstance(record, ArticleRecord), record
    return record.title


#: (url, language, head with {h} for the headline, logo, where the headline and logo sit, headline)
OUTLET_TEMPLATES = [
    pytest.param(
        "https://www.asahi.com/articles/ASTD5123ASTDUTFK00XM.html",
        "ja",
        """<title>{h}：朝日新聞デジタル</title>
<meta property="og:title" content="{h}：朝日新聞デジタル">
<meta property="og:site_name" content="朝日新聞デジタル">
<meta property="og:type" content="article">""",
        "朝日新聞デジタル",
        "",  # the headline sits in a <div> on this template, not an <h1>
        "防衛費増額、財源の議論先送り 政府・与党",
        id="asahi-full-width-colon",
    ),
    pytest.param(
        "https://www.nikkan-gendai.com/articles/view/news/380123",
        "ja",
        """<title>{h}｜日刊ゲンダイDIGITAL</title>
<meta property="og:title" content="{h}｜日刊ゲンダイDIGITAL">
<meta property="og:site_name" content="日刊ゲンダイDIGITAL">""",
        "日刊ゲンダイDIGITAL",
        "",
        "高市首相の答弁に批判噴出…「台湾有事」発言の波紋広がる",
        id="nikkan-gendai-full-width-bar",
    ),
    pytest.param(
        "https://www.hankookilbo.com/News/Read/A2025120514250001234",
        "ko",
        """<title>{h}-정치ㅣ한국일보</title>
<meta property="og:title" content="{h}-정치ㅣ한국일보">
<meta property="og:site_name" content="한국일보">
<meta property="article:section" content="정치">""",
        "한국일보",
        "",
        "여야, 예산안 처리 합의 불발…본회의 연기",
        id="hankook-ilbo-section-and-hangul-bar",
    ),
    # 人民网 states no site name in meta tags: the page's own <h1> shows which part is the
    # headline, and the section (时政) goes with the site name.
    pytest.param(
        "http://politics.people.com.cn/n1/2025/1205/c1024-40618000.html",
        "zh",
        """<title>{h}--时政--人民网</title>
<meta name="keywords" content="法国总统,会见">""",
        "人民网",
        "headline logo",
        "国家主席会见法国总统",
        id="peoples-daily-double-hyphens",
    ),
    pytest.param(
        "https://www.cbc.ca/news/politics/defence-spending-1.7401234",
        "en",
        """<title>{h} | CBC News</title>
<meta property="og:title" content="{h} | CBC News">
<meta property="og:type" content="article">""",
        "CBC",
        "",
        "Ottawa to raise defence spending by $8.1B as allies press for NATO target",
        id="cbc-news-label",
    ),
    pytest.param(
        "https://timesofindia.indiatimes.com/city/bhopal/army-rally/articleshow/115123456.cms",
        "en",
        """<title>{h} | Bhopal News - Times of India</title>
<meta property="og:title" content="{h} | Bhopal News - Times of India">
<meta property="og:site_name" content="The Times of India">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{h} | Bhopal News - Times of India", "articleSection": "Bhopal"}}</script>""",
        "The Times of India",
        "headline",
        "Bhopal: Army recruitment rally draws 40,000 candidates from 12 districts",
        id="times-of-india-city-section",
    ),
    # "Taiwan" before ": " is part of the headline, not the name of Focus Taiwan.
    pytest.param(
        "https://focustaiwan.tw/politics/202512050012",
        "en",
        """<title>{h} - Focus Taiwan</title>
<meta property="og:title" content="{h} - Focus Taiwan">
<meta property="og:site_name" content="Focus Taiwan">""",
        "Focus Taiwan",
        "headline",
        "Taiwan: U.S. approves $330 million sale of aircraft parts",
        id="headline-with-a-colon-stays-whole",
    ),
    pytest.param(
        "https://www.cbc.ca/news/politics/defence-spending-1.7401234",
        "en",
        """<title>{h} | CBC News</title>
<meta property="og:site_name" content="CBC News">""",
        "CBC News",
        "headline logo",
        "Ottawa to raise defence spending by $8.1B as allies press for NATO target",
        id="logo-in-an-h1-is-never-the-title",
    ),
]


#: Templates without an <h1>: the site's name, and the sections between it and the headline,
#: come off the metadata titles. (id, url, language, <title> with {h} for the headline, og:title
#: the same?, og:site_name, the logo's text, headline)
METADATA_TEMPLATES = [
    (
        "yomiuri-name-without-online",
        "https://www.yomiuri.co.jp/politics/20251205-OYT1T50123/",
        "ja",
        "{h} : 読売新聞",
        True,
        "読売新聞オンライン",
        "読売新聞オンライン",
        "防衛費増額、財源議論は先送り…政府・与党",
    ),
    (
        "sponichi-horizontal-bar-and-glued-section",
        "https://www.sponichi.co.jp/society/news/2025/12/05/kiji/20251205s00042000123000c.html",
        "ja",
        "{h} ― スポニチ Sponichi Annex 社会",
        True,
        "スポニチ Sponichi Annex",
        "スポニチ",
        "防衛費増額、財源議論を先送り 与党税調",
    ),
    (
        "nikkansports-section-behind-another-separator",
        "https://www.nikkansports.com/general/news/202512050000123.html",
        "ja",
        "{h} - 社会 : 日刊スポーツ",
        True,
        "日刊スポーツ",
        "日刊スポーツ",
        "防衛費増額、財源議論を先送り 政府・与党が協議",
    ),
    (
        "korean-cms-breadcrumb",
        "https://www.mediatoday.co.kr/news/articleView.html?idxno=312345",
        "ko",
        "{h} < 정치 < 기사본문 - 미디어오늘",
        False,
        "미디어오늘",
        "미디어오늘",
        "여야, 예산안 처리 합의 불발…본회의 연기",
    ),
    (
        "sohu-mobile-site-name",
        "https://www.sohu.com/a/123456789_121123456",
        "zh",
        "{h}_手机搜狐网",
        True,
        "搜狐",
        "搜狐",
        "国家主席会见法国总统",
    ),
    (
        "the-paper-section-named-after-the-site",
        "https://www.thepaper.cn/newsDetail_forward_31234567",
        "zh",
        "{h}_澎湃号·政务_澎湃新闻-The Paper",
        False,
        "澎湃新闻",
        "澎湃新闻",
        "国家主席会见法国总统",
    ),
    (
        "cctv-name-with-its-domain-in-brackets",
        "https://news.cctv.com/2025/12/05/ARTIabcdefghijk251205.shtml",
        "zh",
        "{h}_新闻频道_央视网(cctv.com)",
        False,
        None,
        "央视网",
        "国家主席会见法国总统",
    ),
    (
        "ettoday-section-named-after-the-site",
        "https://www.ettoday.net/news/20251205/3012345.htm",
        "zh",
        "{h} | ETtoday政治新聞 | ETtoday新聞雲",
        True,
        "ETtoday新聞雲",
        "ETtoday新聞雲",
        "國家主席會見法國總統",
    ),
    (
        "lenta-colon-chain",
        "https://lenta.ru/news/2025/12/05/bpla/",
        "ru",
        "{h}: Политика: Россия: Lenta.ru",
        True,
        "Lenta.RU",
        "Lenta.ru",
        "Минобороны сообщило о перехвате 41 беспилотника",
    ),
    (
        "ria-name-and-day",
        "https://ria.ru/20251205/bpla-2012345678.html",
        "ru",
        "{h} - РИА Новости, 05.12.2025",
        True,
        "РИА Новости",
        "РИА Новости",
        "Минобороны сообщило о перехвате 41 беспилотника",
    ),
    (
        "izvestia-section",
        "https://iz.ru/1812345/2025-12-05/minoborony-soobshchilo",
        "ru",
        "{h} | Новости мира | Известия",
        True,
        "Известия",
        "Известия",
        "Минобороны сообщило о перехвате 41 беспилотника",
    ),
    (
        "tass-news-label",
        "https://tass.ru/politika/22612345",
        "ru",
        "{h} - Новости ТАСС",
        True,
        None,
        "ТАСС",
        "Минобороны сообщило о перехвате 41 беспилотника",
    ),
    (
        "aljazeera-section",
        "https://www.aljazeera.net/news/politics/2025/12/5/arab-summit",
        "ar",
        "{h} | أخبار | الجزيرة نت",
        True,
        "الجزيرة نت",
        "الجزيرة نت",
        "القمة العربية تدعو إلى وقف فوري لإطلاق النار في غزة",
    ),
    (
        "bbc-arabic-label",
        "https://www.bbc.com/arabic/articles/c1234567890o",
        "ar",
        "{h} - BBC News عربي",
        True,
        None,
        "BBC",
        "القمة العربية تدعو إلى وقف فوري لإطلاق النار في غزة",
    ),
    (
        "ansa-hyphen-section",
        "https://www.ansa.it/sito/notizie/politica/2025/12/05/crosetto_abc123.html",
        "en",
        "{h} - Politica - Ansa.it",
        True,
        None,
        "ANSA",
        "Crosetto asks parliament for a larger defence budget next year",
    ),
]


@pytest.mark.parametrize(
    ("url", "lang", "title", "og_title", "site_name", "logo", "headline"),
    [pytest.param(*row[1:], id=row[0]) for row in METADATA_TEMPLATES],
)
def test_title_is_the_headline_of_the_metadata_template(
    url: str,
    lang: str,
    title: str,
    og_title: bool,
    site_name: str | None,
    logo: str,
    headline: str,
) -> None:
    stated = title.format(h=headline)
    head = f"<title>{stated}</title>"
    if og_title:
        head += f'\n<meta property="og:title" content="{stated}">'
    if site_name:
        head += f'\n<meta property="og:site_name" content="{site_name}">'
    html = article_page(lang=lang, head=head, headline=None, logo=logo)

    assert title_of(html, url) == headline


@pytest.mark.parametrize(("url", "lang", "head", "logo", "h1s", "headline"), OUTLET_TEMPLATES)
def test_title_is_the_headline_of_the_outlet_template(
    url: str, lang: str, head: str, logo: str, h1s: str, headline: str
) -> None:
    html = article_page(
        lang=lang,
        head=head.format(h=headline),
        headline=headline if "headline" in h1s else None,
        logo=logo,
        logo_in_h1="logo" in h1s,
    )

    assert title_of(html, url) == headline


def test_registry_name_is_cut_when_the_page_names_no_site() -> None:
    headline = "N. Korea fires ballistic missile into East Sea: JCS"
    html = article_page(
        lang="en",
        head=f"<title>{headline} | Yonhap News Agency</title>",
        headline=None,
        logo="Yonhap",
    )
    url = "https://en.yna.co.kr/view/AEN20251205000351315"

    assert title_of(html, url) == f"{headline} | Yonhap News Agency"
    assert title_of(html, url, OutletFacts(name="Yonhap News Agency")) == headline


def test_logo_in_an_h1_never_becomes_the_title() -> None:
    headline = "Ottawa to raise defence spending by $8.1B as allies press for NATO target"
    html = article_page(
        lang="en",
        head=f"""<title>{headline} | CBC News</title>
<meta property="og:site_name" content="CBC News">""",
        headline=headline,
        logo="CBC News",
        logo_in_h1=True,
    )

    assert title_of(html, "https://www.cbc.ca/news/politics/defence-spending-1.7401234") == headline


def test_page_headline_wins_over_a_different_seo_title() -> None:
    """The <h1> agrees with JSON-LD; og:title and <title> carry an SEO variant."""
    headline = "Two federal prison officers charged with falsifying records after inmate death"
    seo = "Prison guards charged after inmate death"
    html = article_page(
        lang="en",
        head=f"""<title>{seo} - CBC News</title>
<meta property="og:title" content="{seo}">""",
        headline=headline,
        logo="CBC",
        json_ld={"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline},
    )

    assert title_of(html, "https://www.cbc.ca/news/canada/prison-officers-1.7401300") == headline


def test_link_inside_the_h1_is_not_part_of_the_headline() -> None:
    headline = "Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta"
    html = f"""<html><head><title>{headline} » Local » Noticias » Ultima Hora Mallorca</title>
<meta name="twitter:title" content="{headline}"></head><body>
<h1><span class="define">{headline}</span><a href="/mallorca.html">Ultima Hora Mallorca</a></h1>
<p>{" ".join(BODIES["en"])}</p></body></html>"""
    page = parse_page(html, "https://www.ultimahora.es/noticias/local/2014/01/08/infanta.html")
    assert page is not None

    assert find_title(page, None) == headline


@pytest.mark.parametrize(
    ("title", "sections", "expected"),
    [
        ("防衛費増額、財源の議論先送り：朝日新聞デジタル", (), "防衛費増額、財源の議論先送り"),
        ("首相が答弁｜日刊ゲンダイDIGITAL", (), "首相が答弁"),
        ("여야, 예산안 합의 불발-정치ㅣ한국일보", ("정치",), "여야, 예산안 합의 불발"),
        ("国家主席会见法国总统--时政--人民网", ("时政",), "国家主席会见法国总统"),
        ("Ottawa boosts defence spending | CBC News", (), "Ottawa boosts defence spending"),
        (
            "Army rally in Bhopal | Bhopal News - Times of India",
            ("Bhopal",),
            "Army rally in Bhopal",
        ),
        ("Mumbai rally — The Times of India", (), "Mumbai rally"),
        ("Gaza talks resume » Middle East » Arab News", ("Middle East",), "Gaza talks resume"),
        ("Arab News · Gaza talks resume", (), "Gaza talks resume"),
        ("Iran: talks resume in Muscat – Arab News", (), "Iran: talks resume in Muscat"),
        ("Talks resume - a long way to go", (), "Talks resume - a long way to go"),
        ("U.S.-led talks stall: Arab-Israeli ties", (), "U.S.-led talks stall: Arab-Israeli ties"),
        ("Pre-war levels: trade-off - Gaza", ("Gaza",), "Pre-war levels: trade-off - Gaza"),
        # Without spaces, a separator is cut only beside the site's exact name.
        ("有英勇的你，才有英雄的城！-新华网", (), "有英勇的你，才有英雄的城！"),
        ("描画できる「Treeviz」:phpspot開発日誌", (), "描画できる「Treeviz」"),
        ("GdP-Vize Klemmer: Wertschätzung fehlt", (), "GdP-Vize Klemmer: Wertschätzung fehlt"),
        # A short label before the site's name behind the same separator is the section.
        ("这个约会软件帮你找对象_智能_好奇心日报", (), "这个约会软件帮你找对象"),
        ("国家主席会见法国总统--时政--人民网", (), "国家主席会见法国总统"),
        ("Talks stall in Doha | World | Arab News", (), "Talks stall in Doha"),
        ("Ukraine - Russia talks | Arab News", (), "Ukraine - Russia talks"),
        ("Gaza | Rafah crossing reopens | Arab News", (), "Gaza | Rafah crossing reopens"),
        # The name holding a separator itself, or followed by the site's tagline.
        ("Enchufla Figuren - Salsa-Figuren - Rueda in Berlin", (), "Enchufla Figuren"),
        ("Musikvideo der Woche : Krimiblog-Archiv | Seit 2005", (), "Musikvideo der Woche"),
        # Sections between the headline and the name, behind its separator or another.
        ("Trump meets Xi in Busan - Analysis - Reuters", (), "Trump meets Xi in Busan"),
        (
            "Trump meets Xi in Busan - Day 1000 of the war - Reuters",
            (),
            "Trump meets Xi in Busan - Day 1000 of the war",
        ),
        ("Wochenbericht 14. - 20. Januar 2022 - SLF", (), "Wochenbericht 14. - 20. Januar 2022"),
        (
            "Bundeswehr: Pistorius will mehr Geld: Spiegel",
            (),
            "Bundeswehr: Pistorius will mehr Geld",
        ),
        (
            "India test-fires Agni-5 missile with multiple warheads"
            " | Latest News India - Hindustan Times",
            (),
            "India test-fires Agni-5 missile with multiple warheads",
        ),
        # A name never cut out of a headline that opens with it.
        ("BBC apologises over Panorama edit | BBC News", (), "BBC apologises over Panorama edit"),
        # The outlet's stamp of day and time, a page count, a name spelt with its accents.
        (
            "Парламент ограничил полномочия президента – новости на УНН | 3 декабря 2020, 18:47",
            (),
            "Парламент ограничил полномочия президента – новости на УНН",
        ),
        (
            "Indonesia Beli Jet Tempur Rafale dari Prancis Halaman all - Kompas.com",
            (),
            "Indonesia Beli Jet Tempur Rafale dari Prancis",
        ),
        (
            "Produkttester werden: gratis testen │ Nestlé Marktplatz",
            (),
            "Produkttester werden: gratis testen",
        ),
    ],
)
def test_only_segments_naming_the_site_or_its_section_are_cut(
    title: str, sections: tuple[str, ...], expected: str
) -> None:
    names = {
        "朝日新聞デジタル",
        "日刊ゲンダイdigital",
        "한국일보",
        "人民网",
        "cbc",
        "timesofindia",
        "arabnews",
        "新华网",
        "phpspot開発日誌",
        "gdp",
        "好奇心日报",
        "salsafigurenruedainberlin",
        "krimiblogarchiv",
        "reuters",
        "slf",
        "spiegel",
        "hindustantimes",
        "bbc",
        "kompas",
        "nestlemarktplatz",
    }

    assert strip_site_name(title, names, sections) == expected


def test_page_headline_wins_over_an_seo_title_when_no_og_title_or_json_ld() -> None:
    """NPR-style: only a <title> with the blog and site names, and a different <h1>."""
    headline = "Jury finds Singapore firm's owner guilty over gifts to officers"
    html = article_page(
        lang="en",
        head="<title>Navy contractor convicted of bribery : The Two-Way : NPR</title>",
        headline=headline,
        logo="NPR",
    )

    url = "https://www.npr.org/sections/thetwo-way/2025/12/05/navy-contractor-guilty"
    assert title_of(html, url) == headline


def recipe_blog_page(recipes: list[dict[str, object]]) -> str:
    """A food blog's post (Yoast-style JSON-LD graph): the post's SEO headline in the `<h1>`,
    og:title and `<title>`, and the recipe card naming the dish, HTML-escaped as WordPress does."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "Garlic Butter Shrimp (Fast &amp; Easy Dinner!)",
                "author": {"@type": "Person", "name": "Sonja Overhiser"},
            },
            {"@type": "WebSite", "name": "A Couple Cooks"},
            *recipes,
        ],
    }
    return f"""<html lang="en"><head>
<title>Garlic Butter Shrimp (Fast &amp; Easy Dinner!) – A Couple Cooks</title>
<meta property="og:title" content="Garlic Butter Shrimp (Fast &amp; Easy Dinner!)">
<meta property="og:site_name" content="A Couple Cooks">
<script type="application/ld+json">{json.dumps(graph)}</script></head><body>
<header><a href="/" class="logo">A Couple Cooks</a></header>
<article><h1 class="entry-title">Garlic Butter Shrimp (Fast &amp; Easy Dinner!)</h1>
<p>{" ".join(BODIES["en"])}</p>
<div class="recipe-card"><h2>Garlic Butter Shrimp &amp; Rice</h2><ul><li>1 pound shrimp</li></ul>
</div></article></body></html>"""


def test_recipe_page_is_titled_with_the_recipe_name_unescaped() -> None:
    """The dish the card names, its `&amp;` (escaped once more in JSON-LD) read as `&`."""
    recipe = {"@type": "Recipe", "name": "Garlic Butter Shrimp &amp;amp; Rice", "recipeYield": "4"}
    page = parse_page(recipe_blog_page([recipe]), "https://www.acouplecooks.com/garlic-shrimp/")
    assert page is not None

    assert find_title(page, None) == "Garlic Butter Shrimp & Rice"


def test_page_with_several_recipes_keeps_its_headline() -> None:
    recipes = [
        {"@type": "Recipe", "name": "Garlic Butter Shrimp"},
        {"@type": "Recipe", "name": "Lemon Rice"},
    ]
    page = parse_page(recipe_blog_page(recipes), "https://www.acouplecooks.com/garlic-shrimp/")
    assert page is not None

    assert find_title(page, None) == "Garlic Butter Shrimp (Fast & Easy Dinner!)"


def test_json_ld_headline_is_read_as_text() -> None:
    """WordPress writes JSON-LD strings HTML-escaped (`&#8217;`, `&amp;`) and sometimes with
    markup; without an `<h1>` the JSON-LD headline is the title, as the reader would see it."""
    headline = "Navy&#8217;s <em>new</em> frigate &amp; its missiles"
    html = f"""<html><head><script type="application/ld+json">{{"@context": "https://schema.org",
"@type": "NewsArticle", "headline": "{headline}"}}</script></head><body>
<p>{" ".join(BODIES["en"])}</p></body></html>"""
    page = parse_page(html, "https://www.navytimes.com/news/2025/12/05/frigate/")
    assert page is not None

    assert find_title(page, None) == "Navy’s new frigate & its missiles"


def test_label_in_the_first_h1_is_not_the_headline() -> None:
    """Templates without og:title or JSON-LD put the logo or the section in the first `<h1>`:
    the page's `<title>` (less the site's name) is the headline then, or the next `<h1>`."""
    headline = "Insiders: Trump will sink Pence in VP debate"
    logo = """<h1 class="logo"><a href="/"><svg><title>POLITICO</title></svg>
<span>Politico Logo</span></a></h1>"""
    html = f"""<html><head><title>{headline} - POLITICO</title></head><body>
<header>{logo}</header><div class="story"><h2>{headline}</h2>
<p>{" ".join(BODIES["en"])}</p></div></body></html>"""
    page = parse_page(html, "https://www.politico.com/story/2016/10/vp-debate-insiders-229134")
    assert page is not None
    assert find_title(page, None) == headline

    story = "From Metrorail to bike paths, this is what CEOs think of public transit"
    html = f"""<html><head>
<title>Miami-area CEOs are asked: When did you last take transit to work? | Miami Herald</title>
</head><body><header><h1 class="section-title">Business Monday</h1></header>
<article><h1 class="title">{story}</h1><p>{" ".join(BODIES["en"])}</p></article>
<aside><h1>Related content</h1></aside></body></html>"""
    page = parse_page(html, "https://www.miamiherald.com/news/business/article172612181.html")
    assert page is not None
    assert find_title(page, None) == story


def test_short_h1_that_the_title_repeats_is_the_headline() -> None:
    """A short headline is still the headline when the `<title>` around it names it."""
    html = f"""<html><head><title>Prince and the Revolution – Purple Rain Lyrics | Genius Lyrics
</title></head><body><div class="song"><h1>Purple Rain</h1>
<p>{" ".join(BODIES["en"])}</p></div></body></html>"""
    page = parse_page(html, "https://genius.com/Prince-and-the-revolution-purple-rain-lyrics")
    assert page is not None

    assert find_title(page, None) == "Purple Rain"


@pytest.mark.parametrize(
    ("url", "site", "h1", "og_title"),
    [
        (
            "https://www.donnahay.com.au/recipes/green-minestrone-soup",
            "Donna Hay",
            "green minestrone soup",
            "Green Minestrone Soup",
        ),
        (
            "https://www.cbc.ca/news/world/nato-spending-1.7401400",
            "CBC News",
            "NATO ALLIES AGREE TO RAISE DEFENCE SPENDING",
            "NATO allies agree to raise defence spending",
        ),
    ],
)
def test_headline_typed_in_one_case_takes_the_metadata_spelling(
    url: str, site: str, h1: str, og_title: str
) -> None:
    """An `<h1>` typed in lower case or capitals (CSS sets the case shown) reads as og:title
    writes it."""
    html = article_page(
        lang="en",
        head=f"""<title>{og_title} | {site}</title>
<meta property="og:title" content="{og_title}">""",
        headline=h1,
        logo=site,
    )
    page = parse_page(html, url)
    assert page is not None

    assert find_title(page, None) == og_title


@pytest.mark.parametrize(
    ("url", "lang", "title", "registry_name", "headline", "without_registry"),
    [
        # The registry writes "Xinhua (English)"; the pages sign "- Xinhua", which the host
        # (news.cn) does not spell.
        (
            "https://english.news.cn/20251205/c1a2b3c4d5e6/c.html",
            "en",
            "China, Malaysia hold joint naval drill off Port Klang - Xinhua",
            "Xinhua (English)",
            "China, Malaysia hold joint naval drill off Port Klang",
            "China, Malaysia hold joint naval drill off Port Klang - Xinhua",
        ),
        # "NHK" without the label word names "NHK News (Japanese)", with the section after it;
        # the host's registered domain (nhk.or.jp) names it too.
        (
            "https://www3.nhk.or.jp/news/html/20251205/k10014000001000.html",
            "ja",
            "防衛費増額 財源の議論先送り | NHK | 政治",
            "NHK News (Japanese)",
            "防衛費増額 財源の議論先送り",
            "防衛費増額 財源の議論先送り",
        ),
    ],
)
def test_registry_name_is_cut_as_the_pages_write_it(
    url: str, lang: str, title: str, registry_name: str, headline: str, without_registry: str
) -> None:
    html = article_page(lang=lang, head=f"<title>{title}</title>", headline=None, logo="Logo")

    assert title_of(html, url) == without_registry
    assert title_of(html, url, OutletFacts(name=registry_name)) == headline


def test_an_h1_linking_to_the_home_page_is_the_site_name() -> None:
    """A logo marked up as an `<h1>` in a link home gives the name the `<title>` ends in, which
    no meta tag states; a permalink mark ("¶") in the story's `<h1>` is no part of it."""
    html = f"""<html><head><title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报
</title></head><body><header><a href="http://www.qdaily.com/" class="logo">
<h1 class="hidden">好奇心日报</h1></a></header>
<div class="article-detail"><p>{"".join(BODIES["zh"])}</p></div></body></html>"""
    url = "http://www.qdaily.com/articles/38282.html"
    assert found_title(html, url) == "这个约会软件，想用你和对方的相似好恶来帮你找对象"

    html = f"""<html><head><title>Evolve: Shared Mutable History — evolve extension for Mercurial
</title></head><body><div class="header"><h1 class="heading"><a href="index.html">
<span>evolve extension for Mercurial</span></a></h1></div><div class="section">
<h1><a class="toc-backref" href="#id4">Evolve: Shared Mutable History</a>
<a class="headerlink" href="#evolve-shared-mutable-history">¶</a></h1>
<p>{" ".join(BODIES["en"])}</p></div></body></html>"""
    url = "https://www.mercurial-scm.org/doc/evolve/"
    assert found_title(html, url) == "Evolve: Shared Mutable History"


@pytest.mark.parametrize("href", ["", "#", "#top"])
def test_a_headline_in_a_link_to_nowhere_is_no_logo(href: str) -> None:
    headline = "Ottawa to raise defence spending by $8.1B as allies press for NATO target"
    html = f"""<html><head><title>{headline} | CBC News</title></head><body><article>
<h1><a href="{href}">{headline}</a></h1><p>{" ".join(BODIES["en"])}</p></article></body></html>"""

    assert found_title(html, "https://www.cbc.ca/news/politics/defence-1.7401234") == headline


def test_a_lone_label_h1_sharing_no_word_with_the_title_is_not_the_headline() -> None:
    headline = "Superbugs: What They Are and How You Get Them"
    html = f"""<html><head><title>{headline}</title></head><body>
<div class="titlebar"><h1>Information and Resources</h1></div>
<div class="article"><h2>{headline}</h2><p>{" ".join(BODIES["en"])}</p></div></body></html>"""
    assert found_title(html, "https://www.webmd.com/a-to-z-guides/superbugs") == headline


def test_an_og_title_naming_the_topic_of_the_h1_gives_way_to_it() -> None:
    """og:title "Arbeit" (the topic, also the `<title>`'s first segment) beside the `<h1>`
    "Wir kämpfen für gute Arbeit": the page's headline is the `<h1>`."""
    html = f"""<html><head><title>Arbeit - BÜNDNIS 90/DIE GRÜNEN</title>
<meta property="og:title" content="Arbeit"><meta property="og:site_name"
content="BÜNDNIS 90/DIE GRÜNEN"></head><body><main><h1>Wir kämpfen für gute Arbeit</h1>
<p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, "https://www.gruene.de/themen/arbeit") == "Wir kämpfen für gute Arbeit"


def test_a_byline_on_its_own_line_of_the_h1_is_not_part_of_the_headline() -> None:
    """Nikkei's template sets the writer on a second line of the headline's `<h1>`."""
    headline = "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"
    html = f"""<html><head><title>{headline}（写真＝ロイター） ：日本経済新聞</title>
<meta property="og:title" content="{headline}（写真＝ロイター）">
<meta property="og:site_name" content="日本経済新聞 電子版"></head><body>
<div class="cmn-section"><h1 class="cmn-article_title" itemprop="headline">
<span class="cmnc-middle">{headline}</span><br/><span class="cmnc-small">編集委員 中沢克二</span>
</h1><div class="cmn-article_text"><p>{"".join(BODIES["ja"])}</p></div></div></body></html>"""
    url = "https://www.nikkei.com/article/DGXMZO31897660Y8A610C1000000/"
    assert found_title(html, url) == headline


#: Templates that name the outlet only in the header's link home (no og:site_name, no JSON-LD
#: publisher, no `<h1>` around the headline): (url, head, header, headline).
HOME_LINK_TEMPLATES = [
    pytest.param(
        "https://www.asahi.com/articles/ASTD5123ASTDUTFK00XM.html",
        """<title>{h}：朝日新聞デジタル</title>
<meta property="og:title" content="{h}：朝日新聞デジタル">""",
        '<a href="https://www.asahi.com/"><img src="/img/logo.svg" alt="朝日新聞デジタル"></a>',
        "防衛費増額、財源の議論先送り 政府・与党",
        id="logo-image-alt",
    ),
    pytest.param(
        "http://politics.people.com.cn/n1/2025/1205/c1024-40618000.html",
        "<title>{h}--时政--人民网</title>",
        '<a href="http://www.people.com.cn/" title="人民网">人民网首页</a>',
        "国家主席会见法国总统",
        id="link-to-the-sister-host-home",
    ),
    pytest.param(
        "https://www3.nhk.or.jp/news/html/20251205/k10014000000000.html",
        "<title>{h} | NHK | 防衛</title>",
        '<a href="/" aria-label="NHK"><svg></svg></a>',
        "防衛費増額、財源の議論先送り",
        id="aria-label-and-a-tagline-behind-the-name",
    ),
    pytest.param(
        "https://www.spiegel.de/politik/deutschland/bundeswehr-a-1234.html",
        "<title>{h} - DER SPIEGEL</title>",
        '<a href="https://www.spiegel.de/">DER SPIEGEL</a>',
        "Bundeswehr: Pistorius will 2026 mehr Soldaten einziehen",
        id="link-text",
    ),
]


@pytest.mark.parametrize(("url", "head", "header", "headline"), HOME_LINK_TEMPLATES)
def test_the_link_home_names_the_site(url: str, head: str, header: str, headline: str) -> None:
    lang = "ja" if "jp" in url or "asahi" in url else "zh" if "people" in url else "en"
    html = f"""<html lang="{lang}"><head><meta charset="utf-8">{head.format(h=headline)}</head>
<body><header>{header}<nav><a href="/politics/">政治</a></nav></header>
<main><div class="article-title">{headline}</div>
<p>{"".join(BODIES[lang])}</p></main></body></html>"""
    assert found_title(html, url) == headline


def test_a_link_to_another_outlets_home_names_no_site() -> None:
    """`b.co.jp` is no sister of `a.co.jp`: the segment it labels stays in the headline."""
    headline = "防衛費増額、財源の議論先送り：政府・与党"
    html = f"""<html><head><title>{headline}</title></head><body>
<header><a href="https://www.seifu.co.jp/">政府・与党</a></header>
<main><p>{"".join(BODIES["ja"])}</p></main></body></html>"""
    assert found_title(html, "https://www.kyodo.co.jp/politics/2025-12-05/") == headline


def test_a_blog_on_a_shared_host_is_no_sister_of_another() -> None:
    """Two blogs on blogspot.com are registered apart (a private public suffix): the blogroll's
    link to another blog's home names that blog, not this one, so a headline segment spelling
    it stays."""
    headline = "Swapping books for a month - Slow Books"
    html = f"""<html lang="en"><head><title>{headline}</title></head><body>
<aside><a href="https://slowbooks.blogspot.com/">Slow Books</a></aside>
<main><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    url = "https://booknotes.blogspot.com/2025/12/swapping-books.html"
    assert found_title(html, url) == headline


def test_a_link_home_with_an_invalid_host_is_passed_over() -> None:
    headline = "Bundeswehr: Pistorius will 2026 mehr Soldaten einziehen"
    html = f"""<html><head><title>{headline} - DER SPIEGEL</title></head><body><header>
<a href="https://[ccpa-preferences]/">Do not sell</a><a href="/">DER SPIEGEL</a></header>
<main><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, "https://www.spiegel.de/politik/bundeswehr-a-1234.html") == headline


#: Templates with the headline in a heading other than an `<h1>` and labels no meta tag names
#: around it in the `<title>`: (url, language, `<title>`, heading markup, headline).
SHOWN_HEADING_TEMPLATES = [
    pytest.param(
        "https://www.hani.co.kr/arti/politics/assembly/1234567.html",
        "ko",
        "<title>{h} : 정치일반 : 정치 : 뉴스 : 한겨레</title>",
        '<h4><span class="title">{h}</span></h4>',
        "여야, 예산안 처리 합의 불발…본회의 연기",
        id="hani-chain-of-sections",
    ),
    pytest.param(
        "https://news.sina.com.cn/c/2025-12-05/doc-inhqwert1234567.shtml",
        "zh",
        "<title>{h}|法国|总统_新浪新闻</title>",
        '<div class="main-title">{h}</div>',
        "国家主席会见法国总统",
        id="sina-keywords-without-spaces",
    ),
    pytest.param(
        "https://www.hankookilbo.com/News/Read/A2025120514250001234",
        "ko",
        "<title>{h}-정치ㅣ한국일보</title>",
        '<h2 class="title">{h}</h2>',
        "여야, 예산안 처리 합의 불발…본회의 연기",
        id="hankook-bare-hyphen-section",
    ),
    pytest.param(
        "https://krimiblog.example.org/2025/12/ermittlungen.html",
        "en",
        "<title>Krimiblog: {h}</title>",
        '<h2 class="post-title" itemprop="headline">{h}</h2>',
        "Ottawa to raise defence spending by $8.1B as allies press for NATO target",
        id="blog-name-and-colon-before",
    ),
]


@pytest.mark.parametrize(("url", "lang", "head", "heading", "headline"), SHOWN_HEADING_TEMPLATES)
def test_the_heading_the_page_shows_picks_the_headline_out_of_the_title(
    url: str, lang: str, head: str, heading: str, headline: str
) -> None:
    html = f"""<html lang="{lang}"><head><meta charset="utf-8">{head.format(h=headline)}</head>
<body><header><a href="/news/">뉴스</a></header><main>{heading.format(h=headline)}
<p>{"".join(BODIES[lang])}</p></main></body></html>"""
    assert found_title(html, url) == headline


def test_a_short_heading_opening_the_title_does_not_cut_it() -> None:
    """The section's heading "Brexit" opens the title, but the rest is the story: kept."""
    title = "Brexit: the deal explained, clause by clause"
    html = f"""<html><head><title>{title}</title></head><body>
<div class="section-title">Brexit</div><main><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, "https://www.example.co.uk/brexit/deal-explained") == title


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        (
            "防衛費増額、財源の議論先送り（1/2ページ） - 産経ニュース",
            {"産経ニュース"},
            "防衛費増額、財源の議論先送り",
        ),
        (
            "防衛費増額、財源の議論先送り(2ページ目)：読売新聞",
            {"読売新聞"},
            "防衛費増額、財源の議論先送り",
        ),
        (
            "Army rally draws 40,000 (page 2) - Times of India",
            {"timesofindia"},
            "Army rally draws 40,000",
        ),
        (
            "LWN.net Weekly Edition for March 26, 2015 [LWN.net]",
            {"lwnnet"},
            "LWN.net Weekly Edition for March 26, 2015",
        ),
        # A count that is the headline's own, and a bracket that names no site, stay.
        (
            "Bill passes with a (2/3 majority) - Times of India",
            {"timesofindia"},
            "Bill passes with a (2/3 majority)",
        ),
        ("Talks resume [UPDATED] - Arab News", {"arabnews"}, "Talks resume [UPDATED]"),
    ],
)
def test_page_counts_and_bracketed_site_names_are_cut(
    title: str, names: set[str], expected: str
) -> None:
    assert strip_site_name(title, names) == expected


#: Templates that set one headline over two headings, the second going on in lower case;
#: og:title joins them (url, og:title, the headings' markup, the headline).
SPLIT_HEADLINES = [
    pytest.param(
        "https://www.homechef.com/meals/prosciutto-and-mushroom-carbonara",
        "Prosciutto and Mushroom Carbonara with Asiago and peas",
        '<header class="meal__header"><p class="tag">Meal Kit</p><span itemprop="name">'
        '<h1 class="h2 mb-0">Prosciutto and Mushroom Carbonara</h1>'
        '<h2 class="h5 mt-0">with Asiago and peas</h2></span></header>',
        "Prosciutto and Mushroom Carbonara with Asiago and peas",
        id="h1-then-h2",
    ),
    pytest.param(
        "https://www.donnahay.com.au/recipes/snacks-and-sides/smoky-eggplant-dip",
        "Smoky Eggplant Dip With Hand Cut Potato Chips | Donna Hay",
        '<div class="panel recipe-panel"><h1 class="recipe-title">baba ghanoush</h1>'
        '<h1>with hand-cut potato chips</h1><div class="section"></div></div>',
        # The page shows "baba ghanoush / with hand-cut potato chips": never the second half.
        "baba ghanoush with hand-cut potato chips",
        id="h1-then-h1",
    ),
    pytest.param(
        "https://www.defensenews.com/air/2025/12/05/air-force-picks-tanker/",
        "Air Force picks new tanker",
        "<h1>Air Force picks new tanker</h1><h2>The service will buy 75 aircraft by 2032.</h2>",
        # A standfirst opens in upper case: it is not part of the headline.
        "Air Force picks new tanker",
        id="standfirst-stays-apart",
    ),
]


@pytest.mark.parametrize(("url", "og", "headings", "headline"), SPLIT_HEADLINES)
def test_a_headline_set_over_two_headings(url: str, og: str, headings: str, headline: str) -> None:
    html = f"""<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="{og}"><title>{og}</title></head><body>
<header><a href="/"><img alt="Logo" src="/logo.svg"></a></header>
<main>{headings}<p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, url) == headline


@pytest.mark.parametrize(
    ("h1", "headline"),
    [
        (
            "20-Minute Chipotle Creamed Chicken Puts a Spicy Spin on Comfort Food"
            " by 30Seconds Food",
            "20-Minute Chipotle Creamed Chicken Puts a Spicy Spin on Comfort Food",
        ),
        # The byline is cut behind a headline that says "by" itself.
        (
            "Tanker hit by drone off Yemen coast by Jane Doe",
            "Tanker hit by drone off Yemen coast",
        ),
        # "by" inside the headline the metadata states whole stays.
        ("Tanker hit by drone off Yemen coast", "Tanker hit by drone off Yemen coast"),
    ],
)
def test_a_byline_behind_the_headline_in_the_h1_is_cut(h1: str, headline: str) -> None:
    """The `<h1>` carries "by <author or outlet>" behind the headline the JSON-LD states."""
    ld = {"@context": "https://schema.org", "@type": "Article", "headline": headline}
    html = f"""<html lang="en"><head><meta charset="utf-8">
<title>{headline} | 30Seconds Food</title>
<script type="application/ld+json">{json.dumps(ld)}</script></head><body>
<main><h1 class="tip-title">{h1}</h1><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, "https://30seconds.com/food/tip/15182/chipotle-chicken") == headline


def test_an_h1_closing_og_title_under_its_artist_is_the_headline() -> None:
    """og:title "Artist – Song" on a lyrics page whose `<h1>` is the song and whose `<h2>`
    links the artist: the headline is the song."""
    og = "Prince\xa0and the Revolution – Purple Rain"
    html = f"""<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="{og}"><meta property="og:site_name" content="Genius">
<title>Prince and the Revolution – Purple Rain Lyrics | Genius Lyrics</title></head><body>
<main><div class="header"><h1>Purple Rain</h1>
<h2><a href="https://genius.com/artists/Prince-and-the-revolution">Prince and the Revolution</a>
</h2></div><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    url = "https://genius.com/Prince-and-the-revolution-purple-rain-lyrics"
    assert found_title(html, url) == "Purple Rain"


def test_a_forum_name_closing_the_title_is_no_headline() -> None:
    """A forum's `<title>` "Post : forum" closes with the forum's name, which its `<h1>` holds;
    the post's title, shown above the post, stays the headline."""
    post = "Suspicious computer chip hidden inside stack of bills?"
    html = f"""<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="r/whatisthisthing - {post}">
<title>{post} : whatisthisthing</title></head><body>
<header><span><h1>whatisthisthing</h1></span></header>
<main><h3>{post}</h3><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    url = "https://www.reddit.com/r/whatisthisthing/comments/btaj4y/suspicious_computer_chip/"
    assert found_title(html, url) == post


def test_a_diarys_name_in_the_h1_opening_the_title_is_the_site() -> None:
    """takagi-hiromitsu.jp's diary: no meta tags, the diary's name as the page's `<h1>` (not
    linked home), the day's entry under an `<h3>` with a permalink mark, and a `<title>`
    "name - entry". The `<h1>` is the site's name; the entry is the headline."""
    name, entry = "高木浩光＠自宅の日記", "改正NICT法がプチ炎上、識別符号の理解が足りない"
    html = f"""<html lang="ja"><head><meta charset="utf-8"><title>{name} - {entry}</title>
</head><body><h1>{name}</h1><h2><span class="date"><a href="./20190211.html">2019年02月11日</a>
</span></h2><div class="section"><h3><a name="p01" href="./20190211.html#p01">
<span class="sanchor">■</span> </a>{entry}</h3><p>{"".join(BODIES["ja"])}</p></div>
<h2>最近のタイトル</h2></body></html>"""
    url = "http://takagi-hiromitsu.jp/diary/20190211.html"
    assert found_title(html, url) == entry
    # the same <h1> above a heading that is not the rest of the <title> stays the headline
    other = html.replace(f"</a>{entry}</h3>", "</a>別の話題</h3>")
    assert found_title(other, url) == name


def test_the_registered_domain_names_the_site() -> None:
    """receitas.ig.com.br is registered as ig.com.br: the "iG" closing its titles is the site."""
    headline = "Receita de Estrogonofe de cogumelos"
    html = f"""<html lang="pt-BR"><head><meta charset="utf-8">
<meta property="og:title" content="{headline} - iG"><title>{headline} - iG</title></head>
<body><main><h2>Estrogonofe de cogumelos</h2><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    url = "https://receitas.ig.com.br/estrogonofe-de-cogumelos/4e7b634e7bb4e2ad5c000054.html"
    assert found_title(html, url) == headline


def test_a_name_in_lower_case_opens_its_own_headline() -> None:
    """A name such as "iPhone" opening an `<h1>` after a kicker heading is the headline's
    first word, not the kicker's continuation."""
    headline = "iPhone sales fall in China as Huawei gains"
    html = f"""<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="{headline}"><title>{headline} - Reuters</title></head><body>
<main><h2 class="kicker">Technology</h2><h1>{headline}</h1>
<p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert (
        found_title(html, "https://www.reuters.com/technology/iphone-sales-2025-12-05/") == headline
    )


@pytest.mark.parametrize(
    ("url", "title", "headline"),
    [
        (
            "https://www.sheego.de/magazin/magic-cleaning/",
            "Magic Cleaning | sheego ♥ Magazin",
            "Magic Cleaning",
        ),
        (
            "https://wiki.python.org/moin/BeginnersGuide/Download",
            "BeginnersGuide/Download - Python Wiki",
            "BeginnersGuide/Download",
        ),
        (
            "https://blog.icontact.com/2025/12/email-deliverability/",
            "Email deliverability, explained - iContact Blog",
            "Email deliverability, explained",
        ),
    ],
)
def test_the_outlets_label_words_include_blog_magazine_and_wiki(
    url: str, title: str, headline: str
) -> None:
    """The outlet's name "sheego ♥ Magazin" names sheego.de and "Python Wiki" wiki.python.org:
    the name with the word its outlet puts beside it, as "CBC News" names cbc.ca."""
    html = f"""<html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><p>{" ".join(BODIES["en"])}</p></main></body></html>"""
    assert found_title(html, url) == headline


def test_an_h1_that_og_title_states_is_no_site_name() -> None:
    """Medium's `<title>` is "Headline - Publication", with the publication's name under an
    `<h2>` of the page: the `<h1>` opening the `<title>` is the headline, as og:title says."""
    headline, publication = "WTF? What’s The Future?", "From the WTF? Economy to the Next Economy"
    html = f"""<html lang="en"><head><meta charset="utf-8">
<meta property="og:title" content="{headline}"><title>{headline} - {publication}</title></head>
<body><article><h1>{headline}</h1><h1>My talk at the White House Frontiers Conference</h1>
<p>{" ".join(BODIES["en"])}</p></article><aside><h2>{publication}</h2></aside></body></html>"""
    url = "https://medium.com/the-wtf-economy/wtf-whats-the-future-e52ab9515573"
    assert found_title(html, url) == headline


def test_the_storys_own_h1_beats_its_og_title_in_a_list_of_related_stories() -> None:
    """abcnews.go.com: og:title is a shorter SEO headline, and the story's related-stories
    band and the page's news feed list the story itself under it, word for word, in `<h1>`s;
    the story's own `<h1>` is the headline the page shows."""
    headline = (
        "Only at-risk migrant children separated from families: "
        "Acting Homeland Security Secretary McAleenan"
    )
    seo = "Only at-risk migrant children separated from families: Homeland Security"
    story_url = "https://abcnews.go.com/Politics/family-separations/story?id=63236385"
    teasers = "".join(
        f'<li><figure class="feed-item-figure story"><div class="title"><h1>'
        f'<a href="{url}&amp;cid=clicksource_interest_band">{text}</a></h1></div></figure></li>'
        for url, text in (
            (
                "https://abcnews.go.com/Politics/arms-sale/story?id=63235000",
                "Trump admin bypassing Congress with $8 billion arms sale to Saudis, Emiratis",
            ),
            (story_url, seo),
        )
    )
    html = f"""<html lang="en"><head>
<title>Family separations occur one to three times a day: Acting Homeland Security Secretary
McAleenan - ABC News</title>
<meta property="og:title" content="{seo}"><meta name="twitter:title" content="{seo}">
<meta property="og:site_name" content="ABC News"></head><body>
<header><a href="https://abcnews.go.com/"><img alt="ABC News"></a>
<ul><li><h1>Sections</h1></li><li><h1>Shows</h1></li></ul></header>
<article class="article"><div class="container"><header class="article-header">
<h1>{headline}</h1></header>
{"".join(f"<p>{p}</p>" for p in BODIES["en"])}
<div class="interest-band"><ul>{teasers}</ul></div></div></article>
<section class="news-feed"><article class="news-feed-item"><div class="item-info-wrap">
<h1><a class="realStory" href="/Politics/family-separations/story?id=63236385">{seo}</a></h1>
</div></article></section></body></html>"""

    assert title_of(html, story_url) == headline


def test_an_og_title_that_is_the_urls_slug_gives_way_to_the_h1() -> None:
    """adac.de filled og:title with the page's slug; the <h1> is the headline."""
    headline = "18 Kindersitze im Test: Vier Modelle fallen durch"
    slug = "adac-kindersitztest-herbst-2018"
    html = article_page(
        lang="en",
        head=f"""<title>{slug} | ADAC</title>
<meta property="og:title" content="{slug}"><meta name="twitter:title" content="{slug}">""",
        headline=headline,
        logo="ADAC",
    )

    assert title_of(html, f"https://www.adac.de/rund-ums-fahrzeug/tests/{slug}/") == headline


@pytest.mark.parametrize(
    ("url", "site", "seo_title", "headline"),
    [
        (
            "https://breakingdefense.com/2025/12/senate-bill-adds-5-billion-for-shipbuilding/",
            "Breaking Defense",
            "Pentagon budget 2026: Congress and the Navy's fleet plan - Breaking Defense",
            "Senate bill adds $5 billion for shipbuilding",
        ),
        (
            "https://drinkoteket.se/recept/bahama-mama/",
            "Drinkoteket",
            "Bahama Mama Drink - Recept på goda drinkar - Drinkoteket",
            "Bahama Mama",
        ),
    ],
)
def test_h1_agreeing_with_a_second_og_title_is_the_headline(
    url: str, site: str, seo_title: str, headline: str
) -> None:
    """Templates running two SEO plugins state og:title twice, the SEO variant first and the
    headline as the `<h1>` shows it second: the `<h1>` agreeing with the second wins."""
    html = article_page(
        lang="en",
        head=f"""<title>{seo_title}</title>
<meta property="og:title" content="{seo_title}">
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{headline}">""",
        headline=headline,
        logo=site,
    )

    assert found_title(html, url) == headline


def test_entities_a_cms_escaped_twice_in_og_title_are_read() -> None:
    """Big News Network's pages escape og:title twice (`&amp;#039;`): the headline reads with
    its apostrophes, as the `<title>` and the page's heading show it."""
    headline = "Australian &#039;megablaze&#039; brought under control"
    html = f"""<!DOCTYPE html><html lang="en"><head><title>{headline}</title>
<meta property="og:title" content="{headline.replace("&", "&amp;")}" />
<meta property="og:site_name" content="Asia Pacific Star" /></head><body>
<div id="header"><a href="/"><img src="/logo.gif" alt="Asia Pacific Star"></a></div>
<div class="story"><h2>{headline}</h2><p>{" ".join(BODIES["en"])}</p></div></body></html>"""
    url = "http://www.asiapacificstar.com/news/263700449/australian-megablaze-brought-under-control"

    assert found_title(html, url) == "Australian 'megablaze' brought under control"


def test_h1_opening_the_title_before_the_sites_name_is_the_headline_not_a_blog_name() -> None:
    """WordPress themes (MH Magazine) title a post "Headline - Site", show the site's name as
    a sidebar widget's heading and the headline in the `<h1>`: the `<h1>` opening the `<title>`
    is not a diary's name there, as og:site_name says the rest is the site's, even when the
    headline is the shorter."""
    headline = "Fregatte F126 getauft"
    site = "Marinenachrichten Nordsee"
    html = f"""<!DOCTYPE html><html lang="de"><head><title>{headline} - {site}</title>
<meta property="og:title" content="{headline} - {site}">
<meta property="og:site_name" content="{site}"></head><body>
<header class="mh-header"><a href="https://marinenachrichten-nordsee.de/"><img
src="/logo.png" alt="{site}"></a></header>
<div class="mh-content"><article><h1 class="entry-title">
  {headline}   </h1><p class="mh-meta entry-meta">5. Dezember 2025</p>
<div class="entry-content"><p>{" ".join(BODIES["en"])}</p></div></article></div>
<aside class="mh-sidebar"><div class="mh-widget widget_text">
<h4 class="mh-widget-title">{site}</h4><div class="textwidget"><p>Nachrichten von der
Küste seit 2009.</p></div></div></aside></body></html>"""
    url = "https://marinenachrichten-nordsee.de/2025/12/fregatte-f126-in-dienst/"

    assert found_title(html, url) == headline


def test_og_title_a_script_left_as_null_is_no_title() -> None:
    """abcnews.go.com printed `og:title` "null" where its script had no value: the `<title>`
    (less the site's name) is the page's title then."""
    headline = "White House intends to block former counsel from congressional testimony"
    html = f"""<!DOCTYPE html><html lang="en"><head><title>{headline} - ABC News</title>
<meta property="og:title" content="null"><meta property="og:site_name" content="ABC News">
</head><body><header><a href="https://abcnews.go.com/"><img alt="ABC News"></a></header>
<main><div class="story"><p>{" ".join(BODIES["en"])}</p></div></main></body></html>"""
    url = "https://abcnews.go.com/Politics/white-house-block-counsel-testimony/story?id=63079581"

    assert found_title(html, url) == headline


def test_separator_left_behind_an_empty_site_name_is_cut() -> None:
    """A template that prints the site's name empty leaves its separator at the title's end
    (`<title>Über André Loibl |</title>`, og:title empty): the title ends with the headline."""
    html = f"""<!DOCTYPE html><html lang="de"><head><title>Über André Loibl |</title>
<meta property="og:title" content=""></head><body>
<div class="content"><p>{" ".join(BODIES["en"])}</p></div></body></html>"""

    assert found_title(html, "https://changenow.de/ueber-andre-loibl/") == "Über André Loibl"


def test_french_closing_guillemet_is_not_a_separator_left_behind() -> None:
    """French sets a space before the closing "»" of a quoted headline: it stays."""
    headline = "« Les privatisations sont au profit d’intérêts privés »"
    html = f"""<!DOCTYPE html><html lang="fr"><head><title>{headline}</title></head><body>
<div class="content"><p>{" ".join(BODIES["en"])}</p></div></body></html>"""

    assert found_title(html, "https://france.attac.org/nos-publications/privatisations") == headline
