"""The world drawn as SVG path data, once per process, and the small windows of it that locator maps show.

Natural Earth's countries (maps/data/, from the world-atlas package) are decoded (`topojson.py`) and
projected (`projection.py`) when first asked for; the result is kept for the life of the process, so a
page pays only for writing its points. Antarctica is left out, and the map is cut at 85° N and 58° S:
no commemoration is reported there, and the space is better spent on the inhabited world.
"""

import functools
import itertools
from dataclasses import dataclass
from pathlib import Path

from . import topojson
from .projection import WORLD_WIDTH, project, y_of

DATA = Path(__file__).resolve().parent / "data" / "countries-110m.json"
ANTARCTICA = "010"
TOP = y_of(85)
BOTTOM = y_of(-58)
WORLD_VIEW_BOX = (0.0, round(TOP, 1), WORLD_WIDTH, round(BOTTOM - TOP, 1))


@dataclass(frozen=True)
class Ring:
    """One closed line of the land, projected: its points in map units and its bounding box."""

    points: tuple
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Window:
    """A part of the map: where it begins, how wide and high it is; `view_box` is its SVG attribute."""

    x: float
    y: float
    width: float
    height: float

    @property
    def view_box(self):
        return " ".join(_number(round(v * 10)) for v in (self.x, self.y, self.width, self.height))

    def overlaps(self, ring):
        return not (
            ring.right < self.x
            or ring.left > self.x + self.width
            or ring.bottom < self.y
            or ring.top > self.y + self.height
        )


@dataclass(frozen=True)
class Locator:
    """A locator map: the window around a place, the land in it, and where the place is in map units."""

    window: Window
    land: str
    x: float
    y: float
    radius: float


def _unwrapped(ring):
    """The ring's points, with a ring that crosses the antimeridian (Fiji's) kept on the eastern side.

    Its western points are moved a turn east, so the ring stays whole instead of drawing a line across the
    world; the projection then holds them at the map's edge.
    """
    crosses = any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(ring))
    if not crosses:
        return ring
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]


@functools.cache
def rings():
    """Every ring of every country but Antarctica, projected; read from the vendored file once per process."""
    found = []
    for shape in topojson.shapes(topojson.load(DATA), "countries"):
        if shape.id == ANTARCTICA:
            continue
        for polygon in shape.polygons:
            for ring in polygon:
                points = tuple(project(lon, lat) for lon, lat in _unwrapped(ring))
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                found.append(Ring(points, min(xs), min(ys), max(xs), max(ys)))
    return tuple(found)


def _number(tenths):
    """A length given in tenths of a unit, written as briefly as SVG allows: 25 → "2.5", -3 → "-.3", 40 → "4"."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def path_data(selected_rings):
    """SVG path data for the rings: a move to each ring's start, then relative lines, to a tenth of a unit."""
    parts = []
    for ring in selected_rings:
        tenths = []
        for x, y in ring.points:
            point = (round(x * 10), round(y * 10))
            if not tenths or tenths[-1] != point:
                tenths.append(point)
        if len(tenths) < 3:
            continue
        (x0, y0), rest = tenths[0], tenths[1:]
        steps = []
        previous = (x0, y0)
        for point in rest:
            steps.append(f"{_number(point[0] - previous[0])} {_number(point[1] - previous[1])}")
            previous = point
        parts.append(f"M{_number(x0)} {_number(y0)}l{' '.join(steps)}z")
    return "".join(parts)


@functools.cache
def world_path():
    """The whole map's land as one SVG path, worked out once per process."""
    return path_data(rings())


# How much of the world a locator map shows around a place, in map units (the world is WORLD_WIDTH wide):
# enough to recognise the country and its neighbours; more for a region, whose area is itself large.
LOCATOR_WIDTH = {"building": 90.0, "city": 90.0, "region": 150.0}
LOCATOR_RATIO = 2 / 3


@functools.lru_cache(maxsize=512)
def _locator(x_tenths, y_tenths, precision):
    width = LOCATOR_WIDTH.get(precision, LOCATOR_WIDTH["city"])
    height = width * LOCATOR_RATIO
    x, y = x_tenths / 10, y_tenths / 10
    left = min(max(x - width / 2, 0.0), WORLD_WIDTH - width)
    top = min(max(y - height / 2, TOP), BOTTOM - height)
    window = Window(left, top, width, height)
    land = path_data(ring for ring in rings() if window.overlaps(ring))
    radius = width / 14 if precision == "region" else width / 60
    return Locator(window, land, x, y, radius)


def locator(longitude, latitude, precision):
    """The locator map of a place: worked out once per place and precision, then kept (up to 512 places)."""
    x, y = project(longitude, latitude)
    return _locator(round(x * 10), round(y * 10), precision)
