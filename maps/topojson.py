"""TopoJSON read into plain polygons of (longitude, latitude) in degrees; no database, no drawing.

A topology keeps every boundary once, as an *arc*: a line of quantized points, each written as the
difference from the one before. A polygon lists the arcs of each of its rings by index, `~i` (that is
`-i - 1`) meaning arc `i` walked backwards. See the specification:
https://github.com/topojson/topojson-specification
"""

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    """One geometry of a collection: its identifier, its properties and its polygons (each a list of rings)."""

    id: str
    properties: dict
    polygons: list


def _absolute_arcs(topology):
    """Every arc as a list of (longitude, latitude), undoing the delta encoding and the quantization."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for step_x, step_y, *_rest in arc:
                x += step_x
                y += step_y
                points.append((x * kx + dx, y * ky + dy))
        else:
            points = [(px, py) for px, py, *_rest in arc]
        arcs.append(points)
    return arcs


def _ring(arc_indexes, arcs):
    """The points of one ring: its arcs joined end to start, each shared end point kept once."""
    points = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def shapes(topology, object_name):
    """The geometries of `topology["objects"][object_name]` as Shapes of polygons in degrees."""
    arcs = _absolute_arcs(topology)
    found = []
    for geometry in topology["objects"][object_name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue  # points, lines and empty geometries draw no area
        found.append(
            Shape(
                id=str(geometry.get("id", "")),
                properties=geometry.get("properties") or {},
                polygons=[[_ring(ring, arcs) for ring in polygon] for polygon in polygons],
            )
        )
    return found


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)
