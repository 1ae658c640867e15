"""Which venues the world map shows, how many public events each held, and where and how to draw them.

Plain functions over querysets: the view and the tests call them; visibility is `Event.objects.published()`
alone, so a venue appears only with the published events of the chosen occasion and year.
"""

import math
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery

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

    venue: Venue
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


def venues_with_events(events):
    """The venues of `events` (already published and filtered), each with `event_count`, most events first."""
    counts = events.filter(venue=OuterRef("pk")).order_by().values("venue").annotate(count=Count("pk")).values("count")
    return (
        Venue.objects.annotate(event_count=Subquery(counts, output_field=IntegerField()))
        .filter(event_count__gt=0)
        .defer("description_en", "description_ru", "location_note_en", "location_note_ru")
        .order_by("-event_count", "country_code", "name_en", "pk")
    )


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
