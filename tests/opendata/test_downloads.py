"""Downloads of events and reported figures, whole or filtered as the lists are, each stating its licence and how
to cite it; the event list and the figure pages link to the download of what they show."""

import csv
import datetime
import io
import json

import pytest

from tests.factories import make_article, make_event, make_figure, make_figure_kind, make_person, make_venue

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, b"".join(response.streaming_content).decode()


def csv_rows(text):
    lines = text.splitlines()
    comments = [line for line in lines if line.startswith("#")]
    return comments, list(csv.DictReader(io.StringIO("\n".join(lines[len(comments) :]))))


def test_the_events_csv_states_the_licence_and_citation_and_holds_every_public_event(client):
    february = datetime.date(2025, 2, 1)
    make_event(slug="held-in-astana", title_en="Held in Astana", held_on=february, held_on_precision="month")
    make_event(slug="a-draft", status="draft")
    response, text = download(client, "/api/v1/downloads/events.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="commemoration-archive-events-' in response["Content-Disposition"]
    comments, rows = csv_rows(text)
    assert "CC BY 4.0" in comments[1] and "works of their outlets" in comments[1]
    assert "Commemoration Archive, open data, http://testserver/ (retrieved" in comments[0]
    assert [row["slug"] for row in rows] == ["held-in-astana"]
    assert rows[0]["title_en"] == "Held in Astana" and rows[0]["date"] == "2025-02"
    assert rows[0]["date_precision"] == "month"


def test_a_filtered_download_holds_what_the_filtered_list_shows(client):
    kz, tr = make_venue(country_code="KZ"), make_venue(country_code="TR")
    make_event(slug="in-kazakhstan", venue=kz)
    make_event(slug="in-turkey", venue=tr)
    _response, text = download(client, "/api/v1/downloads/events.json?country=TR")
    data = json.loads(text)
    assert [event["slug"] for event in data["events"]] == ["in-turkey"]
    assert data["metadata"]["count"] == 1 and data["metadata"]["licence"]["name"] == "CC BY 4.0"
    assert data["metadata"]["source"].endswith("/api/v1/downloads/events.json?country=TR")
    assert data["metadata"]["citation"].startswith("Commemoration Archive, open data")
    _response, text = download(client, "/api/v1/downloads/events.json?country=ZZ")
    assert json.loads(text)["events"] == []


def test_the_figures_download_gives_each_figure_with_its_article_sources_and_passage(client):
    article = make_article(slug="the-report", title_en="The report")
    kind = make_figure_kind(slug="countries")
    make_figure(article, kind=kind, value=18, approximate=True, passage="some 18 countries", stated_by=make_person())
    make_figure(make_article(status="withdrawn"), kind=kind, value=20, passage="20 countries")
    _response, text = download(client, "/api/v1/downloads/figures.csv?kind=countries")
    _comments, rows = csv_rows(text)
    assert [(row["value"], row["approximate"], row["passage"]) for row in rows] == [("18", "yes", "some 18 countries")]
    assert rows[0]["article"] == "the-report" and rows[0]["article_title_en"] == "The report"
    _response, text = download(client, "/api/v1/downloads/figures.json")
    [figure] = json.loads(text)["figures"]
    assert figure["article"]["slug"] == "the-report" and figure["sources"] == []


def test_a_download_is_answered_304_while_nothing_changed(client):
    make_event()
    response, _text = download(client, "/api/v1/downloads/events.csv")
    assert client.get("/api/v1/downloads/events.csv", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_the_event_list_links_to_the_download_of_what_it_shows_with_licence_and_citation(client):
    make_event(venue=make_venue(country_code="KZ"))
    html = client.get("/en/events/?country=KZ&page=1").content.decode()
    assert 'href="/api/v1/downloads/events.csv?country=KZ"' in html
    assert 'href="/api/v1/downloads/events.json?country=KZ"' in html
    assert "CC BY 4.0" in html and "Commemoration Archive, open data, http://testserver/" in html
    assert 'href="/api/v1/downloads/events.csv"' in client.get("/ru/events/").content.decode()


def test_the_figure_pages_link_to_the_figures_download(client):
    make_figure(make_article(), kind=make_figure_kind(slug="hostages"))
    assert 'href="/api/v1/downloads/figures.csv"' in client.get("/en/figures/").content.decode()
    kind_page = client.get("/ru/figures/hostages/").content.decode()
    assert 'href="/api/v1/downloads/figures.json?kind=hostages"' in kind_page
