"""Every public address, whatever its parameters, path segments or language prefix hold, is a 200, a redirect,
a 400 or a 404: never a server error, on SQLite and on PostgreSQL.

The pages come from the URL resolver (everything outside the admin) and the parameters from what each view
declares it reads (publishing/public_pages.py), so a page added later is fuzzed without touching this file,
and a page that declares nothing fails the first test below. Values are sent as the bytes a client would
send: a lone surrogate arrives as the invalid UTF-8 it encodes to, as it would from any browser or script.
"""

from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publishing.public_pages import query_parameters_of

pytestmark = pytest.mark.django_db

ANSWERS = {200, 204, 301, 302, 400, 404}
PLACEHOLDER = "fuzz-placeholder"
LANGUAGES = ["en", "ru"]


@dataclass(frozen=True)
class PublicPattern:
    """One URL pattern visitors can reach: its name for reverse(), its view, and the path values it takes."""

    name: str
    callback: object
    path_values: tuple
    default_args: dict

    def __str__(self):
        return self.name


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern):
            yield PublicPattern(
                name=f"{namespace}{entry.name}" if entry.name else repr(entry),
                callback=entry.callback,
                path_values=tuple(entry.pattern.converters),
                default_args=entry.default_args,
            )


PUBLIC_PATTERNS = list(_walk(get_resolver().url_patterns))


def existing_value(pattern, name):
    """A path value that names something public, so the page itself is fuzzed and not only its 404."""
    view_class = getattr(pattern.callback, "view_class", None)
    if name == "slug" and view_class is not None:
        return view_class().get_queryset().order_by("pk").values_list("slug", flat=True).first()
    if name == "section" and "sitemaps" in pattern.default_args:
        return next(iter(pattern.default_args["sitemaps"]))
    if name == "name" and pattern.name == "media_file":
        from gallery.models import Image

        # The archive's fixtures hold no photographs: a library-shaped name that is not there is fuzzed as a 404.
        image = Image.objects.public().order_by("pk").first()
        return image.file.name if image else "gallery/originals/none.jpg"
    raise AssertionError(f"The fuzz test does not know a public value for <{name}> of {pattern}: add it here.")


def address(pattern, language, path_value=None):
    """The page's path in `language`, with a real value in its path segment, or `path_value` instead of it."""
    kwargs = dict.fromkeys(pattern.path_values, PLACEHOLDER)
    with translation.override(language):
        path = reverse(pattern.name, kwargs=kwargs)
    for name in pattern.path_values:
        path = path.replace(PLACEHOLDER, existing_value(pattern, name) if path_value is None else path_value, 1)
    return path


def raw(text):
    """The bytes a client sends for this text: UTF-8, a lone surrogate as the invalid bytes it encodes to."""
    return text.encode("utf-8", "surrogatepass")


def get(client, path, query=()):
    """GET exactly this path and query (name, value pairs), percent-encoded as a client would, past the test client."""
    query_string = "&".join(f"{quote(raw(name), safe='')}={quote(raw(value), safe='')}" for name, value in query)
    # PATH_INFO as WSGI gives it: percent-decoded bytes read as latin-1; the client would read "//x" as a host.
    return client.get("/", PATH_INFO=raw(path).decode("latin-1"), QUERY_STRING=query_string)


def assert_answered(response, where):
    assert response.status_code in ANSWERS, f"{where} answered {response.status_code}"


def test_every_public_url_pattern_declares_its_parameters_and_can_be_fuzzed(archive):
    assert {"events:event_list", "website:search", "sitemap_section", "healthz"} <= {str(p) for p in PUBLIC_PATTERNS}
    undeclared = [str(p) for p in PUBLIC_PATTERNS if query_parameters_of(p.callback) is None]
    assert undeclared == [], "declare the query parameters these views read (publishing/public_pages.py)"
    for pattern in PUBLIC_PATTERNS:
        for name in pattern.path_values:
            assert existing_value(pattern, name), f"no public value for <{name}> of {pattern}"


def test_list_filters_are_declared_as_parameters_of_their_pages():
    from archive.filters import ArticleFilter
    from events.filters import EventFilter

    declared = {str(p): set(query_parameters_of(p.callback)) for p in PUBLIC_PATTERNS}
    assert declared["events:event_list"] == {*EventFilter.base_filters, "page"}
    assert declared["archive:article_list"] == {*ArticleFilter.base_filters, "page"}
    assert declared["website:search"] == {"q", "kind", "year", "language", "page"}


