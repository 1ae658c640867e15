"""Whole-page cache for visitors, each page made stale by a change to what it shows.

Every cached page (and every aggregate kept by `remember_per_generation`) is kept with the versions of
what it depends on (publishing/dependencies.py): for a list, the kinds of objects its SQL read; for an
item's own page, the objects it showed; for search, everything. It is used only while all of those
versions are current and while the *content generation* (publishing/generations.py), which
`invalidate_pages()` discards for bulk changes and which is renewed when a scheduled publication falls
due, is the one it was made under. A publish, an edit or a withdrawal therefore makes stale the pages that
show the item and the lists of its kind, and no others.

While a stale page is being made again by one request, the others for that address get the previous copy
("X-Page-Cache: stale"), for at most PAGE_CACHE_RENDER_SECONDS, unless something was taken away from
visitors (a withdrawal, a delete) since that copy was made: then they wait for the new page (polling the
shared cache) and make it themselves if it has not come by then. A withdrawn item is never served again
once its withdrawal has committed.

Only anonymous GET/HEAD requests are served from or stored in the cache (a session cookie counts
only when the session store holds that session: a made-up or expired one is ignored), and only 200
responses that set no cookie and are not marked private or no-store. The key holds the language, the
scheme and host, the path, and those query parameters the view declares it reads (the others are
removed from the request before the view runs, so they can neither change nor multiply the pages).

The cache is an accelerator, never a dependency: when the generation cannot be read (Redis down or
hung; see config/redis_cache.py) nothing is served from or kept in the cache and pages are made live,
since a generation that cannot be read may have been discarded.

Use: `PageCacheMiddleware` in MIDDLEWARE serves and stores the pages; each app wraps its public views in
`cache_public_page` (publishing/public_pages.py) to mark their pages as cacheable, e.g.
`path("", cache_public_page(views.home))`. The query parameters a page reads are the ones its view
declares (publishing/public_pages.py: one declaration for the page cache and the fuzz test); the
generation is publishing/generations.py's. PAGE_CACHE_SECONDS = 0 turns it off.
"""

import collections
import dataclasses
import hashlib
import threading
import time
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation

from publishing import dependencies
from publishing.generations import GENERATION_KEY, current_generation
from publishing.public_pages import LISTS, may_use_page_cache

CACHE_STATUS_HEADER = "X-Page-Cache"
# How often a request waiting for another's rendering of the same page looks for it in the shared cache.
WAIT_POLL_SECONDS = 0.02


@dataclasses.dataclass(frozen=True)
class StoredPage:
    """A page as kept: what it was made under (generation, the clock before, the versions of what it shows)."""

    generation: str
    made_at: int
    versions: dict
    status: int
    headers: list
    content: bytes

    def is_current(self, generation, stored):
        return self.generation == generation and dependencies.still_current(self.versions, stored)

    def answer(self, how):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        response[CACHE_STATUS_HEADER] = how
        return response


def page_key(request, language):
    # Pages hold absolute addresses (canonical links, feeds, sitemaps): each host and scheme has its own.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:page:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_store(response):
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, "page_cache_public", False)
        and response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class _RecentPages:
    """The pages this process served last, by key, each with the versions it was made under.

    Only a copy: a page is served from here only when its generation and versions are still the ones in
    the shared cache, which are read on every request, so no process can serve a page another has made
    stale. What it saves is carrying the page (tens of kilobytes) from the shared cache each time.
    """

    def __init__(self):
        self._entries = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self._entries.popitem(last=False)


_recent_pages = _RecentPages()


