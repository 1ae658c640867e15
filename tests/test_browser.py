"""A visitor in a real browser (Debian's chromium through Playwright)."""

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_opens_an_article_from_the_home_page(live_archive, page):
    page.goto("/en/")
    page.get_by_role("link", name="Victims of the Khojaly tragedy commemorated").click()
    assert page.locator("h1").inner_text().startswith("Victims of the Khojaly tragedy")
    assert "Report" in page.locator(".meta").inner_text()
