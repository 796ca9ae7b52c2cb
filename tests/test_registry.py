"""The registry is validated before any request, and errors point at the file, line, outlet, key."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.registry import KINDS, RegistryError, UnknownOutletError, load_registry

GOOD = """\
[[outlet]]
slug = "harbour_post"
name = "The Harbour Post"
domains = ["harbourpost.example", "127.0.0.1:8123"]
country = "GB"
language = "en"
kind = "newspaper"
feeds = ["https://harbourpost.example/feed/"]
sitemaps = ["https://harbourpost.example/news-sitemap.xml"]
exclude = ["/live/", "/video/"]

[[outlet]]
slug = "gulf_courier"
name = "Gulf Courier"
domains = ["gulfcourier.example"]
language = "ar"
kind = "specialist_defence"
feeds = ["https://www.gulfcourier.example/rss.xml"]
include = ["/20[0-9]{2}/"]
enabled = false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_registry_loads_every_outlet_with_its_keys(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    harbour, gulf = registry.outlets
    assert harbour.slug == "harbour_post"
    assert harbour.domains == ("harbourpost.example", "127.0.0.1:8123")
    assert harbour.country == "GB"
    assert gulf.country is None
    assert gulf.enabled is False
    assert harbour.allow_private_network is False


def test_select_gives_enabled_outlets_by_default_and_named_ones_on_request(
    tmp_path: Path,
) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    assert [o.slug for o in registry.select()] == ["harbour_post"]
    assert [o.slug for o in registry.select(["gulf_courier"])] == ["gulf_courier"]
    with pytest.raises(UnknownOutletError, match=r"nope in .*: gulf_courier, harbour_post"):
        registry.select(["nope"])


def test_urls_belong_to_an_outlet_by_domain_subdomain_or_exact_host_and_port(
    tmp_path: Path,
) -> None:
    harbour, gulf = load_registry(write(tmp_path, GOOD)).outlets
    assert harbour.owns_url("https://harbourpost.example/world/story")
    assert harbour.owns_url("https://www.harbourpost.example/world/story")
    assert not harbour.owns_url("https://notharbourpost.example/world/story")
    assert harbour.owns_url("http://127.0.0.1:8123/x")
    assert not harbour.owns_url("http://127.0.0.1:8124/x")
    assert not harbour.owns_url("http://127.0.0.1/x")
    assert harbour.wants_url("https://harbourpost.example/world/story")
    assert not harbour.wants_url("https://harbourpost.example/live/blog")
    assert gulf.wants_url("https://gulfcourier.example/2024/05/story")
    assert not gulf.wants_url("https://gulfcourier.example/about")


@pytest.mark.parametrize(
    ("change", "key", "message"),
    [
        (('kind = "newspaper"', 'kind = "tabloid"'), "kind", "not one of"),
        (('country = "GB"', 'country = "UK"'), "country", "ISO 3166-1"),
        (('language = "en"', 'language = "english"'), "language", "ISO 639-1"),
        (('exclude = ["/live/", "/video/"]', 'exclude = ["(unclosed"]'), "exclude", "regular"),
        (
            ('feeds = ["https://harbourpost.example/feed/"]', 'feeds = ["ftp://h.example/f"]'),
            "feeds",
            "http(s) URL",
        ),
        (('country = "GB"', 'country = "GB"\ncolour = "blue"'), "colour", "unknown key"),
        (('name = "The Harbour Post"\n', ""), "name", "is required"),
        (
            ('domains = ["harbourpost.example", "127.0.0.1:8123"]', "domains = []"),
            "domains",
            "empty",
        ),
        (
            ('exclude = ["/live/", "/video/"]', 'disabled_sources = ["https://other.example/rss"]'),
            "disabled_sources",
            "not one of the outlet's feeds or sitemaps",
        ),
        (('country = "GB"', 'country = "GB"\nhorizon_days = 0'), "horizon_days", "at least 1"),
        (('country = "GB"', 'country = "GB"\ndownload_delay = -1'), "download_delay", "seconds"),
        (('country = "GB"', 'country = "GB"\ndownload_delay = "2s"'), "download_delay", "0 to"),
        (('country = "GB"', 'country = "GB"\ndownload_delay = 600'), "download_delay", "to 120"),
        (('country = "GB"', 'country = "GB"\nconcurrency = 0'), "concurrency", "1 to 16"),
        (('country = "GB"', 'country = "GB"\nconcurrency = 1.5'), "concurrency", "whole number"),
        (('country = "GB"', 'country = "GB"\nconcurrency = true'), "concurrency", "whole number"),
        (('kind = "newspaper"', 'kind = "ministry"'), "kind", "government"),
        (('country = "GB"', 'country = "GB"\ntimezone = "Europe/Londres"'), "timezone", "IANA"),
        (('country = "GB"', 'country = "GB"\ntimezone = "+01:00"'), "timezone", "IANA"),
        (('country = "GB"', 'country = "GB"\ntimezone = "../etc/passwd"'), "timezone", "IANA"),
        (('country = "GB"', 'country = "GB"\nbody_selector = "div["'), "body_selector", "CSS"),
        (('country = "GB"', 'country = "GB"\ntitle_selector = "h1 >"'), "title_selector", "CSS"),
        (('country = "GB"', 'country = "GB"\ndate_selector = 3'), "date_selector", "string"),
        (
            ('country = "GB"', 'country = "GB"\nexclude_selectors = [".ok", "p::"]'),
            "exclude_selectors",
            "'p::' is not a CSS selector",
        ),
    ],
)
def test_each_bad_value_is_reported_with_file_line_outlet_and_key(
    tmp_path: Path, change: tuple[str, str], key: str, message: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    report = str(caught.value)
    assert str(path) in report
    [problem] = caught.value.problems
    assert "outlet 'harbour_post'" in problem
    assert f"key {key!r}" in problem
    assert message in problem
    line = int(problem.split("line ", 1)[1].split(",", 1)[0])
    assert 1 <= line <= 10  # inside the first [[outlet]] table


def test_duplicate_slugs_and_several_problems_are_reported_together(tmp_path: Path) -> None:
    text = GOOD.replace('slug = "gulf_courier"', 'slug = "harbour_post"').replace(
        'kind = "specialist_defence"', 'kind = "blog"'
    )
    text += '\n[[outlet]]\nname = "No Slug"\ndomains = ["x.example"]\nlanguage = "en"\n'
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text))
    problems = caught.value.problems
    assert any("'blog' is not one of" in p for p in problems)
    assert any("outlet #3" in p and "key 'slug'" in p for p in problems)
    assert any("needs at least one of feeds" in p for p in problems)
    # the duplicate is reported only once the second entry is otherwise valid
    text = GOOD.replace('slug = "gulf_courier"', 'slug = "harbour_post"')
    with pytest.raises(RegistryError, match="duplicate slug 'harbour_post'"):
        load_registry(write(tmp_path, text))


