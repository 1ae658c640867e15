"""What a public page declares beside its view: the query parameters it reads, and that it is the same for
every visitor (so website/page_cache.py may keep it).

A class-based view names them in a `query_parameters` class attribute (a filter list: its filterset's
fields and `page`); a function view, or a view from Django itself, is wrapped in `reads_query_parameters`.
`query_parameters_of()` answers for whatever the URL resolver holds, through `cache_public_page` and
`as_view()` wrappers; the fuzz test over every public URL uses it, and fails for a page that declares
nothing, so a new page is fuzzed with the parameters it reads as soon as it is added.
"""

import functools

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

from .dependencies import BY_EVERYTHING, BY_KINDS, BY_OBJECTS

PAGE = "page"
# What a cached page goes stale with (publishing/dependencies.py), given to cache_public_page(view, by=...):
LISTS = BY_KINDS  # any change to a kind of object its SQL read: lists, directories, feeds, sitemaps, home
DETAIL = BY_OBJECTS  # a change to one of the objects it shows, or to what they point at: an item's own page
EVERYTHING = BY_EVERYTHING  # any change at all: search


def reads_query_parameters(*names):
    """Declare the query parameters a function view reads: `@reads_query_parameters("q", "page")`."""

    def declare(view):
        @functools.wraps(view)
        def declared_view(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        declared_view.query_parameters = tuple(names)
        return declared_view

    return declare


def query_parameters_of(view):
    """The names of the query parameters a resolved view declares it reads, or None when it declares nothing."""
    while view is not None:
        for holder in (view, getattr(view, "view_class", None)):
            names = getattr(holder, "query_parameters", None)
            if names is not None:
                return tuple(names)
        view = getattr(view, "__wrapped__", None)
    return None


def may_use_page_cache(request):
    """Whether the page cache is on and the request is one it may answer (GET or HEAD)."""
    return settings.PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")


def _is_anonymous_request(request):
    # The page cache has removed a session cookie that names no session.
    return may_use_page_cache(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cache_public_page(view, *, by=LISTS):
    """Mark the view's pages as the same for every visitor, so PageCacheMiddleware may keep them.

    The GET parameters the view declares it reads are kept; any other is removed before the view runs.
    A view that declares nothing is refused here, so no public page can forget to. `by` says what makes a
    kept page stale: LISTS (the default) a change to any kind of object it read, DETAIL a change to an
    object it shows (every row it shows points at one of them), EVERYTHING any change.
    """
    if by not in (LISTS, DETAIL, EVERYTHING):
        raise ImproperlyConfigured(f"cache_public_page(by={by!r}): use LISTS, DETAIL or EVERYTHING")
    query = query_parameters_of(view)
    if query is None:
        raise ImproperlyConfigured(
            f"{view!r} declares no query parameters: give its class `query_parameters = (...)` or wrap it in "
            "reads_query_parameters(...) (publishing/public_pages.py) before cache_public_page()."
        )

    @functools.wraps(view)
    def public_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if _is_anonymous_request(request):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            # A visitor who logs in must not be served this page from a browser or proxy cache.
            patch_vary_headers(response, ["Cookie"])
            response.page_cache_public = True
            response.page_cache_by = by
        return response

    public_view.page_cache_public = True
    public_view.page_cache_by = by
    public_view.page_cache_query = frozenset(query)
    return public_view


def public_path(request):
    """The page's public address: the path of the view it resolved to.

    The same as request.path for a visitor; for a staff preview served under the admin, which sets
    `request.resolver_match` to the public page's, it is the address the page will have in public.
    An address that resolves to nothing (a 404) is given back as a path on this site whatever was
    asked: "//host/x" (and "/\\host/x", which browsers read alike) would otherwise be a link to
    another site in the language switcher and og:url, so leading slashes become one and the rest is
    percent-encoded.
    """
    match = getattr(request, "resolver_match", None)
    if match and match.view_name:
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            pass
    return escape_uri_path("/" + request.path.lstrip("/"))
