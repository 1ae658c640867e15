"""The API's documentation page, /<lang>/api/: made on the server from the OpenAPI schema by the site's own
template, so it needs no script, no CDN and nothing the Content-Security-Policy would refuse."""

import dataclasses
import functools

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator

from publishing.public_pages import reads_query_parameters

from .downloads import DOWNLOADS
from .licence import LICENCE_NAME, LICENCE_STATEMENT, LICENCE_URL, citation
from .pagination import MAX_PAGE_SIZE


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str


@dataclasses.dataclass(frozen=True)
class Endpoint:
    path: str
    description: str
    parameters: list
    fields: list
    paginated: bool


@functools.cache
def openapi_schema(language=settings.LANGUAGE_CODE):
    """The schema the API serves at /api/v1/openapi.json, its descriptions in `language`; it changes only with
    the code, so it is made once per language."""
    with translation.override(language):
        return SchemaGenerator().get_schema(request=None, public=True)


def _component(schema, ref):
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _type_of(schema, prop):
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in prop:
            names = [_type_of(schema, part) for part in prop[combined]]
            return " | ".join(dict.fromkeys(names + (["null"] if prop.get("nullable") else [])))
    kind = prop.get("type", "object")
    if kind == "array":
        return f"[{_type_of(schema, prop.get('items', {}))}]"
    text = prop.get("format", kind)
    return f"{text} | null" if prop.get("nullable") else text


def _fields(schema, response_schema):
    """The fields of one record an endpoint answers with, and whether it answers with a page of them."""
    target = _component(schema, response_schema["$ref"]) if "$ref" in response_schema else response_schema
    paginated = "results" in target.get("properties", {})
    if paginated:
        target = _component(schema, target["properties"]["results"]["items"]["$ref"])
    fields = [
        Field(name, _type_of(schema, prop), prop.get("description", ""))
        for name, prop in target.get("properties", {}).items()
    ]
    return fields, paginated


def endpoints():
    schema = openapi_schema(translation.get_language())
    found = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = [
            Field(p["name"], _type_of(schema, p.get("schema", {})), p.get("description", ""))
            for p in operation.get("parameters", [])
        ]
        content = operation["responses"]["200"].get("content", {}).get("application/json", {})
        fields, paginated = _fields(schema, content.get("schema", {}))
        found.append(Endpoint(path, operation.get("description", ""), parameters, fields, paginated))
    return found


def shapes():
    """The shared shapes (bilingual text, partial date, provenance…) every endpoint's fields refer to."""
    schema = openapi_schema(translation.get_language())
    names = ["BilingualText", "PartialDate", "PageUrls", "Provenance", "Translation"]
    components = schema["components"]["schemas"]
    return [
        (name, components[name].get("description", ""), _fields(schema, components[name])[0])
        for name in names
        if name in components
    ]


@reads_query_parameters()
def documentation(request):
    """Every endpoint, its parameters and the fields it answers with; the downloads, the licence, how to cite."""
    absolute = request.build_absolute_uri
    context = {
        "endpoints": endpoints(),
        "shapes": shapes(),
        "api_root": absolute(reverse("api:index")),
        "schema_url": absolute(reverse("api:schema")),
        "downloads": {name: absolute(reverse(f"api:{name}")) for name in DOWNLOADS},
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "licence_statement": LICENCE_STATEMENT,
        "citation": citation(absolute("/")),
        "max_page_size": MAX_PAGE_SIZE,
    }
    return render(request, "opendata/documentation.html", context)
