"""The detail views decide visibility only in get_queryset, so a staff preview can subclass them."""

import pytest
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from archive.models import Article
from archive.views import ArticleDetailView
from events.models import Event
from events.views import EventDetailView
from tests.factories import make_article, make_event, make_figure, make_participation, make_report

pytestmark = pytest.mark.django_db


class ArticlePreview(ArticleDetailView):
    def get_queryset(self):
        return Article.objects.all()


class EventPreview(EventDetailView):
    def get_queryset(self):
        return Event.objects.all()


def render(view, slug, public_url=None):
    request = RequestFactory().get(f"/en/x/{slug}/")
    if public_url:
        # What the admin's preview does: the page sees the public URL it will have.
        request.resolver_match = resolve(public_url)
    with translation.override("en"):
        response = view.as_view()(request, slug=slug)
        response.render()
    return response.content.decode()


def test_a_subclass_can_preview_a_draft_article_with_its_own_figures(client):
    draft = make_article(slug="draft-report", title_en="Draft report", status="draft")
    make_figure(draft, value=4242, passage="4242 people")
    assert client.get("/en/articles/draft-report/").status_code == 404
    html = render(ArticlePreview, "draft-report")
    assert "Draft report" in html and "4,242" in html


def test_a_subclass_can_preview_a_draft_event_but_its_lists_stay_public_only(client):
    draft = make_event(slug="draft-event", title_en="Draft event", status="draft")
    make_report(draft, make_article(slug="public-report"))
    hidden = make_article(slug="hidden-report", status="in_review")
    make_report(draft, hidden)
    make_participation(draft, hidden)
    html = render(EventPreview, "draft-event")
    assert "Draft event" in html and "public-report" in html
    assert "hidden-report" not in html


def test_a_preview_links_to_the_public_addresses_the_page_will_have():
    make_article(slug="draft-report", status="draft", original_language="ru")
    html = render(ArticlePreview, "draft-report", public_url="/en/articles/draft-report/")
    assert '<link rel="canonical" href="http://testserver/en/articles/draft-report/">' in html
    assert 'href="/ru/articles/draft-report/" hreflang="ru"' in html  # the original-language version
    assert "/en/x/" not in html
