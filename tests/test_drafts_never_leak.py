"""A draft, in-review, withdrawn or scheduled-for-later item is a 404 or absent everywhere public."""

import datetime
import json

import pytest
from django.utils import timezone

from archive.models import ReportedFigure
from events.models import Mention
from tests.factories import (
    make_article,
    make_event,
    make_figure,
    make_figure_kind,
    make_organization,
    make_participation,
    make_person,
    make_report,
)
from tests.website.test_feeds_and_sitemap import sitemap_text

pytestmark = pytest.mark.django_db

HIDDEN = [
    {"status": "draft"},
    {"status": "in_review"},
    {"status": "withdrawn"},
    {"status": "published", "public_from": "later"},
]


def hidden(fields):
    if fields.get("public_from") == "later":
        return {**fields, "public_from": timezone.now() + datetime.timedelta(days=1)}
    return fields


def body(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture(params=HIDDEN, ids=["draft", "in_review", "withdrawn", "scheduled"])
def secret(request):
    """A hidden article and a hidden event, each reachable from public items that must not list them."""
    fields = hidden(request.param)
    outlet = make_organization(slug="secret-outlet", name_en="Secret Outlet")
    article = make_article(slug="secret-article", title_en="Secret article", outlet=outlet, **fields)
    event = make_event(slug="secret-event", title_en="Secret event", **fields)
    public_article = make_article(slug="public-article", title_en="Public article")
    public_event = make_event(slug="public-event", title_en="Public event")
    speaker = make_person(slug="speaker", name_en="Public speaker")
    # The public event is reported by the hidden article; the public person appears at the hidden event.
    make_report(public_event, article)
    make_report(public_event, public_article)
    make_participation(public_event, public_article, person=speaker)
    make_participation(event, public_article, person=speaker)
    kind = make_figure_kind(slug="secret-kind")
    make_figure(article, kind=kind, value=999, passage="Secret figure", stated_by=speaker)
    make_figure(public_article, value=111, passage="Public figure", stated_by=speaker, event=event)
    secret_person = make_person(slug="secret-person", name_en="Secret person")
    make_participation(event, public_article, person=secret_person)
    # Named in reports: the public speaker in the hidden article; a person and a body named only there.
    Mention.objects.create(article=article, person=speaker, title_en="Secret title", passage="Secret passage")
    named = make_person(slug="secret-named", name_en="Secret named person")
    Mention.objects.create(article=article, person=named, passage="Secret passage naming a person")
    body = make_organization(slug="secret-body", name_en="Secret body")
    Mention.objects.create(article=article, organization=body, passage="Secret passage naming a body")
    return {"article": article, "event": event}


@pytest.mark.parametrize("language", ["en", "ru"])
def test_hidden_article_and_event_pages_are_404(client, secret, language):
    assert client.get(f"/{language}/articles/secret-article/").status_code == 404
    assert client.get(f"/{language}/events/secret-event/").status_code == 404


def test_hidden_items_are_absent_from_lists_home_and_timeline(client, secret):
    for url in ("/en/", "/en/events/", "/en/articles/", "/en/timeline/", "/en/people/", "/en/organizations/"):
        html = body(client, url)
        assert "Secret" not in html and "secret-" not in html, url


def test_related_lists_never_show_hidden_items(client, secret):
    event_page = body(client, "/en/events/public-event/")
    assert "Public article" in event_page
    assert "secret-article" not in event_page and "Secret figure" not in event_page
    for language in ("en", "ru"):
        person_page = body(client, f"/{language}/people/speaker/")
        assert "public-event" in person_page
        assert "secret-event" not in person_page and "Secret" not in person_page
        assert "secret-article" not in person_page
    article_page = body(client, "/en/articles/public-article/")
    assert "secret-event" not in article_page and "Secret" not in article_page


def test_people_venues_and_organizations_only_in_hidden_items_are_404(client, secret):
    assert client.get("/en/people/secret-person/").status_code == 404
    assert client.get(f"/en/venues/{secret['event'].venue.slug}/").status_code == 404
    assert client.get("/en/organizations/secret-outlet/").status_code == 404
    # Named only in a hidden report: no page, in either language.
    for language in ("en", "ru"):
        assert client.get(f"/{language}/people/secret-named/").status_code == 404
        assert client.get(f"/{language}/organizations/secret-body/").status_code == 404


def test_figures_of_hidden_articles_are_absent_from_figure_pages(client, secret):
    assert ReportedFigure.objects.filter(value=999).exists()
    html = body(client, "/en/figures/")
    assert "Secret figure" not in html and "Public figure" in html
    assert client.get("/en/figures/secret-kind/").status_code == 404


def test_hidden_items_are_absent_from_feeds_sitemap_and_search(client, secret):
    for url in (
        "/en/feeds/articles/rss/",
        "/ru/feeds/articles/atom/",
        "/en/feeds/events/rss/",
        "/ru/feeds/events/atom/",
    ):
        html = body(client, url)
        assert "secret" not in html.lower(), url
    sitemap = sitemap_text(client)
    assert "public-article" in sitemap and "secret" not in sitemap.lower()
    assert "secret-" not in body(client, "/en/search/?q=secret")


def test_hidden_items_are_not_offered_as_filter_choices(client, secret):
    html = body(client, "/en/events/")
    assert "secret-person" not in html
    assert "secret-outlet" not in body(client, "/en/articles/")


def test_a_scheduled_article_appears_once_its_time_comes(client):
    article = make_article(slug="soon", public_from=timezone.now() + datetime.timedelta(hours=1))
    assert client.get("/en/articles/soon/").status_code == 404
    article.public_from = timezone.now() - datetime.timedelta(minutes=1)
    article.save()
    assert client.get("/en/articles/soon/").status_code == 200
    assert "/en/articles/soon/" in body(client, "/en/articles/")


@pytest.mark.parametrize("fields", HIDDEN, ids=["draft", "in_review", "withdrawn", "scheduled"])
def test_rows_a_hidden_article_reports_do_not_make_a_public_event_searchable(client, fields):
    """A public event's programme, participants and figures from a hidden article are not searched, and facet
    counts do not count them."""
    from events.models import ProgrammeItem

    public_event = make_event(slug="public-event", title_en="Public event")
    public_article = make_article(slug="public-article", title_en="Public article")
    make_report(public_event, public_article)
    secret_article = make_article(slug="secret-article", title_en="Hidden", **hidden(fields))
    ProgrammeItem.objects.create(
        event=public_event,
        article=secret_article,
        position=1,
        kind=ProgrammeItem.Kind.SCREENING,
        description_en="A screening of Quetzalfilm",
        description_ru="Показ Кетцальфильма",
        passage="Quetzalfilm was shown.",
    )
    make_participation(
        public_event, secret_article, summary_en="He praised Xylophonia.", passage="Xylophonia was praised."
    )
    make_figure(secret_article, value=4242, passage="Zorbastan counted 4242.", event=public_event)
    for query in ("Quetzalfilm", "Кетцальфильма", "Xylophonia", "Zorbastan"):
        html = body(client, f"/en/search/?q={query}")
        assert "public-event" not in html and "0 results" in html, query


@pytest.mark.parametrize("fields", HIDDEN, ids=["draft", "in_review", "withdrawn", "scheduled"])
def test_did_you_mean_never_suggests_a_word_only_hidden_items_contain(client, fields):
    make_article(slug="secret-article", title_en="Quixotrania remembered", **hidden(fields))
    make_article(slug="public-article", title_en="Public report")
    html = body(client, "/en/search/?q=Quixotrana")
    assert "quixotrania" not in html.lower() and "Did you mean" not in html and "secret-article" not in html


def test_a_suggestion_is_offered_when_public_records_have_the_word(client):
    make_article(slug="public-article", title_en="Quixotrania remembered")
    html = body(client, "/en/search/?q=Quixotrana")
    assert "Did you mean" in html and "Quixotrania" in html and "/en/articles/public-article/" in html


# --- the API and the downloads (opendata/) ---------------------------------------------------------------------

API_LISTS = [
    "/api/v1/events/",
    "/api/v1/articles/",
    "/api/v1/people/",
    "/api/v1/venues/",
    "/api/v1/organizations/",
    "/api/v1/occasions/",
    "/api/v1/figure-kinds/",
    "/api/v1/figures/",
]
DOWNLOADS = [
    "/api/v1/downloads/events.csv",
    "/api/v1/downloads/events.json",
    "/api/v1/downloads/figures.csv",
    "/api/v1/downloads/figures.json",
]


def api_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def all_pages(client, url):
    """Every record of an API list, following its next links, and the count it states."""
    records, page = [], client.get(url + "?page_size=100").json()
    count = page["count"]
    while True:
        records += page["results"]
        if not page["next"]:
            return records, count
        page = client.get(page["next"]).json()


def test_hidden_items_are_absent_from_every_api_list_its_nested_records_and_its_counts(client, secret):
    for url in API_LISTS:
        records, count = all_pages(client, url)
        text = json.dumps(records).lower()
        assert "secret" not in text, url
        assert count == len(records), url
    events, _count = all_pages(client, "/api/v1/events/")
    assert [e["slug"] for e in events] == ["public-event"]
    # The public figure was stated at the hidden event: the figure is listed, the event is not named.
    [figure] = all_pages(client, "/api/v1/figures/")[0]
    assert figure["value"] == 111 and figure["event"] is None


def test_hidden_items_are_404_in_the_api_and_absent_from_public_records_details(client, secret):
    for url in (
        "/api/v1/articles/secret-article/",
        "/api/v1/events/secret-event/",
        "/api/v1/people/secret-person/",
        f"/api/v1/venues/{secret['event'].venue.slug}/",
        "/api/v1/organizations/secret-outlet/",
        "/api/v1/figure-kinds/secret-kind/",
        f"/api/v1/occasions/{secret['event'].occasion.slug}/",  # marked by the hidden event only
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        "/api/v1/events/public-event/",
        "/api/v1/articles/public-article/",
        "/api/v1/people/speaker/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "secret" not in response.content.decode().lower(), url


def test_filters_naming_hidden_items_find_nothing_in_the_api(client, secret):
    for url in (
        "/api/v1/figures/?article=secret-article",
        "/api/v1/figures/?event=secret-event",
        "/api/v1/figures/?kind=secret-kind",
        "/api/v1/articles/?outlet=secret-outlet",
        "/api/v1/events/?person=secret-person",
        f"/api/v1/events/?venue={secret['event'].venue.slug}",
    ):
        page = client.get(url).json()
        assert page["count"] == 0 and "secret" not in json.dumps(page).lower(), url


def test_hidden_items_are_absent_from_every_download(client, secret):
    for url in DOWNLOADS:
        text = api_text(client, url)
        assert "secret" not in text.lower(), url
    assert "public-event" in api_text(client, "/api/v1/downloads/events.csv")


def test_hidden_events_are_absent_from_the_map_its_filters_and_the_charts(client, secret):
    event = secret["event"]
    event.held_on = datetime.date(1999, 2, 26)
    event.save()
    event.venue.name_en = "Secret hall"
    event.venue.latitude, event.venue.longitude = 40.4, 49.9
    event.venue.location_precision, event.venue.location_source = "building", "report"
    event.venue.save()
    event.occasion.name_en = "Secret occasion"
    event.occasion.save()
    urls = (
        "/en/map/",
        "/ru/map/",
        "/en/map/?year=1999",
        f"/en/map/?occasion={event.occasion.slug}",
        "/en/charts/",
        "/ru/charts/",
        "/en/",
        "/en/timeline/",
        f"/en/figures/{ReportedFigure.objects.get(value=111).kind.slug}/",
    )
    for url in urls:
        html = body(client, url)
        assert "Secret" not in html and "secret-" not in html, url
        assert event.venue.slug + "/" not in html, url
        assert 'value="1999"' not in html and ">1999<" not in html, url  # neither a year offered nor a bar
    map_html = body(client, "/en/map/")
    assert "public-event" not in map_html  # venues are linked, not events
    assert map_html.count('class="place place-') == 0  # the public event's venue has no coordinates
    assert "Secret figure" not in body(client, "/en/charts/") and "chart-figure-secret-kind" not in body(
        client, "/en/charts/"
    )
