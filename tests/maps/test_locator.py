"""The small locator map on venue and event pages: the venue in its part of the world, honest about its precision."""

import re

import pytest

from tests.factories import make_event, make_venue

pytestmark = pytest.mark.django_db


def locator(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'<figure class="locator">.*?</figure>', html, re.S)
    return match.group(0) if match else None


def test_a_venue_page_shows_where_the_venue_is_and_that_the_archive_placed_it(client, archive):
    figure = locator(client, "/en/venues/vladivostok/")
    assert 'role="img"' in figure and "<title" in figure and 'class="land" d="M' in figure
    assert 'class="place-city"' in figure
    assert "placed by the archive, not by the report" in figure
    assert "the centre of Vladivostok" in figure
    assert 'href="/en/map/"' in figure


def test_an_event_page_shows_its_venue_on_a_locator_map(client, archive):
    figure = locator(client, "/ru/events/krasnoyarsk-territory-2025/")
    assert 'class="place-region"' in figure
    assert "Красноярского края" in figure


def test_a_venue_without_coordinates_has_no_locator_map(client):
    venue = make_venue(slug="unplaced")
    make_event(venue=venue, slug="at-unplaced")
    assert locator(client, "/en/venues/unplaced/") is None
    assert locator(client, "/en/events/at-unplaced/") is None
