"""Whole-page cache for visitors, made stale all at once whenever public-facing content changes.

Every cached page (and every aggregate kept by `remember_per_generation`) carries the *content
generation* it was made under, a random token kept in the shared cache, and is used only while that
token is current. Any save or delete of a model in settings.PAGE_CACHE_INVALIDATING_APPS (and any
explicit `invalidate_pages()`, which bulk operations that send no signals must call) discards the
token, so everything made before is never used again and simply expires. The generation also
records the next scheduled publication (`public_from` in the future), and is renewed once that
moment passes, so a scheduled article appears on time without any save.

Only anonymous GET/HEAD requests are served from or stored in the cache (a session cookie counts
only when the session store holds that session: a made-up or expired one is ignored), and only 200
responses that set no cookie and are not marked private or no-store. The key holds the language, the
scheme and host, the path, and those query parameters the view declares it reads (the others are
removed from the request before the view runs, so they can neither change nor multiply the pages).

The cache is an accelerator, never a dependency: when the generation cannot be read (Redis down or
hung; see config/redis_cache.py) nothing is served from or kept in the cache and pages are made live,
since a generation that cannot be read may have been discarded.

Use: `PageCacheMiddleware` in MIDDLEWARE serves and stores the pages; wrap each public view to mark
its pages as cacheable, e.g. `path("", cache_public_page(views.home))`. The query parameters a page reads
are the ones its view declares (archive/query_parameters.py: one declaration for the page cache and the
fuzz test). PAGE_CACHE_SECONDS = 0 turns it off.
"""

import collections
import functools
import hashlib
import secrets
import threading
from importlib import import_module
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language

from .publishing import Publishable, Status
from .query_parameters import query_parameters_of

GENERATION_KEY = "page-cache:generation"
CACHE_STATUS_HEADER = "X-Page-Cache"


def _next_scheduled_publication():
    """The earliest future `public_from` of published content, or None."""
    now = timezone.now()
    moments = [
        model.objects.filter(status=Status.PUBLISHED, public_from__gt=now).aggregate(next=Min("public_from"))["next"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    return min((moment for moment in moments if moment), default=None)


def _cache_reachable():
    # Only the Redis backend can fail; it says so while it leaves Redis alone after an error.
    return getattr(cache, "reachable", True)


def current_generation():
    """The token under which pages are cached now; a new one after any change or scheduled publication.

    None when the shared cache cannot be read: then nothing may be served from it or kept in it.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None and not _cache_reachable():
        return None
    if _still_current(generation):
        return generation["token"]
    fresh = {"token": secrets.token_hex(8), "renew_at": _next_scheduled_publication()}
    # It must outlive whatever is stored under it; when it expires all of that is only recomputed.
    timeout = max(settings.PAGE_CACHE_SECONDS, settings.DERIVED_CACHE_SECONDS)
    if generation is None:
        # Another process may have just created one: keep whichever was stored first.
        cache.add(GENERATION_KEY, fresh, timeout=timeout)
    else:
        cache.set(GENERATION_KEY, fresh, timeout=timeout)
    stored = cache.get(GENERATION_KEY)
    if stored is None and not _cache_reachable():
        return None
    return (stored or fresh)["token"]


def invalidate_pages():
    """Make every cached page stale: now, and again once the surrounding transaction commits.

    The second discard matters: a visitor reading between the first and the commit still sees the
    old rows and may cache them under a new generation; the one after the commit drops that too.
    """
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY))


def remember_per_generation(computations, seconds):
    """{name: value} for {name: function}, each worked out once per content generation and language.

    For what many pages derive from all public content, such as the event list's filter choices: it
    changes exactly when cached pages go stale, so it is kept under the same generation and read back
    with one round trip for all names. `seconds` = 0 computes every time.
    """
    generation = current_generation() if seconds > 0 else None
    if generation is None:
        return {name: compute() for name, compute in computations.items()}
    prefix = f"page-cache:data:{generation}:{get_language()}:"
    stored = cache.get_many([prefix + name for name in computations])
    values, missing = {}, {}
    for name, compute in computations.items():
        if prefix + name in stored:
            values[name] = stored[prefix + name]
        else:
            values[name] = missing[prefix + name] = compute()
    if missing:
        cache.set_many(missing, seconds)
    return values


class GenerationCountPaginator(Paginator):
    """A Paginator whose count is worked out once per content generation, under `count_key`.

    For lists of everything public of a kind (people, organizations, sitemap sections): deciding
    which of 30,000 people are public takes a pass over all their appearances, hundreds of
    milliseconds, while showing one page of them takes a few. The count changes only with content.
    """

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        name = f"count:{self.count_key}"
        compute = Paginator.count.func
        return remember_per_generation({name: lambda: compute(self)}, settings.DERIVED_CACHE_SECONDS)[name]


def page_key(request, language):
    # Pages hold absolute addresses (canonical links, feeds, sitemaps): each host and scheme has its own.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:page:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_use_cache(request):
    return settings.PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD")


def _is_anonymous_request(request):
    # PageCacheMiddleware has removed a session cookie that names no session.
    return _may_use_cache(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


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


def _still_current(generation):
    """The token of a generation read from the cache, or None if it is missing or due for renewal."""
    if generation is not None and (generation["renew_at"] is None or timezone.now() < generation["renew_at"]):
        return generation["token"]
    return None


class _RecentPages:
    """The pages this process served last, by key, each with the generation it was made under.

    Only a copy: a page is served from here only when its generation is still the one in the shared
    cache, which is read on every request, so no process can serve a page another has made stale.
    What it saves is carrying the page (tens of kilobytes) from the shared cache each time.
    """

    def __init__(self):
        self._entries = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, generation):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != generation:
                return None
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
        if not _may_use_cache(request):
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
        # Read before the page is made: if content changes meanwhile, the page is kept under the old token.
        generation = current_generation()
        if generation is None:
            return self.get_response(request)  # the cache cannot be read: made live, and not kept
        entry = _recent_pages.get(key, generation)
        if entry is None:
            entry = cache.get(key)
            if entry is not None and entry[0] == generation:
                _recent_pages.put(key, entry)
            else:
                entry = None
        if entry is not None:
            _generation, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[CACHE_STATUS_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _may_store(response):
            entry = (generation, response.status_code, list(response.items()), response.content)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            _recent_pages.put(key, entry)
            response[CACHE_STATUS_HEADER] = "miss"
        return response


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


def cache_public_page(view):
    """Mark the view's pages as the same for every visitor, so PageCacheMiddleware may keep them.

    The GET parameters the view declares it reads are kept; any other is removed before the view runs.
    A view that declares nothing is refused here, so no public page can forget to.
    """
    query = query_parameters_of(view)
    if query is None:
        raise ImproperlyConfigured(
            f"{view!r} declares no query parameters: give its class `query_parameters = (...)` or wrap it in "
            "reads_query_parameters(...) (archive/query_parameters.py) before cache_public_page()."
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
        return response

    public_view.page_cache_public = True
    public_view.page_cache_query = frozenset(query)
    return public_view


def _invalidate_on_change(sender, **kwargs):
    if sender._meta.app_label in settings.PAGE_CACHE_INVALIDATING_APPS:
        invalidate_pages()


def connect_invalidation():
    """Called once from ArchiveConfig.ready(): any change to public-facing models invalidates pages."""
    for name, signal in (("post_save", post_save), ("post_delete", post_delete), ("m2m_changed", m2m_changed)):
        signal.connect(_invalidate_on_change, dispatch_uid=f"page_cache.{name}")
