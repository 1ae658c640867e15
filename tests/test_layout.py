"""The layout shows the architecture: every app of the project is in one layer, and the README and the layer
diagram describe the apps that exist, so neither can drift from the code unnoticed."""

import re
import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = settings.BASE_DIR


def project_apps():
    """The apps whose code is in this repository (not Django's or a package's)."""
    return {c.name for c in apps.get_app_configs() if (ROOT / c.name).resolve() == Path(c.path).resolve()}


def layered_apps():
    contract = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [layers] = [c["layers"] for c in contract["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in layers for name in re.split(r"[|:]", layer)]


def test_every_app_of_the_project_has_its_place_in_the_layers_and_no_layer_names_a_missing_app():
    layered = layered_apps()
    assert len(layered) == len(set(layered))
    assert set(layered) == project_apps() | {"config"}


def test_the_installed_apps_are_listed_lowest_layer_first_as_the_contract_orders_them():
    order = [name for name in reversed(layered_apps()) if name in project_apps()]
    installed = [name for name in settings.INSTALLED_APPS if name in project_apps()]
    siblings = {"publishing", "loginguard"}  # one layer: either may come first
    assert [n for n in installed if n not in siblings] == [n for n in order if n not in siblings]


def test_the_readme_layout_table_and_the_layer_diagram_name_every_app():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = {m.group(1) for m in re.finditer(r"^\| `(\w+)/` \|", readme, re.M)}
    diagram = (ROOT / "docs" / "layers.md").read_text(encoding="utf-8")
    for app in project_apps() | {"config"}:
        assert app in table, f"README's layout table has no row for {app}/"
        assert re.search(rf"\b{app}\b", diagram), f"docs/layers.md does not place {app}"
