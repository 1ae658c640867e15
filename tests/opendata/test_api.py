"""What the API gives: public records in both languages, honest dates, provenance, the pages' filters, pages."""

import datetime

import pytest

from archive.dates import DateBasis, DatePrecision
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


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()


def slugs(page):
    return [record["slug"] for record in page["results"]]


def test_the_index_names_every_list_the_schema_the_documentation_and_the_licence(client):
    index = get_json(client, "/api/v1/")
    assert set(index["lists"]) == {
        "occasions",
        "events",
        "articles",
        "people",
        "venues",
        "organizations",
        "figure_kinds",
        "figures",
    }
    for url in index["lists"].values():
        assert client.get(url).status_code == 200
    assert index["schema"].endswith("/api/v1/openapi.json")
    assert index["documentation"].endswith("/en/api/")
    assert index["licence"]["name"] == "CC BY 4.0" and "outlets" in index["licence"]["statement"]


def test_every_text_comes_in_both_languages_and_a_missing_translation_is_null_and_flagged(client):
    make_event(slug="half-translated", title_en="Wreaths laid", title_ru="")
    event = get_json(client, "/api/v1/events/half-translated/")
    assert event["title"] == {"en": "Wreaths laid", "ru": None, "not_yet_translated": ["ru"]}
    # No text in either language is not "untranslated".
    assert event["audience"] == {"en": None, "ru": None, "not_yet_translated": []}


def test_dates_carry_their_precision_basis_note_and_an_edtf_string(client):
    make_event(
        slug="in-2025",
        held_on=datetime.date(2025, 1, 1),
        held_on_precision=DatePrecision.YEAR,
        held_on_basis=DateBasis.INFERRED,
        held_on_note_en="From the 33rd anniversary.",
    )
    make_event(slug="in-february", held_on=datetime.date(2025, 2, 1), held_on_precision=DatePrecision.MONTH)
    make_event(slug="on-the-day", held_on=datetime.date(2025, 2, 26))
    year = get_json(client, "/api/v1/events/in-2025/")["held_on"]
    assert year["edtf"] == "2025" and year["precision"] == "year" and year["basis"] == "inferred"
    assert year["date"] == "2025-01-01" and year["note"]["en"] == "From the 33rd anniversary."
    assert get_json(client, "/api/v1/events/in-february/")["held_on"]["edtf"] == "2025-02"
    assert get_json(client, "/api/v1/events/on-the-day/")["held_on"]["edtf"] == "2025-02-26"


def test_an_article_gives_its_verbatim_original_and_marks_the_other_language_as_the_archives_translation(client):
    make_article(
        slug="from-russian",
        original_language="ru",
        original_title="Почтили память",
        original_text="Текст как опубликован.",
        translation_status="in_progress",
    )
    article = get_json(client, "/api/v1/articles/from-russian/")
    assert article["original"]["language"] == "ru"
    assert article["original"]["title"] == "Почтили память"
    assert article["original"]["text"] == "Текст как опубликован."
    assert article["translation"] == {"language": "en", "by_archive": True, "status": "in_progress"}
    assert article["pages"]["ru"].endswith("/ru/articles/from-russian/")


def test_the_rows_of_an_event_carry_their_provenance(client):
    article = make_article(slug="the-report")
    event = make_event(slug="the-event")
    make_report(event, article, passage="A memorial evening was held.")
    make_participation(event, article, person=make_person(slug="the-speaker"), passage="The ambassador spoke.")
    detail = get_json(client, "/api/v1/events/the-event/")
    assert detail["reports"][0]["article"]["slug"] == "the-report"
    assert detail["reports"][0]["passage"] == "A memorial evening was held."
    [participation] = detail["participations"]
    assert participation["person"]["slug"] == "the-speaker"
    assert participation["provenance"]["article"]["slug"] == "the-report"
    assert participation["provenance"]["passage"] == "The ambassador spoke."


def test_a_figure_gives_value_hedge_passage_who_stated_it_its_article_event_and_sources(client):
    article = make_article(slug="figures-report")
    event = make_event(slug="stated-here")
    kind = make_figure_kind(slug="countries")
    make_figure(
        article,
        kind=kind,
        value=18,
        approximate=True,
        passage="some 18 countries",
        stated_by=make_person(slug="the-envoy"),
        event=event,
    )
    [figure] = get_json(client, "/api/v1/figures/")["results"]
    assert (figure["value"], figure["approximate"], figure["passage"]) == (18, True, "some 18 countries")
    assert figure["kind"]["slug"] == "countries"
    assert figure["stated_by"]["slug"] == "the-envoy"
    assert figure["event"]["slug"] == "stated-here"
    assert figure["article"]["slug"] == "figures-report"
    assert figure["sources"] == []