def test_toml_syntax_errors_name_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n[[outlet]\nslug = ")
    with pytest.raises(RegistryError, match="not valid TOML") as caught:
        load_registry(path)
    assert str(path) in str(caught.value)


def test_the_shipped_registry_is_valid_and_lists_real_outlets_of_every_kind() -> None:
    registry = load_registry()
    assert len(registry.outlets) >= 25
    slugs = [o.slug for o in registry.outlets]
    assert len(set(slugs)) == len(slugs)
    assert {o.kind for o in registry.outlets} == set(KINDS)
    for outlet in registry.outlets:
        # something a normal (hourly) run reads: an outlet with only archive sitemaps would be
        # left out of every normal run, silent for good (the operator's finding on `voa`)
        read_every_run = [*outlet.feeds, *outlet.sitemaps, *outlet.listing_pages]
        assert read_every_run, outlet.slug
        for url in read_every_run:
            assert outlet.owns_url(url), (outlet.slug, url)
        assert not outlet.allow_private_network
    # Ministries that publish no feed (China, Iran, Russia, Japan, Türkiye) are read from their
    # press-release indexes, politely.
    by_listing = [o for o in registry.outlets if o.listing_pages and not o.feeds]
    assert {o.country for o in by_listing} >= {"CN", "IR", "RU", "JP", "TR"}
    for outlet in by_listing:
        assert outlet.kind in ("government", "international_organisation"), outlet.slug
        assert outlet.concurrency == 1 and (outlet.download_delay or 0) >= 2, outlet.slug
    # whole-archive indexes stay out of the default crawl
    bbc = next(o for o in registry.outlets if o.slug == "bbc")
    assert all("archive" not in url for url in bbc.sitemaps)
    assert any("archive" in url for url in bbc.archive_sitemaps)


@pytest.mark.parametrize("code", ["EU", "UN", "ZZ", "XK"])
def test_region_codes_that_are_not_iso_countries_are_refused(tmp_path: Path, code: str) -> None:
    # Babel's CLDR territory list has these; ISO 3166-1 does not assign them to a country.
    path = write(tmp_path, GOOD.replace('country = "GB"', f'country = "{code}"'))
    with pytest.raises(RegistryError, match=r"key 'country'.*ISO 3166-1"):
        load_registry(path)


def test_a_url_on_a_shared_site_belongs_to_the_outlet_whose_rules_accept_it(
    tmp_path: Path,
) -> None:
    shared = GOOD.replace('domains = ["gulfcourier.example"]', 'domains = ["harbourpost.example"]')
    registry = load_registry(write(tmp_path, shared))
    # harbour_post excludes /live/, gulf_courier includes /20xx/: the second outlet wins.
    by_rules = registry.outlet_for_url("https://harbourpost.example/live/2024/05/story")
    assert by_rules is not None and by_rules.slug == "gulf_courier"
    # Neither wants a video page; it is still on their site, and the first owner has it.
    first_owner = registry.outlet_for_url("https://www.harbourpost.example/video/clip")
    assert first_owner is not None and first_owner.slug == "harbour_post"
    assert registry.outlet_for_url("https://elsewhere.example/2024/05/story") is None


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.aa.com.tr/en/world/iran-china-talks/3211111", "anadolu"),
        ("https://www.aa.com.tr/tr/dunya/iran-cin-gorusmesi/3211112", "anadolu_tr"),
        ("https://www.pravda.com.ua/eng/news/2024/07/10/7465001/", "ukrainska_pravda_en"),
        ("https://www.pravda.com.ua/news/2024/07/10/7465002/", "ukrainska_pravda"),
        ("https://en.mehrnews.com/news/218001/Iran-navy-drill", "mehr"),
        ("https://www.mehrnews.com/news/6150001/", "mehr_fa"),
    ],
)
def test_shipped_outlets_that_share_a_site_split_it_by_language(url: str, slug: str) -> None:
    registry = load_registry()
    outlet = registry.outlet_for_url(url)
    assert outlet is not None and outlet.slug == slug
    assert outlet.wants_url(url)
    assert [o.slug for o in registry.outlets if o.wants_url(url)] == [slug]


