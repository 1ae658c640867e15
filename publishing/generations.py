"""The content generation: one token that makes every cached page and aggregate stale at once.

Only `invalidate_pages()` discards it now: bulk operations that send no signals must call it (so must
anything that changes what visitors see without saving a model). It also records the next scheduled
publication (`public_from` in the future) and is renewed once that moment passes, so a scheduled item
appears on time without any save. Ordinary saves and deletes make stale only what depends on what they
changed (publishing/dependencies.py). None when the shared cache cannot be read: then nothing derived may be
served from it or kept in it (see config/redis_cache.py).
"""

import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from . import dependencies
from .models import Publishable
from .paging import IdsFirstPaginator, page_bounds, rows_in_order

GENERATION_KEY = "page-cache:generation"


def _next_scheduled_publication():
    """The earliest future `public_from` of published content, or None."""
    moments = [
        model._default_manager.scheduled().aggregate(next=Min("public_from"))["next"]
        for model in apps.get_models()
        if issubclass(model, Publishable)
    ]
    return min((moment for moment in moments if moment), default=None)


def _cache_reachable():
    # Only the Redis backend can fail; it says so while it leaves Redis alone after an error.
    return getattr(cache, "reachable", True)


def current_generation(stored=None):
    """The token under which pages are cached now; a new one after invalidate_pages() or a scheduled publication.

    `stored` is a get_many answer that already holds the generation, if read with other keys. None when the
    shared cache cannot be read: then nothing may be served from it or kept in it.
    """
    generation = stored.get(GENERATION_KEY) if stored is not None else cache.get(GENERATION_KEY)
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


def _kept_prefix(generation):
    return f"page-cache:data:{generation}:{get_language()}:"


def _read_kept(prefix, names):
    """{name: value} of those of `names` kept under `prefix` whose versions are still current.

    Their versions are passed on to the page being made, which then goes stale with them.
    """
    stored = cache.get_many([prefix + name for name in names])
    tags = {tag for entry in stored.values() for tag in entry[1]}
    current = cache.get_many(dependencies.tag_keys(tags)) if tags else {}
    found = {}
    for name in names:
        entry = stored.get(prefix + name)
        if entry is not None and dependencies.still_current(entry[1], current):
            found[name] = entry[0]
            dependencies.note(derived=entry[1])
    return found


def _work_out(compute):
    """(value, versions): `compute()` and the versions of the kinds its SQL read; versions None when it must
    not be kept (the cache cannot be read, or a change committed while it ran)."""
    clock = dependencies.clock_now()
    with dependencies.collecting() as used:
        value = compute()
    dependencies.note(derived=used.kinds)
    return value, (dependencies.versions_since(used.kinds, clock) if clock is not None else None)


def remember_per_generation(computations, seconds):
    """{name: value} for {name: function}, each worked out once and kept until what it read changes.

    For what many pages derive from all public content, such as the event list's filter choices or the
    people directory's count: each value is kept with the versions of the kinds its SQL read
    (publishing/dependencies.py), is used only while they are current, and passes them on to the page being
    made, which then goes stale with it. Read back with one round trip for all names, one more for their
    versions. `seconds` = 0 computes every time.
    """
    generation = current_generation() if seconds > 0 else None
    if generation is None:
        return {name: compute() for name, compute in computations.items()}
    prefix = _kept_prefix(generation)
    values = _read_kept(prefix, computations)
    missing = {}
    for name, compute in computations.items():
        if name in values:
            continue
        values[name], versions = _work_out(compute)
        if versions is not None:
            missing[prefix + name] = (values[name], versions)
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


class GenerationPagesPaginator(GenerationCountPaginator, IdsFirstPaginator):
    """A paginator over a queryset that also keeps, per content generation, which rows each page holds.

    With OFFSET, page 300 of the people directory makes the database decide which of the 29,900 people
    before it are public, and work out their columns, to skip them (340 ms at 30,000 people). Here one pass
    reads the ids of the whole list in its order (the pass the count needed anyway) and keeps them page by
    page; a page then reads just its own rows by id, as fast as the first page. The rows are read through
    the list's own queryset, so one that stopped being public since is left out rather than shown. Without
    a cache to keep them in (or with DERIVED_CACHE_SECONDS = 0) it reads a page's ids first (IdsFirstPaginator).
    """

    def _layout(self, number):
        """(count, ids of page `number`), kept for this generation; None when nothing may be kept."""
        seconds = settings.DERIVED_CACHE_SECONDS
        generation = current_generation() if seconds > 0 else None
        if generation is None:
            return None
        pages = self.__dict__.get("_worked_out")
        if pages is None:
            prefix = f"{_kept_prefix(generation)}pages:{self.count_key}:{self.per_page}:"
            found = _read_kept(prefix, ["count", str(number)])
            if "count" in found and str(number) in found:
                return found["count"], found[str(number)]
            ids, versions = _work_out(lambda: list(self.object_list.values_list("pk", flat=True)))
            self.__dict__["count"] = len(ids)
            # Kept on the paginator too: the page asked for next must not make the pass again when the cache
            # would not keep it (a change committed while it ran).
            pages = self.__dict__["_worked_out"] = {
                str(page): ids[slice(*page_bounds(self, page))] for page in self.page_range
            }
            if versions is not None:
                kept = {f"{prefix}{name}": (value, versions) for name, value in pages.items()}
                kept[f"{prefix}count"] = (len(ids), versions)
                cache.set_many(kept, seconds)
        return self.count, pages.get(str(number), [])

    @cached_property
    def count(self):
        layout = self._layout(1)
        return Paginator.count.func(self) if layout is None else layout[0]

    def page(self, number):
        number = self.validate_number(number)
        layout = self._layout(number)
        if layout is None:
            return super().page(number)
        return self._get_page(rows_in_order(self.object_list, layout[1]), number, self)


def _still_current(generation):
    """The token of a generation read from the cache, or None if it is missing or due for renewal."""
    if generation is not None and (generation["renew_at"] is None or timezone.now() < generation["renew_at"]):
        return generation["token"]
    return None


def connect_invalidation():
    """Called once from PublishingConfig.ready(): a change to public-facing models makes stale what shows it."""
    dependencies.connect()
