"""Every public list and detail page issues as many queries for 1 item as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import SourceCitation
from events.models import EventOrganizer, Mention, ProgrammeItem
from publishing.generations import current_generation
from tests.factories import (
    make_article,
    make_event,
    make_figure,
    make_figure_kind,
    make_organization,
    make_participation,
    make_person,
    make_report,
    make_venue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """Counts are of rendering the page, not of serving it from the page cache."""
    settings.PAGE_CACHE_SECONDS = 0


def queries_for(client, url):
    current_generation()  # made once after invalidate_pages(), not by every page: not counted
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:  # a download queries as it is sent
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def assert_steady(client, url, add_one, base=None):
    """Render `url` after adding one item, then after 29 more; the query count must not change."""
    context = base() if base else None
    add_one(context)
    one = queries_for(client, url(context) if callable(url) else url)
    for _ in range(29):
        add_one(context)
    thirty = queries_for(client, url(context) if callable(url) else url)
    assert one == thirty


def _event_with_report(context=None):
    article = make_article()
    event = make_event()
    make_report(event, article)
    return event, article


@pytest.mark.parametrize("language", ["en", "ru"])
def test_event_list_query_count_is_steady(client, language):
    assert_steady(client, f"/{language}/events/", lambda _: _event_with_report())


def test_filtered_event_list_query_count_is_steady(client):
    def add(_):
        event, article = _event_with_report()
        make_participation(event, article, person=person)

    person = make_person(slug="the-speaker")
    assert_steady(client, "/en/events/?person=the-speaker&year=2025&sort=-date", add)


def test_article_list_query_count_is_steady(client):
    outlet = make_organization(kind="news_outlet")
    assert_steady(client, "/en/articles/", lambda _: make_article(outlet=outlet))


def test_event_detail_query_count_is_steady(client):
    def base():
        return make_event(slug="the-event")

    def add(event):
        article = make_article(outlet=make_organization())
        make_report(event, article)
        make_participation(event, article, organization=make_organization())
        ProgrammeItem.objects.create(
            event=event,
            position=ProgrammeItem.objects.count() + 1,
            kind="speeches",
            description_en="Speeches",
            provided_by=make_organization(),
            article=article,
            passage="speeches",
        )
        EventOrganizer.objects.create(
            event=event,
            position=EventOrganizer.objects.count() + 1,
            organization=make_organization(),
            role="host",
            article=article,
            passage="hosted",
        )
        make_figure(article, stated_by=make_person(), event=event)

    assert_steady(client, "/en/events/the-event/", add, base)


def test_article_detail_query_count_is_steady(client):
    def base():
        return make_article(slug="the-article", original_language="ru", outlet=make_organization())

    def add(article):
        event = make_event()
        make_report(event, article)
        make_participation(event, article, organization=make_organization())
        make_figure(article, stated_by=make_person(), event=event)
        SourceCitation.objects.create(
            article=article,
            position=SourceCitation.objects.count() + 1,
            relation="cites_agency",
            organization=make_organization(),
            description_en="An agency",
            passage="citing",
        )

    assert_steady(client, "/ru/articles/the-article/", add, base)


def test_person_list_query_count_is_steady(client):
    assert_steady(client, "/en/people/", lambda _: make_participation(*_event_with_report()))


def test_person_detail_query_count_is_steady(client):
    def base():
        return make_person(slug="the-person")

    def add(person):
        event, article = _event_with_report()
        make_participation(event, article, person=person, organization=make_organization())
        make_figure(article, stated_by=person, event=event)
        Mention.objects.create(
            article=make_article(outlet=make_organization()), person=person, title_en="President", passage="named"
        )

    assert_steady(client, "/en/people/the-person/", add, base)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_person_named_only_in_reports_query_count_is_steady(client, language):
    def base():
        return make_person(slug="the-named")

    def add(person):
        article = make_article(outlet=make_organization())
        Mention.objects.create(article=article, person=person, title_en="President", passage="named")

    assert_steady(client, f"/{language}/people/the-named/", add, base)


def test_venue_list_query_count_is_steady(client):
    assert_steady(client, "/en/venues/", lambda _: make_event(venue=make_venue(organization=make_organization())))


def test_venue_detail_query_count_is_steady(client):
    venue = make_venue(slug="the-venue")
    assert_steady(client, "/en/venues/the-venue/", lambda _: make_event(venue=venue))


def test_organization_list_query_count_is_steady(client):
    assert_steady(client, "/en/organizations/", lambda _: make_article(outlet=make_organization()))


def test_organization_detail_query_count_is_steady(client):
    def base():
        return make_organization(slug="the-org")

    def add(org):
        event, article = _event_with_report()
        make_article(outlet=org)
        make_participation(event, article, organization=org)
        EventOrganizer.objects.create(
            event=event, position=1, organization=org, role="organiser", article=article, passage="organised"
        )
        make_event(venue=make_venue(organization=org))
        SourceCitation.objects.create(
            article=article, position=1, relation="told_by", organization=org, description_en="x", passage="told"
        )
        Mention.objects.create(article=make_article(outlet=make_organization()), organization=org, passage="named")

    assert_steady(client, "/en/organizations/the-org/", add, base)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_organization_named_only_in_reports_query_count_is_steady(client, language):
    def base():
        return make_organization(slug="the-named-body")

    def add(org):
        Mention.objects.create(article=make_article(outlet=make_organization()), organization=org, passage="named")

    assert_steady(client, f"/{language}/organizations/the-named-body/", add, base)


def test_timeline_query_count_is_steady(client):
    assert_steady(client, "/en/timeline/", lambda _: make_event())


def test_figure_list_query_count_is_steady(client):
    def add(_):
        article = make_article(outlet=make_organization())
        make_figure(article, stated_by=make_person(), event=make_event())

    assert_steady(client, "/en/figures/", add)


def test_figure_kind_page_query_count_is_steady(client):
    kind = make_figure_kind(slug="the-kind")

    def add(_):
        article = make_article(outlet=make_organization())
        make_figure(article, kind=kind, stated_by=make_person(), event=make_event())

    assert_steady(client, "/en/figures/the-kind/", add)


def test_search_query_count_is_steady(client):
    def add(_):
        make_article(title_en="Commemoration in a hall", outlet=make_organization())
        make_event(title_en="Commemoration held")

    assert_steady(client, "/en/search/?q=commemorations", add)


def test_home_feeds_and_sitemap_query_counts_are_steady(client):
    for url in (
        "/en/",
        "/en/feeds/articles/rss/",
        "/ru/feeds/events/atom/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-people.xml",
    ):
        assert_steady(client, url, lambda _: make_participation(*_event_with_report()))


# --- the API (opendata/): a page of 30 records costs the queries of a page of one --------------------------------


def _fully_reported_event(context=None):
    """An event with a report, a participation, a programme item, an organizer and a figure stated at it."""
    event, article = _event_with_report()
    make_participation(event, article, organization=make_organization())
    ProgrammeItem.objects.create(
        event=event,
        position=1,
        kind="speeches",
        description_en="Speeches",
        provided_by=make_organization(),
        article=article,
        passage="speeches",
    )
    EventOrganizer.objects.create(
        event=event, position=1, organization=make_organization(), role="host", article=article, passage="hosted"
    )
    make_figure(article, stated_by=make_person(), event=event)
    SourceCitation.objects.create(
        article=article,
        position=1,
        relation="cites_agency",
        organization=make_organization(),
        description_en="An agency",
        passage="citing",
    )
    return event, article


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/?page_size=100",
        "/api/v1/events/?page_size=100&country=KZ&sort=-date",
        "/api/v1/articles/?page_size=100",
        "/api/v1/people/?page_size=100",
        "/api/v1/venues/?page_size=100",
        "/api/v1/organizations/?page_size=100",
        "/api/v1/occasions/?page_size=100",
        "/api/v1/figure-kinds/?page_size=100",
        "/api/v1/figures/?page_size=100",
        "/api/v1/downloads/events.json",
        "/api/v1/downloads/figures.csv",
    ],
)
def test_api_list_query_count_is_steady(client, url):
    assert_steady(client, url, _fully_reported_event)


@pytest.mark.parametrize("url", ["/api/v1/events/the-event/", "/api/v1/articles/the-article/"])
def test_api_event_and_article_detail_query_counts_are_steady(client, url):
    def base():
        event = make_event(slug="the-event")
        article = make_article(slug="the-article", outlet=make_organization())
        make_report(event, article)
        return event, article

    def add(context):
        event, article = context
        other_event, other_article = _fully_reported_event()
        make_report(event, other_article)
        make_report(other_event, article)
        make_participation(event, other_article, organization=make_organization())
        SourceCitation.objects.create(
            article=article,
            position=SourceCitation.objects.count() + 1,
            relation="told_by",
            organization=make_organization(),
            description_en="x",
            passage="told",
        )

    assert_steady(client, url, add, base)


def _event_at_a_placed_venue(_=None):
    venue = make_venue(latitude=40.4, longitude=49.9, location_precision="city", location_source="archive")
    return _event_with_report_at(venue)


def _event_with_report_at(venue):
    article = make_article()
    event = make_event(venue=venue)
    make_report(event, article)
    return event


@pytest.mark.parametrize("language", ["en", "ru"])
def test_map_query_count_is_steady(client, language):
    assert_steady(client, f"/{language}/map/", _event_at_a_placed_venue)


def test_filtered_map_query_count_is_steady(client):
    from tests.factories import make_occasion

    occasion = make_occasion(slug="the-occasion")

    def add(_):
        venue = make_venue(latitude=50, longitude=10, location_precision="region", location_source="archive")
        make_event(venue=venue, occasion=occasion)
        make_event(venue=make_venue())  # another occasion, and a venue without coordinates

    assert_steady(client, "/en/map/?occasion=the-occasion&year=2025", add)


def test_charts_query_count_is_steady(client):
    def add(_):
        event = _event_at_a_placed_venue()
        article = make_article(outlet=make_organization())
        make_report(event, article)
        make_figure(article, kind=kind, event=event)
        make_figure(article, event=event)  # a kind of its own: one more chart

    kind = make_figure_kind(slug="shared-kind")
    assert_steady(client, "/en/charts/", add)


def test_home_query_count_is_steady(client):
    assert_steady(client, "/ru/", _event_at_a_placed_venue)
