"""The map and the charts in a real browser, in both languages, light and dark, wide and on a 390 px phone: axe finds
nothing, chromium reports no Content-Security-Policy violation, and no request leaves this machine."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = [
    "/en/map/",
    "/ru/map/",
    "/en/map/?year=2025&occasion=khojaly-1992",
    "/en/charts/",
    "/ru/charts/",
    "/ru/timeline/",
    "/en/",
    "/ru/venues/krasnoyarsk-territory/",
    "/en/events/vladivostok-2025/",
    "/en/figures/countries-resolutions/",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}  # the live server's address, however the test server names it


class Watched:
    """A tab that refuses (and remembers) any request to another host, and remembers what the console refuses."""

    def __init__(self, context):
        self.problems = []
        context.route("**/*", self._route)
        self.tab = context.new_page()
        self.tab.set_default_timeout(10_000)
        self.tab.on("console", self._console)
        self.tab.on("pageerror", lambda error: self.problems.append(f"uncaught {error}"))

    def _route(self, route):
        host = urlsplit(route.request.url).hostname
        if host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def _console(self, message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.problems.append(f"{self.tab.url}: {message.text}")


@pytest.fixture(params=[("light", 1280), ("dark", 390)], ids=["light-wide", "dark-phone"])
def watched(request, browser, live_server):
    scheme, width = request.param
    context = browser.new_context(
        base_url=live_server.url, color_scheme=scheme, viewport={"width": width, "height": 900}
    )
    yield Watched(context)
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_axe_finds_nothing_and_nothing_is_refused_or_sent_elsewhere(live_archive, watched, url):
    response = watched.tab.goto(url)
    watched.tab.wait_for_load_state("load")
    assert response.status == 200
    violations = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(watched.tab).response["violations"]
    ]
    assert violations == []
    assert watched.problems == []


def test_the_map_and_charts_fit_a_phone_without_sideways_scrolling(live_archive, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    for url in ("/ru/map/", "/ru/charts/"):
        tab.goto(url)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, url
        svg = tab.locator("svg.world-map, svg.chart-svg").first.bounding_box()
        assert 300 <= svg["width"] <= 390, url
    context.close()


def test_a_visitor_filters_the_map_by_year_and_follows_a_point_to_its_venue(live_archive, page):
    page.goto("/en/map/")
    assert page.locator("svg.world-map a.place").count() == 5
    page.get_by_label("Year").select_option("2024")
    page.get_by_role("button", name="Apply").click()
    assert "year=2024" in page.url
    assert page.locator("svg.world-map a.place").count() == 1
    page.get_by_role("link", name="National Library of Pakistan: 1 event, placed at the city's centre").click()
    assert page.url.endswith("/en/venues/national-library-of-pakistan/")
    assert page.locator("figure.locator svg").count() == 1


def test_a_chart_point_is_a_link_a_keyboard_reaches(live_archive, page):
    page.goto("/en/figures/countries-resolutions/")
    dot = page.locator(".figure-chart svg a").first
    dot.focus()
    assert page.evaluate("document.activeElement.tagName.toLowerCase()") == "a"
    dot.press("Enter")
    assert "/en/articles/" in page.url