# Values every parameter and path segment of every page is given on every run.
CONTROL_VALUES = ["a\x00b", "\x00", "\x01", "\x1b[31m", "\x7f", "\x85"]
OTHER_VALUES = [
    "-1",
    "0",
    "abc",
    "last",
    "1e309",
    "9" * 40,
    "-" + "9" * 40,
    "\ud800",
    "a\udfffb",
    "\ufeff\u202e",
    "Қазақстан 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "' OR 1=1 --",
    "%00",
    "ж" * 3000,
]


def test_a_control_character_in_any_public_parameter_is_a_400_naming_it(archive, client):
    # One test over every page and parameter (each parametrized case would load the archive again).
    wrong = []
    for pattern in PUBLIC_PATTERNS:
        path = address(pattern, "en")
        for parameter in query_parameters_of(pattern.callback) or ():
            for value in CONTROL_VALUES:
                response = get(client, path, [(parameter, value)])
                if response.status_code != 400 or f"“{parameter}”" not in response.content.decode():
                    wrong.append(f"{path}?{parameter}={value!r}: {response.status_code}")
            for value in OTHER_VALUES:
                status = get(client, path, [(parameter, value)]).status_code
                if status not in ANSWERS:
                    wrong.append(f"{path}?{parameter}={value!r}: {status}")
    assert wrong == []


def test_a_public_path_segment_holding_anything_is_never_a_server_error(archive, client):
    wrong = []
    for pattern in [p for p in PUBLIC_PATTERNS if p.path_values]:
        for value in [*CONTROL_VALUES, *OTHER_VALUES, "", "..", "a/b", "//evil.example"]:
            path = address(pattern, "en", path_value=value)
            status = get(client, path).status_code
            if status not in ANSWERS or (value in CONTROL_VALUES and status != 400):
                wrong.append(f"{path!r}: {status}")
    assert wrong == []


def test_a_control_character_in_the_path_or_a_parameter_name_is_a_400(archive, client):
    assert get(client, "/en/events/", [("x\x00", "1")]).status_code == 400
    assert get(client, "/e\x00n/events/").status_code == 400
    assert get(client, "/\x00").status_code == 400


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "The parameter “venue” in this address contains a control character"), ("ru", "Параметр «venue»")],
)
def test_the_400_page_names_the_parameter_in_the_language_of_the_address(archive, client, language, text):
    response = get(client, f"/{language}/events/", [("venue", "a\x00b")])
    assert response.status_code == 400
    html = response.content.decode()
    assert text in html and f'<html lang="{language}">' in html


def test_a_request_for_a_host_not_allowed_is_a_plain_400_page(client):
    # The 400 page is rendered without the site's context, which would build absolute URLs from the bad host.
    response = client.get("/ru/events/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Архив не смог разобрать этот запрос" in response.content.decode()


def test_a_tab_or_line_break_in_a_search_is_searched_for_not_refused(archive, client):
    response = get(client, "/en/search/", [("q", "Khojaly\tmemorial\r\n")])
    assert response.status_code == 200


texts = st.text(st.characters(exclude_categories=()), max_size=40)  # every category: controls, surrogates, …
values = st.one_of(
    st.sampled_from(CONTROL_VALUES + OTHER_VALUES),
    texts,
    st.integers().map(str),
    st.integers(min_value=20, max_value=5_000).map(lambda digits: "9" * digits),
    st.integers(min_value=500, max_value=20_000).map(lambda length: "ы" * length),
)


def fuzz(client, pattern):
    """Hypothesis throws several parameters at once (declared ones and strangers), odd path values and prefixes."""
    names = st.one_of(st.sampled_from([*query_parameters_of(pattern.callback), "page"]), texts)

    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        language=st.one_of(st.sampled_from(LANGUAGES), texts),
        query=st.lists(st.tuples(names, values), max_size=4),
        path_value=st.one_of(st.none(), values) if pattern.path_values else st.none(),
    )
    def attempt(language, query, path_value):
        path = address(pattern, "en", path_value)
        if path.startswith("/en/"):
            path = f"/{language}/{path[len('/en/') :]}"
        assert_answered(get(client, path, query), f"{path}?{query!r}")

    attempt()


def test_no_mix_of_values_in_any_public_address_is_a_server_error(archive, client):
    for pattern in PUBLIC_PATTERNS:
        fuzz(client, pattern)
