"""The newsroom in a real browser: an author drafts and submits, a translator translates, an editor publishes."""

import pytest
from django.core.management import call_command

from archive.models import Article
from publishing.models import Status
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def open_as(browser, live_server, transactional_db):
    """open_as(role) -> a logged-in browser tab for a new user in that role."""
    call_command("setup_roles", verbosity=0)
    contexts = []

    def login(role):
        user = make_user(role, username=role.lower())
        context = browser.new_context(base_url=live_server.url)
        contexts.append(context)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.goto("/en/admin/login/")
        tab.fill("#id_username", user.username)
        tab.fill("#id_password", PASSWORD)
        tab.click("input[type=submit]")
        tab.wait_for_selector("#user-tools")
        return tab

    yield login
    for context in contexts:
        context.close()


def test_an_article_goes_from_draft_to_the_public_page(open_as, page):
    # The author writes a draft in English and submits it for review.
    author = open_as("Author")
    author.goto("/en/admin/archive/article/add/")
    author.fill("#id_title_en", "Wreaths laid at the memorial in Astana")
    author.press("#id_title_en", "Tab")
    assert author.input_value("#id_slug") == "wreaths-laid-at-the-memorial-in-astana"  # filled from the title
    author.fill("#id_lead_en", "According to the embassy, wreaths were laid at the memorial.")
    author.fill("#id_body_en", "Diplomats and students attended, the embassy said.")
    author.select_option("#id_original_language", "en")
    author.fill("#id_original_text", "Wreaths were laid at the memorial. Diplomats and students attended.")
    author.fill("#id_published_on", "2025-02-26")
    author.click("input[name=_continue]")
    author.get_by_role("link", name="Submit for review").click()
    author.fill("#id_comment", "Ready for translation.")
    author.get_by_role("button", name="Submit for review").click()
    assert "In review" in author.locator(".wf-status").inner_text()
    article = Article.objects.get(slug="wreaths-laid-at-the-memorial-in-astana")
    assert article.status == Status.IN_REVIEW

    # The translator fills the Russian tab; the English fields are not editable for them.
    translator = open_as("Translator")
    translator.goto(f"/en/admin/archive/article/{article.pk}/change/")
    assert translator.locator("#id_title_en").count() == 0
    for name, text in [
        ("title", "Возложены венки к мемориалу в Астане"),
        ("lead", "По сообщению посольства, к мемориалу были возложены венки."),
        ("body", "Присутствовали дипломаты и студенты, сообщило посольство."),
    ]:
        tab = translator.locator(f'a[href="#tab_id_{name}_ru"]')
        if tab.count():  # a tab only where both languages are shown as fields
            tab.click()
        translator.fill(f"#id_{name}_ru", text)
    translator.select_option("#id_translation_status", "translated")
    translator.click("input[name=_continue]")
    assert "was changed successfully" in translator.locator(".messagelist .success").inner_text()

    # The editor approves and publishes.
    editor = open_as("Editor")
    editor.goto(f"/en/admin/archive/article/{article.pk}/change/")
    assert editor.locator(".wf-problems").count() == 0
    editor.get_by_role("link", name="Approve and publish").click()
    editor.get_by_role("button", name="Approve and publish").click()
    assert "Published" in editor.locator(".wf-status").inner_text()

    # Visitors now see it, in both languages.
    page.goto("/en/articles/wreaths-laid-at-the-memorial-in-astana/")
    assert page.locator("h1").inner_text() == "Wreaths laid at the memorial in Astana"
    page.goto("/ru/articles/wreaths-laid-at-the-memorial-in-astana/")
    assert page.locator("h1").inner_text() == "Возложены венки к мемориалу в Астане"