def test_the_shipped_pravda_outlet_leaves_english_and_russian_articles_to_others() -> None:
    pravda = next(o for o in load_registry().outlets if o.slug == "ukrainska_pravda")
    assert not pravda.wants_url("https://www.pravda.com.ua/eng/news/2024/07/10/7465001/")
    assert not pravda.wants_url("https://www.pravda.com.ua/rus/news/2024/07/10/7465003/")


def test_disabled_sources_and_horizon_are_read(tmp_path: Path) -> None:
    text = GOOD.replace(
        'exclude = ["/live/", "/video/"]',
        'disabled_sources = ["https://harbourpost.example/feed/"]\nhorizon_days = 14',
    )
    harbour = load_registry(write(tmp_path, text)).outlets[0]
    assert harbour.disabled_sources == ("https://harbourpost.example/feed/",)
    assert harbour.horizon_days == 14
    assert harbour.active(harbour.feeds) == ()
    assert harbour.active(harbour.sitemaps) == harbour.sitemaps


def test_timezone_is_read_as_an_iana_name(tmp_path: Path) -> None:
    text = GOOD.replace('country = "GB"', 'country = "GB"\ntimezone = "Europe/London"', 1)
    harbour, courier = load_registry(write(tmp_path, text)).outlets

    assert harbour.timezone == "Europe/London"
    assert courier.timezone is None


def test_politeness_keys_are_read_and_give_the_outlet_a_download_slot(tmp_path: Path) -> None:
    text = GOOD.replace(
        'kind = "newspaper"', 'kind = "government"\ndownload_delay = 3\nconcurrency = 1'
    ).replace('kind = "specialist_defence"', 'kind = "international_organisation"')
    harbour, gulf = load_registry(write(tmp_path, text)).outlets
    assert (harbour.kind, harbour.download_delay, harbour.concurrency) == ("government", 3.0, 1)
    assert harbour.download_slot == "outlet:harbour_post"
    assert gulf.kind == "international_organisation"
    assert (gulf.download_delay, gulf.concurrency, gulf.download_slot) == (None, None, None)


def test_the_shipped_registry_covers_the_regions_languages_and_official_sources() -> None:
    outlets = load_registry().outlets
    languages = {outlet.language for outlet in outlets}
    official = [o for o in outlets if o.kind in ("government", "international_organisation")]
    assert len(outlets) >= 150
    assert sum(outlet.language != "en" for outlet in outlets) >= 0.4 * len(outlets)
    assert len(languages) >= 12
    assert {"fa", "ar", "zh", "ru", "tr", "hi", "ko", "ja"} <= languages
    assert len(official) >= 20
    # Official sites get a slot of their own, one request at a time.
    assert all(o.concurrency == 1 and o.download_slot for o in official)
