"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): areas true, shapes familiar, in closed form.

Plain arithmetic on degrees; `project()` gives x to the east and y to the *south* (SVG's direction), in
units where the world is WORLD_WIDTH wide.
"""

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
# x of the antimeridian for a unit sphere: the map's half-width before scaling.
_HALF_WIDTH = 2 * math.sqrt(3) * math.pi / (3 * A1)

WORLD_WIDTH = 1000.0
SCALE = WORLD_WIDTH / (2 * _HALF_WIDTH)


def project(longitude, latitude):
    """(x, y) of a point given in degrees; (0, 0) is the top left of a map WORLD_WIDTH wide centred on Greenwich."""
    lam = math.radians(max(-180.0, min(180.0, float(longitude))))
    phi = math.radians(max(-90.0, min(90.0, float(latitude))))
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return (x * SCALE + WORLD_WIDTH / 2, -y * SCALE)


def y_of(latitude):
    """The y of a parallel (it does not depend on the longitude in this projection)."""
    return project(0, latitude)[1]
