"""Event and article lists filter by GET parameters that work in both languages and combine."""

import datetime
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
    from tests.factories import make_event, make_venue

    make_event(venue=make_venue(slug="untranslated", name_en="Only English", name_ru=""))
    html = client.get("/ru/events/").content.decode()
    assert '<option value="untranslated">Only English (ещё не переведено)</option>' in html


def test_a_long_choice_list_is_cut_but_any_public_slug_still_filters_and_shows_as_chosen(client):
    from publishing import public_filters as filters
    from tests.factories import make_event, make_venue

    venues = [make_venue(slug=f"v-{n:02d}", name_en=f"Name {n:02d}") for n in range(5)]
    events = [make_event(venue=venue) for venue in venues]
    original = filters.CHOICE_LIMIT
    filters.CHOICE_LIMIT = 2
    try:
        html = client.get("/en/events/").content.decode()
        assert 'value="v-00"' in html and 'value="v-01"' in html and 'value="v-04"' not in html
        html = client.get("/en/events/?venue=v-04").content.decode()
        assert '<option value="v-04" selected>Name 04</option>' in html
        assert listed(client, "/en/events/?venue=v-04") == [events[4].slug]
    finally:
        filters.CHOICE_LIMIT = original


def matched_line(client, url):
    html = client.get(url).content.decode()
    found = re.search(r'<p class="matched">(.*?)</p>', html, re.S)
    return found.group(1) if found else None


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("typed", ["Атамогланов", "atamoghlanov", "Aghalar Atamoghlanov", "  Atamogh  "])
def test_a_person_typed_by_name_in_either_script_finds_their_events(archive, client, language, typed):
    assert set(listed(client, f"/{language}/events/?person={typed}")) == KAZAKHSTAN_EMBASSY
    line = matched_line(client, f"/{language}/events/?person={typed}")
    assert f'href="/{language}/people/aghalar-atamoghlanov/"' in line


def test_an_organization_typed_by_name_finds_the_events_it_organised_or_hosted(archive, client):
    assert set(listed(client, "/en/events/?organization=Embassy of Azerbaijan in Kazakhstan")) == KAZAKHSTAN_EMBASSY
    assert 'href="/en/organizations/embassy-of-azerbaijan-in-kazakhstan/"' in matched_line(
        client, "/en/events/?organization=Embassy of Azerbaijan in Kazakhstan"
    )


def test_a_name_nobody_has_finds_no_event_and_says_so(archive, client):
    assert listed(client, "/en/events/?person=Qwxyzzy") == []
    assert matched_line(client, "/en/events/?person=Qwxyzzy") == "Person “Qwxyzzy”: the archive has no name like it."
    assert matched_line(client, "/ru/events/?person=Qwxyzzy") == "Человек «Qwxyzzy»: в архиве нет такого имени."


def test_a_typed_name_is_shown_back_in_the_filter_field_escaped(archive, client):
    html = client.get("/en/events/?person=<b>Ata</b>").content.decode()
    assert 'value="&lt;b&gt;Ata&lt;/b&gt;"' in html
    assert "<b>Ata</b>" not in html


def test_a_person_known_only_from_a_draft_report_is_neither_named_nor_followed(client):
    from publishing.models import Status
    from tests.factories import make_article, make_event, make_participation, make_person

    event = make_event()
    draft = make_article(status=Status.DRAFT)
    make_participation(event, draft, person=make_person(slug="hidden-speaker", name_en="Hidden Speaker"))
    assert listed(client, "/en/events/?person=Hidden Speaker") == []
    assert listed(client, "/en/events/?person=hidden-speaker") == []
    assert "hidden-speaker" not in matched_line(client, "/en/events/?person=Hidden Speaker")
    assert client.get("/en/people/hidden-speaker/").status_code == 404


def test_events_filter_by_venue(archive, client):
    assert set(listed(client, "/en/events/?venue=embassy-of-azerbaijan-in-kazakhstan")) == KAZAKHSTAN_EMBASSY


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_filter_choices_are_worked_out_once_per_content_change(client, settings):
    from tests.factories import make_event

    settings.PAGE_CACHE_SECONDS = 0  # the pages themselves are rendered every time
    make_event()
    first = queries_for(client, "/en/events/")
    again = queries_for(client, "/en/events/")
    assert again < first
    assert queries_for(client, "/ru/events/") > again  # labels differ per language
    assert queries_for(client, "/ru/events/") == again
    make_event()
    assert queries_for(client, "/en/events/") > again


@pytest.mark.parametrize("language", ["en", "ru"])
def test_new_and_withdrawn_content_changes_the_choices_at_once(client, language):
    from publishing.models import Status
    from tests.factories import make_event, make_venue

    make_event()
    assert 'value="PL"' not in client.get(f"/{language}/events/").content.decode()
    event = make_event(
        held_on=datetime.date(2031, 2, 26),
        venue=make_venue(slug="warsaw-hall", country_en="Poland", country_ru="Польша", country_code="PL"),
    )
    html = client.get(f"/{language}/events/").content.decode()
    assert 'value="PL"' in html and '<option value="2031">' in html and 'value="warsaw-hall"' in html
    event.status = Status.WITHDRAWN
    event.save()
    html = client.get(f"/{language}/events/").content.decode()
    assert 'value="PL"' not in html and '<option value="2031">' not in html and 'value="warsaw-hall"' not in html
