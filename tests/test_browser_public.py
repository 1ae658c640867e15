"""A visitor in a real browser: switching language, filtering events, searching, opening an article,
and axe-core finding no serious or critical accessibility violation on any page type."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "/en/",
    "/ru/events/",
    "/en/events/?country=RU&year=2025",
    "/en/events/embassy-in-kazakhstan-2025/",
    "/ru/articles/",
    "/en/articles/report-2026-02-26-embassy-in-kazakhstan/",
    "/ru/people/",
    "/en/people/aghalar-atamoghlanov/",
    "/en/venues/",
    "/ru/venues/embassy-of-azerbaijan-in-kazakhstan/",
    "/en/organizations/",
    "/ru/organizations/news-az/",
    "/ru/timeline/",
    "/en/figures/",
    "/ru/figures/countries-resolutions/",
    "/ru/search/?q=Ходжалинский",
    "/en/api/",
    "/ru/api/",
    "/en/no-such-page/",
]


def test_a_visitor_switches_language_and_stays_on_the_same_page(live_archive, page):
    page.goto("/en/events/embassy-in-kazakhstan-2025/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    assert page.url.endswith("/ru/events/embassy-in-kazakhstan-2025/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "посольстве Азербайджана в Казахстане" in page.locator("h1").inner_text()
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    assert page.url.endswith("/en/events/embassy-in-kazakhstan-2025/")


def test_a_visitor_filters_events_and_can_share_the_address(live_archive, page):
    page.goto("/en/events/")
    page.get_by_label("Country").select_option("RU")
    page.get_by_label("Year").select_option("2025")
    page.get_by_role("button", name="Apply").click()
    assert "country=RU" in page.url and "year=2025" in page.url
    titles = page.locator(".results .item-title").all_inner_texts()
    assert len(titles) == 3
    assert all("33rd anniversary" in title for title in titles)
    shared = page.url
    page.goto(shared.replace("/en/", "/ru/"))
    assert page.locator(".results .item-title").count() == 3


def test_a_visitor_searches_in_russian_and_sees_word_forms_highlighted(live_archive, page):
    page.goto("/ru/")
    page.get_by_label("Поиск по архиву").fill("Ходжалинский")
    page.get_by_label("Поиск по архиву").press("Enter")
    assert page.locator("h1").inner_text() == "Найти"
    marks = page.locator(".search-results mark").all_inner_texts()
    assert "Ходжалинского" in marks and "Ходжалинской" in marks


def test_a_visitor_opens_an_article_from_the_list_and_reaches_its_original(live_archive, page):
    page.goto("/en/articles/")
    page.get_by_role("link", name="Victims of the Khojaly tragedy commemorated").first.click()
    assert page.locator("h1").inner_text().startswith("Victims of the Khojaly tragedy")
    assert "the archive's translation" in page.locator(".translation-mark").inner_text()
    page.get_by_role("link", name="Read this page in the original language").click()
    assert page.url.endswith("/ru/articles/report-2026-02-26-embassy-in-kazakhstan/")
    assert page.locator(".translation-mark").count() == 0


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_axe_finds_no_serious_or_critical_violation(live_archive, page, url):
    page.goto(url)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_skip_link_becomes_visible_and_moves_focus_to_the_content(live_archive, page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["x"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
