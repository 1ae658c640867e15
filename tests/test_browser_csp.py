"""The site's Content-Security-Policy (`style-src 'self'`, no inline script or style) in a real browser: no page of
the admin or of the public site makes chromium refuse a style or script, and the admin's own styles still apply."""

import pytest
from django.contrib.auth.models import User

from archive.models import Article
from gallery.models import EventImage
from publishing.models import Status
from tests.factories import make_article, make_event, make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests-only"
ARTICLE = "report-2026-02-26-embassy-in-kazakhstan"

PUBLIC_PAGE_TYPES = [
    "/",
    "/articles/",
    f"/articles/{ARTICLE}/",
    "/events/",
    "/events/?country=RU&year=2025",
    "/events/embassy-in-kazakhstan-2025/",
    "/people/",
    "/people/aghalar-atamoghlanov/",
    "/venues/",
    "/venues/embassy-of-azerbaijan-in-kazakhstan/",
    "/organizations/",
    "/organizations/news-az/",
    "/figures/",
    "/figures/countries-resolutions/",
    "/timeline/",
    "/search/?q=Khojaly",
    "/search/?q=Ходжалинский",
    "/api/",
    "/no-such-page/",
]


class ConsoleWatch:
    """Collects, per page address, what chromium says about refused content and any uncaught script error."""

    def __init__(self, tab):
        self.tab = tab
        self.problems = []
        tab.on("console", self._console)
        tab.on("pageerror", lambda error: self.problems.append(f"{tab.url}: uncaught {error}"))

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Refused to" in text:
            self.problems.append(f"{self.tab.url}: {text}")

    def open(self, url):
        response = self.tab.goto(url)
        self.tab.wait_for_load_state("load")
        return response

    def expect_style(self, selector, prop, value):
        """Notes it as a problem when the first element matching selector does not have that computed style."""
        element = self.tab.locator(selector).first
        if not element.count():
            self.problems.append(f"{self.tab.url}: nothing matches {selector}")
            return
        found = element.evaluate(f"el => getComputedStyle(el).getPropertyValue({prop!r})")
        if found != value:
            self.problems.append(f"{self.tab.url}: {selector} has {prop}: {found}, not {value}")


@pytest.fixture
def watched_tab(live_archive, browser, live_server):
    """One browser tab, shared by every page the test opens, with its console watched."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield ConsoleWatch(tab)
    context.close()


def test_admin_pages_keep_their_styles_under_the_policy(watched_tab, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    User.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    draft = make_article(status=Status.DRAFT, title_en="Russian missing", title_ru="", body_ru="")
    photographed = EventImage.objects.create(event=make_event(), image=make_image())
    article = Article.objects.get(slug=ARTICLE)
    watch, tab = watched_tab, watched_tab.tab

    watch.open("/en/admin/login/")
    tab.fill("#id_username", "chief")
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.wait_for_selector("#user-tools")

    # The change list marks a missing translation in the admin's error colour.
    watch.open("/en/admin/archive/article/")
    watch.expect_style(".wf-missing", "color", "rgb(186, 33, 33)")

    # The change form's workflow panel; two saves make two versions to compare.
    watch.open(f"/en/admin/archive/article/{article.pk}/change/")
    watch.expect_style(".wf-panel .wf-status", "font-weight", "700")
    # A report's long title keeps clear of the preview, history and "view on site" buttons.
    title = tab.locator("#content h2").first.bounding_box()
    tools = tab.locator("#content-main > .object-tools").first.bounding_box()
    if tools["y"] < title["y"] + title["height"]:
        watch.problems.append(f"{tab.url}: the object tools cover the item's title")
    tab.click("input[name=_continue]")
    tab.fill("#id_title_en", article.title_en + " (revised)")
    tab.click("input[name=_continue]")
    assert "was changed successfully" in tab.locator(".messagelist .success").inner_text()

    # The history compares the two: the added word highlighted in green.
    watch.open(f"/en/admin/archive/article/{article.pk}/history/")
    tab.click("input[type=submit]")
    tab.wait_for_selector(".wf-compare")
    assert "(revised)" in tab.locator(".wf-compare ins").first.inner_text()
    watch.expect_style(".wf-compare ins", "background-color", "rgb(221, 255, 221)")
    watch.expect_style(".wf-compare ins", "text-decoration-line", "none")

    # The preview of a draft: the public page under a yellow banner.
    for language in ("en", "ru"):
        watch.open(f"/en/admin/archive/article/{draft.pk}/preview/{language}/")
        watch.expect_style(".wf-preview-banner", "background-color", "rgb(255, 243, 205)")

    # The image library's thumbnails are cropped, not squeezed.
    watch.open("/en/admin/gallery/image/")
    watch.expect_style("#result_list img.gallery-thumbnail", "object-fit", "cover")
    watch.open(f"/en/admin/gallery/image/{photographed.image_id}/change/")
    watch.expect_style("img.gallery-thumbnail", "object-fit", "cover")
    watch.open(f"/ru/admin/events/event/{photographed.event_id}/change/")
    watch.expect_style(".inline-group img.gallery-thumbnail", "object-fit", "cover")
    watch.expect_style(".wf-panel .wf-status", "font-weight", "700")
    for url in ("/ru/admin/events/event/", "/ru/admin/events/event/add/", "/ru/admin/archive/article/add/"):
        watch.open(url)

    assert not watch.problems, "\n".join(watch.problems)


def test_every_public_page_type_is_within_the_policy(watched_tab):
    for language in ("en", "ru"):
        for path in PUBLIC_PAGE_TYPES:
            watched_tab.open(f"/{language}{path}")
    assert not watched_tab.problems, "\n".join(watched_tab.problems)
