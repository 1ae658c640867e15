"""The article and event pages show published content only."""

import pytest

from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_published_article_page_opens_in_each_language(archive, client, language):
    response = client.get(f"/{language}/articles/report-2026-02-26-embassy-in-kazakhstan/")
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_a_published_event_page_shows_its_venue(archive, client):
    html = client.get("/ru/events/embassy-in-kazakhstan-2026/").content.decode()
    assert "Посольство Азербайджана в Казахстане" in html


@pytest.mark.parametrize("status", ["draft", "in_review", "withdrawn"])
def test_unpublished_articles_and_events_are_404_for_visitors(client, status):
    article = make_article(status=status)
    event = make_event(status=status)
    assert client.get(f"/en/articles/{article.slug}/").status_code == 404
    assert client.get(f"/en/events/{event.slug}/").status_code == 404