class PageCacheMiddleware:
    """Answers visitors from the page cache before the rest of the middleware and the view run.

    A request with a query string or a session cookie is first matched to its view: a made-up session
    cookie is dropped, and the query parameters the view does not declare are removed. A stored page
    remembers the generation it was made under and is served only while that is the
    current generation, read from the shared cache on every request. The page itself comes from this
    process's recent copies when it has one of that generation, otherwise from the shared cache. On a
    miss the page is made as usual and, if its view is marked with `cache_public_page` and the
    response may be stored, kept together with the headers the inner middleware gave it. Placed after
    the security, CSP and static file middleware, so those headers are added to stored pages as to
    any other. A page outside the language prefix is stored once for every language, so a view there
    may be marked only if its output does not depend on the visitor's language (the sitemaps, which
    list both languages).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_page_cache(request):
            return self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language is None or request.META.get("QUERY_STRING") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            view = _marked_view(request.path_info, language)
            if view is None:
                return self.get_response(request)  # no cache round trip for what is never stored
            if not _is_anonymous(request):
                return self.get_response(request)
            _keep_only_parameters(request, view.page_cache_query)
        # Outside the language prefix (the sitemaps) a page is one for every visitor.
        key = page_key(request, language or "any")
        # One round trip: the generation, the clock (read before the page is made, if it is), the last hard
        # change, and this process's copy's versions or else the shared copy.
        local = _recent_pages.get(key)
        shared = [] if local is not None else [key]
        wanted = [GENERATION_KEY, dependencies.CLOCK_KEY, dependencies.HARD_KEY]
        stored = cache.get_many(wanted + shared + (dependencies.tag_keys(local.versions) if local else []))
        generation = current_generation(stored)
        if generation is None:
            return self.get_response(request)  # the cache cannot be read: made live, and not kept
        entry = local if local is not None else stored.get(key)
        if not isinstance(entry, StoredPage):
            entry = None  # a page kept by an older release
        if entry is not None and local is None and entry.generation == generation:
            stored.update(cache.get_many(dependencies.tag_keys(entry.versions)))
        if entry is not None and entry.is_current(generation, stored):
            if local is None:
                _recent_pages.put(key, entry)
            return entry.answer("hit")
        return self._make_again(request, key, generation, entry, stored)

    def _make_again(self, request, key, generation, previous, stored):
        """Make the page, or, while another request makes it, answer with the previous copy or wait for it."""
        making = f"{key}:making"
        if cache.add(making, 1, settings.PAGE_CACHE_RENDER_SECONDS):
            if dependencies.HARD_KEY not in stored:
                # Recorded as "now" when unknown: the clock is then read after it, so this page may stand in later.
                dependencies.last_hard_change(stored)
                stored = {}
            try:
                return self._make(request, key, generation, dependencies.clock_now(stored))
            finally:
                cache.delete(making)
        if previous is not None and _may_serve_previous(previous, generation, stored):
            return previous.answer("stale")
        deadline = time.monotonic() + settings.PAGE_CACHE_RENDER_SECONDS
        while time.monotonic() < deadline:
            time.sleep(WAIT_POLL_SECONDS)
            found = cache.get_many([key, making])
            entry = found.get(key)
            if isinstance(entry, StoredPage) and entry.generation == generation:
                current = cache.get_many(dependencies.tag_keys(entry.versions))
                if entry.is_current(generation, current):
                    _recent_pages.put(key, entry)
                    return entry.answer("hit")
            if making not in found:
                break  # the other request is done, or gave up: make it here
        return self._make(request, key, generation, dependencies.clock_now())

    def _make(self, request, key, generation, clock):
        """The page made as usual, and kept if it may be and nothing it shows changed while it was made."""
        with dependencies.collecting() as used:
            response = self.get_response(request)
        if clock is None or not _may_store(response):
            return response
        versions = dependencies.versions_since(used.tags(getattr(response, "page_cache_by", LISTS)), clock)
        if versions is None:
            return response  # changed while it was made: served to this visitor, not kept
        entry = StoredPage(generation, clock, versions, response.status_code, list(response.items()), response.content)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        _recent_pages.put(key, entry)
        response[CACHE_STATUS_HEADER] = "miss"
        return response


def _may_serve_previous(entry, generation, stored):
    """Whether a stale copy may stand in while the page is made again: nothing was taken away since it was made."""
    hard = dependencies.last_hard_change(stored)
    return entry.generation == generation and hard is not None and hard <= entry.made_at


def _marked_view(path, language):
    """The view at `path` if it is marked with cache_public_page, else None."""
    try:
        with translation.override(language or settings.LANGUAGE_CODE):
            view = resolve(path).func
    except Resolver404:
        return None
    return view if getattr(view, "page_cache_public", False) else None


def _is_anonymous(request):
    """False if the request's session cookie names a session the store holds; a made-up one is dropped.

    Dropping it lets the visitor be served like any other, and keeps a made-up cookie from being a way
    around the cache.
    """
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if session_key is None:
        return True
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        if store.load():
            return False
    except DatabaseError:
        return False  # cannot tell: the page is made as for a signed-in editor
    del request.COOKIES[settings.SESSION_COOKIE_NAME]
    return True


def _keep_only_parameters(request, names):
    """Remove the query parameters the view does not read, and put the others in one order.

    The view then cannot reflect them into the page (pagination links keep the query string), so the
    page stored for the shorter address is the one any of its variants would have made.
    """
    kept = [(name, value) for name in sorted(request.GET) if name in names for value in request.GET.getlist(name)]
    query_string = urlencode(kept)
    if query_string != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query_string
        request.GET = QueryDict(query_string)
