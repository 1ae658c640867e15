"""Objects know their address: every public detail page belongs to a model whose get_absolute_url() opens it."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from archive.models import Article, FigureKind
from events.models import Event, Organization, Person, Venue
from tests.factories import make_article, make_event, make_figure, make_organization, make_participation

pytestmark = pytest.mark.django_db


def _published_article():
    return make_article()


def _published_event():
    return make_event()


def _venue_of_published_event():
    return make_event().venue


def _person_at_published_event():
    return make_participation(make_event(), make_article()).person


def _outlet_of_published_article():
    return make_article(outlet=make_organization()).outlet


def _kind_of_published_figure():
    return make_figure(make_article()).kind


# The URL name of each detail page, its model, and how to make one record that visitors may see.
DETAIL_PAGES = {
    "archive:article_detail": (Article, _published_article),
    "archive:figure_kind_detail": (FigureKind, _kind_of_published_figure),
    "events:event_detail": (Event, _published_event),
    "events:person_detail": (Person, _person_at_published_event),
    "events:venue_detail": (Venue, _venue_of_published_event),
    "events:organization_detail": (Organization, _outlet_of_published_article),
}


def _pages_of_one_record(patterns=None, namespace=""):
    """The names of the site's URL patterns that take a slug: the pages of one record."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "api":
                continue  # the JSON API's records are data; each links its page through get_absolute_url() ("pages")
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _pages_of_one_record(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and "slug" in entry.pattern.converters:
            yield f"{namespace}{entry.name}"


def test_every_page_of_one_record_is_listed_with_its_model():
    # A new detail page fails here until its model is added to DETAIL_PAGES, and so to the tests below.
    assert set(_pages_of_one_record()) == set(DETAIL_PAGES)


@pytest.mark.parametrize("url_name", sorted(DETAIL_PAGES))
def test_the_model_of_every_detail_page_defines_get_absolute_url(url_name):
    model, _make = DETAIL_PAGES[url_name]
    assert callable(getattr(model, "get_absolute_url", None)), (
        f"{model.__name__} has a public page but no get_absolute_url()"
    )


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("url_name", sorted(DETAIL_PAGES))
def test_get_absolute_url_opens_the_public_page_in_the_active_language(client, url_name, language):
    model, make = DETAIL_PAGES[url_name]
    record = make()
    assert isinstance(record, model)
    with translation.override(language):
        url = record.get_absolute_url()
        match = resolve(url)
    assert url.startswith(f"/{language}/") and url.endswith(f"/{record.slug}/")
    assert match.view_name == url_name and match.kwargs == {"slug": record.slug}
    response = client.get(url)
    assert response.status_code == 200
    # The page is the record's own: its name or title is the page's one heading.
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)
    name = getattr(record, f"title_{language}", None) or getattr(record, f"name_{language}")
    assert name in heading
