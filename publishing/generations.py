"""The content generation: one token that changes whenever what visitors may see changes.

Any save or delete of a model in settings.PAGE_CACHE_INVALIDATING_APPS (and any explicit
`invalidate_pages()`, which bulk operations that send no signals must call) discards the token; the
generation also records the next scheduled publication (`public_from` in the future) and is renewed
once that moment passes, so a scheduled item appears on time without any save. What is derived from all
public content (the page cache in website/page_cache.py, filter choices, list counts) is kept under the
current token and so is never used after a change. None when the shared cache cannot be read: then
nothing derived may be served from it or kept in it (see config/redis_cache.py).
"""

import secrets

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language

from .models import Publishable

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


def _still_current(generation):
    """The token of a generation read from the cache, or None if it is missing or due for renewal."""
    if generation is not None and (generation["renew_at"] is None or timezone.now() < generation["renew_at"]):
        return generation["token"]
    return None


def _invalidate_on_change(sender, **kwargs):
    if sender._meta.app_label in settings.PAGE_CACHE_INVALIDATING_APPS:
        invalidate_pages()


def connect_invalidation():
    """Called once from ArchiveConfig.ready(): any change to public-facing models invalidates pages."""
    for name, signal in (("post_save", post_save), ("post_delete", post_delete), ("m2m_changed", m2m_changed)):
        signal.connect(_invalidate_on_change, dispatch_uid=f"page_cache.{name}")