def test_event_filters_are_the_event_lists(client):
    kz = make_venue(country_code="KZ", city_en="Astana")
    tr = make_venue(country_code="TR", city_en="Ankara")
    make_event(slug="astana-2025", venue=kz, held_on=datetime.date(2025, 2, 26))
    make_event(slug="ankara-2024", venue=tr, held_on=datetime.date(2024, 2, 26))
    assert slugs(get_json(client, "/api/v1/events/?country=KZ")) == ["astana-2025"]
    assert slugs(get_json(client, "/api/v1/events/?city=Ankara")) == ["ankara-2024"]
    assert slugs(get_json(client, "/api/v1/events/?year=2024")) == ["ankara-2024"]
    assert slugs(get_json(client, "/api/v1/events/?anniversary=33")) == ["astana-2025"]
    assert slugs(get_json(client, "/api/v1/events/?sort=date")) == ["ankara-2024", "astana-2025"]
    assert slugs(get_json(client, f"/api/v1/events/?venue={tr.slug}")) == ["ankara-2024"]


def test_people_and_organizations_filter_events_by_slug_or_name_as_on_the_page(client):
    article = make_article()
    event = make_event(slug="with-speaker")
    make_report(event, article)
    make_participation(event, article, person=make_person(slug="ali-aliyev", name_en="Ali Aliyev"))
    make_event(slug="without-speaker")
    assert slugs(get_json(client, "/api/v1/events/?person=ali-aliyev")) == ["with-speaker"]
    assert slugs(get_json(client, "/api/v1/events/?person=Ali%20Aliyev")) == ["with-speaker"]


def test_a_filter_value_naming_nothing_public_gives_an_empty_list_as_on_the_page(client):
    make_event()
    for query in ("year=1800", "country=ZZ", "venue=nowhere", "sort=sideways", "anniversary=abc"):
        page = get_json(client, f"/api/v1/events/?{query}")
        assert page["count"] == 0 and page["results"] == [], query


def test_article_and_figure_filters(client):
    outlet = make_organization(slug="the-outlet", kind="news_outlet")
    russian = make_article(slug="russian", original_language="ru", outlet=outlet)
    english = make_article(slug="english", published_on=datetime.date(2024, 3, 1))
    assert slugs(get_json(client, "/api/v1/articles/?language=ru")) == ["russian"]
    assert slugs(get_json(client, "/api/v1/articles/?outlet=the-outlet")) == ["russian"]
    assert slugs(get_json(client, "/api/v1/articles/?year=2024")) == ["english"]
    kind = make_figure_kind(slug="hostages")
    make_figure(russian, kind=kind, value=1275)
    make_figure(english, value=613)
    values = lambda url: [f["value"] for f in get_json(client, url)["results"]]  # noqa: E731
    assert values("/api/v1/figures/?kind=hostages") == [1275]
    assert values("/api/v1/figures/?article=english") == [613]
    assert values("/api/v1/figures/?language=ru") == [1275]
    assert values("/api/v1/figures/?year=2024") == [613]
    assert values("/api/v1/figures/?outlet=the-outlet") == [1275]


def test_lists_come_in_pages_with_next_and_previous_links_in_the_body_and_a_link_header(client):
    for _ in range(3):
        make_event()
    first = client.get("/api/v1/events/?page_size=2")
    body = first.json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["previous"] is None
    assert "page=2" in body["next"] and 'rel="next"' in first["Link"]
    second = get_json(client, body["next"])
    assert len(second["results"]) == 1 and second["next"] is None and second["previous"]
    assert get_json(client, "/api/v1/events/?page=9", status=404)["detail"]


def test_an_unknown_slug_is_a_json_404(client):
    for kind in ("events", "articles", "people", "venues", "organizations", "occasions", "figure-kinds"):
        assert "detail" in get_json(client, f"/api/v1/{kind}/no-such-thing/", status=404)


def test_the_api_answers_in_english_whatever_the_client_prefers_and_only_reads(client):
    response = client.get("/api/v1/events/nothing/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["detail"] == "No Event matches the given query."
    assert client.post("/api/v1/events/").status_code == 405


def test_the_fixture_archive_reads_through_the_api(archive, client):
    events = get_json(client, "/api/v1/events/?page_size=100")
    assert events["count"] == len(events["results"]) > 0
    for event in events["results"]:
        detail = get_json(client, event["api_url"])
        assert detail["slug"] == event["slug"] and detail["reports"]
    kinds = get_json(client, "/api/v1/figure-kinds/?page_size=100")["results"]
    figures = get_json(client, "/api/v1/figures/?page_size=100")
    assert figures["count"] == sum(kind["reports"] for kind in kinds)


def test_an_address_under_the_api_that_names_no_endpoint_is_a_json_404(client):
    for path in ("/api/v1/nothing-here/", "/api/v1/events/not%20a%20slug/", "/api/v2/"):
        response = client.get(path)
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}, path
