"""The basemap: the vendored world-atlas file is the one its README names, decoded and projected by our own code."""

import hashlib

import pytest

from maps import basemap, topojson
from maps.projection import WORLD_WIDTH, project


def test_the_vendored_file_is_the_one_the_readme_names():
    readme = (basemap.DATA.parent / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(basemap.DATA.read_bytes()).hexdigest()
    assert digest in readme
    assert "world-atlas 2.0.2" in readme
    assert (basemap.DATA.parent / "LICENSE").read_text(encoding="utf-8").startswith("Copyright")


def test_arcs_are_delta_decoded_dequantized_and_walked_backwards_when_negative():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        # Arc 0 from (0,0) to (2,0) to (2,4); arc 1 from (2,4) back to (0,0).
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, -4]]],
        "objects": {
            "shapes": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "A"}},
                    {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "id": "2"},
                    {"type": "Point", "coordinates": [0, 0]},
                ],
            }
        },
    }
    first, second = topojson.shapes(topology, "shapes")
    assert first.id == "1" and first.properties == {"name": "A"}
    assert first.polygons == [[[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 20.0)]]]
    # The same ring walked the other way round.
    assert second.polygons == [[[(10.0, 20.0), (11.0, 21.0), (11.0, 20.0), (10.0, 20.0)]]]


def test_equal_earth_puts_greenwich_in_the_middle_and_the_antimeridian_at_the_edges():
    assert project(0, 0) == pytest.approx((WORLD_WIDTH / 2, 0))
    assert project(180, 0)[0] == pytest.approx(WORLD_WIDTH)
    assert project(-180, 0)[0] == pytest.approx(0)
    north, south = project(0, 60)[1], project(0, -60)[1]
    assert north == pytest.approx(-south) and north < 0  # north is up: smaller y


def test_the_world_is_drawn_once_per_process_without_antarctica():
    path = basemap.world_path()
    assert path is basemap.world_path()
    assert path.startswith("M") and path.count("z") > 100
    assert all(ring.bottom <= basemap.BOTTOM + 60 for ring in basemap.rings())  # nothing far south of 58° S


def test_a_locator_shows_only_the_land_around_its_place():
    near_astana = basemap.locator(71.43, 51.17, "city")
    x, y = project(71.43, 51.17)
    window = near_astana.window
    assert window.x <= x <= window.x + window.width and window.y <= y <= window.y + window.height
    assert 0 < len(near_astana.land) < len(basemap.world_path()) / 4
    assert basemap.locator(95, 64, "region").window.width > window.width
