"""The world map: every public venue with published events, sized and styled by what is known, filterable, and the
same information as a table."""

import re
from decimal import Decimal

import pytest

from events.models import Venue
from tests.factories import make_event, make_occasion, make_venue

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def places(html):
    """(link, class) of every place drawn on the map."""
    svg = html[html.index('<svg class="world-map"') : html.index("</svg>", html.index('<svg class="world-map"'))]
    return re.findall(r'<a href="([^"]+)" class="place (place-\w+)"', svg)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_map_draws_every_fixture_venue_linking_to_its_page(client, archive, language):
    html = page(client, f"/{language}/map/")
    drawn = dict(places(html))
    assert drawn == {
        f"/{language}/venues/embassy-of-azerbaijan-in-kazakhstan/": "place-city",
        f"/{language}/venues/national-library-of-pakistan/": "place-city",
        f"/{language}/venues/vladivostok/": "place-city",
        f"/{language}/venues/chelyabinsk-region/": "place-region",
        f"/{language}/venues/krasnoyarsk-territory/": "place-region",
    }
    assert html.count("<h1>") == 1
    assert 'class="land" d="M' in html


def test_points_grow_with_the_number_of_events_and_regions_are_areas(client, archive):
    html = page(client, "/en/map/")
    radius = dict(re.findall(r'<a href="/en/venues/([^/]+)/"[^>]*><circle [^>]*r="([\d.]+)"', html))
    assert float(radius["embassy-of-azerbaijan-in-kazakhstan"]) > float(radius["vladivostok"])  # 2 events, 1
    assert float(radius["krasnoyarsk-territory"]) > float(radius["embassy-of-azerbaijan-in-kazakhstan"])
    assert "Embassy of Azerbaijan in Kazakhstan: 2 events, placed at the city&#x27;s centre" in html


def test_the_table_beside_the_map_says_the_same_and_who_placed_each_venue(client, archive):
    html = page(client, "/ru/map/")
    table = html[html.index('<table class="figures map-places">') :]
    assert table.count("<tr>") == 6  # the head and five venues
    assert table.count("добавлено архивом") == 5
    assert "где-то в регионе" in table and "центр города" in table
    assert "Владивосток" in table


def test_the_map_filters_by_year_and_occasion_in_a_plain_form(client, archive):
    html = page(client, "/en/map/?year=2024")
    assert [link for link, _ in places(html)] == ["/en/venues/national-library-of-pakistan/"]
    assert '<form class="filters" method="get"' in html
    assert '<option value="2024" selected>' in html
    assert len(places(page(client, "/en/map/?occasion=khojaly-1992&year=2025"))) == 4
    assert len(places(page(client, "/en/map/?occasion=no-such-occasion"))) == 0


def test_an_unknown_year_gives_an_empty_map_not_an_error(client, archive):
    html = page(client, "/en/map/?year=1700")
    assert places(html) == [] and "No published event matches." in html


def test_a_venue_without_coordinates_is_listed_but_not_drawn(client):
    venue = make_venue(slug="somewhere", name_en="Somewhere hall")
    make_event(venue=venue)
    html = page(client, "/en/map/")
    assert places(html) == []
    assert "Somewhere hall" in html and "not on the map: no coordinates yet" in html


def test_a_building_level_venue_is_a_solid_point(client):
    venue = make_venue(
        slug="the-hall",
        latitude=Decimal("40.3777"),
        longitude=Decimal("49.8920"),
        location_precision="building",
        location_source="report",
    )
    make_event(venue=venue, occasion=make_occasion())
    html = page(client, "/en/map/")
    assert places(html) == [("/en/venues/the-hall/", "place-building")]
    assert "as the report gives it" in html


def test_the_map_sends_nothing_that_loads_from_another_site(client, archive):
    html = page(client, "/en/map/")
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="http://testserver', ""))
    assert "<script" not in html and " style=" not in html


def test_the_map_page_is_in_the_page_cache_and_declares_its_parameters(client, archive, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/en/map/?year=2025&utm_source=x")
    assert first.status_code == 200
    assert "Cookie" in first["Vary"]


def test_coordinates_come_whole_in_the_admin(admin_client, archive):
    venue = Venue.objects.get(slug="vladivostok")
    url = f"/en/admin/events/venue/{venue.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update({"organization": "", "latitude": "43.1", "longitude": "", "location_precision": "city"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Give the latitude, the longitude, their precision and their source together, or none." in (
        response.content.decode().replace("&#x27;", "'")
    )
    venue.refresh_from_db()
    assert venue.latitude == Decimal("43.1167")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_maps_venue_addresses_are_the_venues_own(archive, language):
    from django.utils import translation

    from maps.markup import venue_address

    with translation.override(language):
        address = venue_address()
        for venue in Venue.objects.all():
            assert address(venue) == venue.get_absolute_url()


def test_an_untranslated_venue_name_is_shown_in_the_other_language_and_marked(client):
    venue = make_venue(
        slug="only-english",
        name_en="Only English hall",
        name_ru="",
        latitude=Decimal("1"),
        longitude=Decimal("2"),
        location_precision="city",
        location_source="archive",
    )
    make_event(venue=venue)
    html = page(client, "/ru/map/")
    assert '<span lang="en">Only English hall</span> <span class="untranslated">(ещё не переведено)</span>' in html
    assert 'aria-label="Only English hall (ещё не переведено): 1 мероприятие' in html
