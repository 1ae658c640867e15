"""The small map on a venue's and an event's page: the venue in its part of the world, drawn as on the world map."""

from dataclasses import dataclass

from . import basemap


@dataclass(frozen=True)
class LocatorMap:
    """What the locator template draws: the window, the land in it, and the venue's symbol."""

    venue: object
    view_box: str
    land: str
    x: float
    y: float
    radius: float
    precision: str


def locator_map(venue):
    """The venue's locator map, or None when the venue has no coordinates yet."""
    if not venue.is_located:
        return None
    drawn = basemap.locator(venue.longitude, venue.latitude, venue.location_precision)
    return LocatorMap(
        venue=venue,
        view_box=drawn.window.view_box,
        land=drawn.land,
        x=drawn.x,
        y=drawn.y,
        radius=drawn.radius,
        precision=venue.location_precision,
    )
