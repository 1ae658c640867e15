"""Which venues the world map shows, how many public events each held, and where and how to draw them.

Plain functions over querysets: the view and the tests call them; visibility is `Event.objects.published()`
alone, so a venue appears only with the published events of the chosen occasion and year.
"""

import math
from dataclasses import dataclass

from django.db.models import Count

from events.models import LocationPrecision, Venue

from .projection import project

# A point's area grows with the number of events (its radius with the square root), within these bounds.
SMALLEST_RADIUS = 5.0
LARGEST_RADIUS = 24.0
# A venue known only to its region is drawn as an area at least this wide: the place is somewhere in it.
REGION_RADIUS = 16.0


@dataclass(frozen=True)
class Place:
    """One venue as the map draws it: its events, where it is in map units, how large and in which style."""

    venue: "MapVenue"
    event_count: int
    x: float
    y: float
    radius: float

    @property
    def precision(self):
        return self.venue.location_precision


def _radius(event_count, precision):
    radius = min(LARGEST_RADIUS, SMALLEST_RADIUS * math.sqrt(max(event_count, 1)))
    return max(radius, REGION_RADIUS) if precision == LocationPrecision.REGION else radius


# What the map and its table read of a venue: read as plain rows, since thousands of model instances cost more than
# the rest of the page.
VENUE_FIELDS = (
    "pk",
    "slug",
    "name_en",
    "name_ru",
    "city_en",
    "city_ru",
    "region_en",
    "region_ru",
    "country_en",
    "country_ru",
    "country_code",
    "latitude",
    "longitude",
    "location_precision",
    "location_source",
)


@dataclass(frozen=True)
class MapVenue:
    """A venue as the map page shows it: its address's slug, its names in both languages, where and how it is placed."""

    pk: int
    slug: str
    name_en: str
    name_ru: str
    city_en: str
    city_ru: str
    region_en: str
    region_ru: str
    country_en: str
    country_ru: str
    country_code: str
    latitude: object
    longitude: object
    location_precision: str
    location_source: str
    event_count: int = 0

    @property
    def is_located(self):
        return self.latitude is not None and self.longitude is not None


def venues_with_events(events):
    """The venues of `events` (already published and filtered), each with `event_count`, most events first.

    Two queries whatever the number of venues: the events counted per venue in one pass, then those venues.
    """
    counts = dict(events.order_by().values_list("venue").annotate(count=Count("pk")))
    rows = Venue.objects.filter(pk__in=events.order_by().values("venue")).order_by().values_list(*VENUE_FIELDS)
    venues = [MapVenue(*row, event_count=counts.get(row[0], 0)) for row in rows]
    return sorted(venues, key=lambda v: (-v.event_count, v.country_code, v.name_en, v.pk))


@dataclass(frozen=True)
class MapContent:
    """What the map page shows: the places drawn, and the venues with events that have no coordinates yet."""

    places: list
    unplaced: list

    @property
    def event_count(self):
        return sum(p.event_count for p in self.places) + sum(v.event_count for v in self.unplaced)


def map_content(events):
    """The places of `events` for the map, region areas first so that exact points are drawn over them."""
    places, unplaced = [], []
    for venue in venues_with_events(events):
        if not venue.is_located:
            unplaced.append(venue)
            continue
        x, y = project(venue.longitude, venue.latitude)
        places.append(Place(venue, venue.event_count, x, y, _radius(venue.event_count, venue.location_precision)))
    order = {LocationPrecision.REGION: 0, LocationPrecision.CITY: 1, LocationPrecision.BUILDING: 2}
    drawn = sorted(places, key=lambda p: (order.get(p.precision, 1), -p.radius))
    return MapContent(places=drawn, unplaced=unplaced)
