"""Event and article lists filter by GET parameters that work in both languages and combine."""

import re

import pytest

pytestmark = pytest.mark.django_db


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    results = html.split('class="results"')[1]
    return re.findall(r'class="item-title" href="/\w\w/(?:events|articles)/([\w-]+)/"', results)


KAZAKHSTAN_EMBASSY = {"embassy-in-kazakhstan-2025", "embassy-in-kazakhstan-2026"}
RUSSIA = {"vladivostok-2025", "chelyabinsk-region-2025", "krasnoyarsk-territory-2025"}


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", {"national-library-of-pakistan-2024"}),
        ("anniversary=34", {"embassy-in-kazakhstan-2026"}),
        ("anniversary=33", KAZAKHSTAN_EMBASSY - {"embassy-in-kazakhstan-2026"} | RUSSIA),
        ("country=RU", RUSSIA),
        ("city=Vladivostok", {"vladivostok-2025"}),
        ("occasion=khojaly-1992", KAZAKHSTAN_EMBASSY | RUSSIA | {"national-library-of-pakistan-2024"}),
        ("organization=embassy-of-azerbaijan-in-kazakhstan", KAZAKHSTAN_EMBASSY),
        ("person=aghalar-atamoghlanov", KAZAKHSTAN_EMBASSY),
        ("country=KZ&year=2026", {"embassy-in-kazakhstan-2026"}),
        ("country=RU&person=aghalar-atamoghlanov", set()),
    ],
)
def test_event_filters_select_the_right_events(archive, client, language, query, expected):
    assert set(listed(client, f"/{language}/events/?{query}")) == expected


def test_events_sort_by_date_either_way(archive, client):
    oldest_first = listed(client, "/en/events/?sort=date")
    newest_first = listed(client, "/en/events/?sort=-date")
    assert oldest_first[0] == "national-library-of-pakistan-2024"
    assert newest_first[0] == "embassy-in-kazakhstan-2026"


def test_events_sort_by_title_in_the_active_language(archive, client):
    en = listed(client, "/en/events/?sort=title")
    ru = listed(client, "/ru/events/?sort=title")
    assert en[0] == "national-library-of-pakistan-2024"  # "32nd anniversary seminar …"
    assert ru[0] == "embassy-in-kazakhstan-2025"  # "Памятное мероприятие к 33-й годовщине …"
    assert ru[-1] != en[-1]


def test_filter_choices_are_offered_in_the_active_language(archive, client):
    html = client.get("/ru/events/").content.decode()
    assert '<option value="RU">Россия</option>' in html
    assert '<option value="Vladivostok">Владивосток</option>' in html
    assert '<option value="34">34-я годовщина</option>' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", {"news-az-2024-02-27-national-library-of-pakistan", "undated-azerbaijan-marks-32nd-anniversary"}),
        (
            "outlet=news-az",
            {"news-az-2025-02-26-embassy-in-kazakhstan", "news-az-2024-02-27-national-library-of-pakistan"},
        ),
        ("language=ru", {"report-2026-02-26-embassy-in-kazakhstan"}),
        ("language=en&year=2025", {"news-az-2025-02-26-embassy-in-kazakhstan", "trend-2025-03-04-russian-regions"}),
    ],
)
def test_article_filters_select_the_right_articles(archive, client, query, expected):
    assert set(listed(client, f"/en/articles/?{query}")) == expected


def test_a_choice_not_yet_translated_is_labelled_in_the_other_language(client):
    from tests.factories import make_article, make_event, make_participation, make_person

    person = make_person(slug="untranslated", name_en="Only English", name_ru="")
    make_participation(make_event(), make_article(), person=person)
    html = client.get("/ru/events/").content.decode()
    assert '<option value="untranslated">Only English (ещё не переведено)</option>' in html


def test_a_long_choice_list_is_cut_but_any_public_slug_still_filters_and_shows_as_chosen(client, settings):
    from events import filters
    from tests.factories import make_article, make_event, make_participation, make_person

    article = make_article()
    people = [make_person(slug=f"p-{n:02d}", name_en=f"Name {n:02d}") for n in range(5)]
    events = [make_event() for _ in people]
    for person, event in zip(people, events, strict=True):
        make_participation(event, article, person=person)
    original = filters.CHOICE_LIMIT
    filters.CHOICE_LIMIT = 2
    try:
        html = client.get("/en/events/").content.decode()
        assert 'value="p-00"' in html and 'value="p-01"' in html and 'value="p-04"' not in html
        html = client.get("/en/events/?person=p-04").content.decode()
        assert '<option value="p-04" selected>Name 04</option>' in html
        assert listed(client, "/en/events/?person=p-04") == [events[4].slug]
    finally:
        filters.CHOICE_LIMIT = original


def test_events_filter_by_venue(archive, client):
    assert set(listed(client, "/en/events/?venue=embassy-of-azerbaijan-in-kazakhstan")) == KAZAKHSTAN_EMBASSY
