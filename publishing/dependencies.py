"""What a cached page or aggregate depends on, and which of those a change to content renews.

A *tag* names something pages can depend on: `all` (everything), `kind:<model>` (the whole table of a model,
for lists, counts and filter choices), `words:<model>` (the wording of any article or event, for the lists
showing them) or `obj:<model>:<pk>` (one article, event, person…, for an item's own page). Each tag has a
version in the shared cache, a number from one shared clock (`page-cache:clock`, only ever incremented).

- **Recording.** While a page or an aggregate is made, `collecting()` notes the tables its SQL reads (a page
  of a list depends on the kinds it read) and the content items it loaded (a detail page depends on the
  objects it shows). The view says which of the two its page goes by (publishing/public_pages.py); search
  goes by `all`.
- **Storing.** The clock is read *before* the page is made (`clock_now()`), the tags' versions after; a page
  is kept only if no tag was renewed after that reading, so a change that committed while the page was
  being made (whose rows the page may or may not show) can never be kept under a version made after it.
  A missing tag is created with a negative version, by `add`, so it never overwrites a renewal.
- **Renewing.** Any save or delete of a model in settings.PAGE_CACHE_INVALIDATING_APPS renews `all`, its
  kind (for a correction of an article's or event's wording only, `words:` instead: no list is filtered or
  ordered by wording and no aggregate shows it, so lists that only read the kind keep their pages), the
  object, the objects it points at (and what those point at: an event's venue's organization), and, for a
  change to an existing object, the objects its rows point at (publishing an article renews the events
  that report it and the people its figures quote). Renewed twice, as the site generation is: at
  once (a delete, which config/redis_cache.py re-sends after an outage) and once the transaction commits
  (a new clock value set on each tag).
- **Hard changes.** A change that takes something away from visitors (an item no longer public, a delete, a
  row moved to another item) also renews `page-cache:hard`. The page cache may answer with the previous copy
  of a page while it is made again (website/page_cache.py), but never with one made before the last hard
  change.

Bulk updates send no signals: they still call `invalidate_pages()` (publishing/generations.py), which makes
every page stale at once.
"""

import contextlib
import contextvars
import functools
import re
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import CharField, SlugField, TextField
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save
from django.utils import timezone

from . import exposure
from .models import Publishable, Status

CLOCK_KEY = "page-cache:clock"
HARD_KEY = "page-cache:hard"
TAG_PREFIX = "page-cache:tag:"
EVERYTHING = "all"

# What a page goes by (publishing/public_pages.py): the kinds its SQL read, the objects it loaded, or everything.
BY_KINDS = "kinds"
BY_OBJECTS = "objects"
BY_EVERYTHING = "everything"

_QUOTED = re.compile(r'"(\w+)"')
_collector = contextvars.ContextVar("page_dependencies", default=None)


def _tag_timeout():
    # A tag that expires is made again with a newer version: what was kept under it is only made again.
    return 4 * max(settings.PAGE_CACHE_SECONDS, settings.DERIVED_CACHE_SECONDS, 1)


def _watched(model):
    return model._meta.app_label in settings.PAGE_CACHE_INVALIDATING_APPS


@functools.cache
def _kinds_by_table():
    """{table name: kind tag} for every model (and many-to-many table) of the apps whose changes are watched."""
    return {
        model._meta.db_table: f"kind:{model._meta.label_lower}"
        for model in apps.get_models(include_auto_created=True)
        if _watched(model)
    }


def _is_item(model):
    """Articles, events, people, venues…: what a page shows, as opposed to the rows of one (figures, reports)."""
    return _watched(model) and not exposure.is_row(model)


class Dependencies:
    """The tags one page or aggregate depends on, gathered while it is made."""

    def __init__(self):
        self.kinds = set()
        self.objects = set()
        self.wordings = set()  # `words:<model>` of the articles and events it showed
        self.derived = set()  # the kinds the aggregates it used were worked out from

    def tags(self, by):
        if by == BY_EVERYTHING:
            return {EVERYTHING}
        if by == BY_OBJECTS:
            return self.objects | self.derived
        # A list goes stale with a correction of the wording of a kind it shows, not of one it only read.
        return self.kinds | self.wordings | self.derived


def _note_sql(execute, sql, params, many, context):
    collected = _collector.get()
    if collected is not None:
        kinds = _kinds_by_table()
        collected.kinds.update(kinds[name] for name in _QUOTED.findall(sql) if name in kinds)
    return execute(sql, params, many, context)


def _note_loaded(sender, instance, **kwargs):
    collected = _collector.get()
    if collected is not None and instance.pk is not None and _is_item(sender):
        collected.objects.add(f"obj:{sender._meta.label_lower}:{instance.pk}")
        if issubclass(sender, Publishable):
            collected.wordings.add(f"words:{sender._meta.label_lower}")


@contextlib.contextmanager
def collecting():
    """Gather what is made inside into a Dependencies, which also joins the enclosing one's (an aggregate's)."""
    collected = Dependencies()
    token = _collector.set(collected)
    try:
        with connection.execute_wrapper(_note_sql):
            yield collected
    finally:
        _collector.reset(token)
        note(kinds=collected.kinds, objects=collected.objects, wordings=collected.wordings, derived=collected.derived)


def note(*, kinds=(), objects=(), wordings=(), derived=()):
    """Add to the page being made the tags of something it used: what an aggregate was worked out from."""
    collected = _collector.get()
    if collected is not None:
        collected.kinds.update(kinds)
        collected.objects.update(objects)
        collected.wordings.update(wordings)
        collected.derived.update(derived)


# --- the clock and the versions ----------------------------------------------------------------------------------


def _tick():
    """A new clock value, larger than any before; None when the cache cannot be written."""
    try:
        return cache.incr(CLOCK_KEY)
    except ValueError:
        # Missing (or evicted): start from the time in microseconds, beyond any value handed out before.
        cache.add(CLOCK_KEY, time.time_ns() // 1000, timeout=None)
        try:
            return cache.incr(CLOCK_KEY)
        except ValueError:
            return None


def clock_now(stored=None):
    """The clock's value now (or as read in `stored`, a get_many answer); None when the cache cannot be read."""
    value = stored.get(CLOCK_KEY) if stored is not None else cache.get(CLOCK_KEY)
    if value is None:
        value = _tick()
    return value


def _is_object_key(key):
    return key.startswith(TAG_PREFIX + "obj:")


def tag_keys(tags):
    return [TAG_PREFIX + tag for tag in tags]


def versions_since(tags, clock):
    """{tag: version} for what was made after `clock` was read, or None when it must not be kept.

    A renewal (a positive version) must not be newer than `clock`: it may belong to a change that committed
    after the page began and that the page does not show. A tag that was missing is created with a negative
    version, by `add`, which never overwrites a renewal; any renewal after that replaces it, so such a
    version is safe whoever created it. None too when the cache cannot be read or written.
    """
    keys = tag_keys(tags)
    stored = cache.get_many(keys) if keys else {}
    missing = [key for key in keys if key not in stored]
    if missing:
        version = _tick()
        if version is None:
            return None
        _add_many({key: -version for key in missing if _is_object_key(key)}, _tag_timeout())
        _add_many({key: -version for key in missing if not _is_object_key(key)}, None)
        stored.update(cache.get_many(missing))
    if len(stored) < len(keys) or any(version > clock for version in stored.values()):
        return None
    return {tag: stored[TAG_PREFIX + tag] for tag in tags}


def everything_version():
    """A version that changes with every change to public content (the `all` tag's); None when it cannot be known.

    For answers that depend on all content but are not kept in the page cache, such as the API's ETags.
    """
    version = cache.get(TAG_PREFIX + EVERYTHING)
    if version is not None:
        return version
    clock = clock_now()
    versions = versions_since({EVERYTHING}, clock) if clock is not None else None
    return None if versions is None else versions[EVERYTHING]


def _add_many(values, timeout):
    """cache.add for each, in one round trip where the backend can (config/redis_cache.py)."""
    if hasattr(cache, "add_many"):
        cache.add_many(values, timeout=timeout)
    else:
        for key, value in values.items():
            cache.add(key, value, timeout=timeout)


def still_current(versions, stored):
    """Whether every tag in `versions` still has that version in `stored` (a get_many answer)."""
    return all(stored.get(TAG_PREFIX + tag) == version for tag, version in versions.items())


def last_hard_change(stored):
    """The clock value of the last change that took something away (read in `stored`, a get_many answer).

    When none is known (never recorded, evicted, or just deleted by a change not yet committed), it is set
    to now: nothing made before may stand in for a newer page. None when the cache cannot be written.
    """
    value = stored.get(HARD_KEY)
    if value is None:
        version = _tick()
        if version is None:
            return None
        cache.add(HARD_KEY, version, timeout=None)
        value = cache.get(HARD_KEY)
    return value


# --- renewing --------------------------------------------------------------------------------------------------


def renew(tags, *, hard=False):
    """Make everything kept under `tags` stale: now, and again with a new version once the transaction commits."""
    keys = tag_keys(tags) + ([HARD_KEY] if hard else [])
    cache.delete_many(keys)
    transaction.on_commit(lambda: _renew_after_commit(keys))


def _renew_after_commit(keys):
    cache.delete_many(keys)  # re-sent after an outage, unlike the set below
    version = _tick()
    if version is not None:
        # Kinds and `all` are read by most pages: they must not expire on their own and stale them all at once.
        objects = {key: version for key in keys if _is_object_key(key)}
        others = {key: version for key in keys if not _is_object_key(key)}
        for values, timeout in ((objects, _tag_timeout()), (others, None)):
            if values:
                cache.set_many(values, timeout=timeout)


def _foreign_keys(model):
    """The foreign keys of `model` to models whose changes are watched (attname, target model)."""
    return [
        (field.attname, field.related_model)
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is not None and _watched(field.related_model)
    ]


def _pointed_at(model, values):
    """obj tags of what `values` ({attname: id}) point at, and of what those point at in turn."""
    tags = set()
    for attname, target in _foreign_keys(model):
        target_id = values.get(attname)
        if target_id is None:
            continue
        tags.add(f"obj:{target._meta.label_lower}:{target_id}")
        further = _foreign_keys(target)
        if further:
            row = target._base_manager.filter(pk=target_id).values(*(name for name, _m in further)).first() or {}
            tags.update(
                f"obj:{model2._meta.label_lower}:{row[name]}" for name, model2 in further if row.get(name) is not None
            )
    return tags


def _rows_pointing_at(instance):
    """obj tags of the items whose rows point at `instance`: the event that reports an article, and so on."""
    tags = set()
    for relation in instance._meta.related_objects:
        related = relation.related_model
        if relation.many_to_many or not _watched(related) or not relation.field.concrete:
            continue
        fields = _foreign_keys(related)
        rows = related._base_manager.filter(**{relation.field.name: instance.pk}).values("pk", *(n for n, _m in fields))
        for row in rows:
            if _is_item(related):
                tags.add(f"obj:{related._meta.label_lower}:{row['pk']}")
            tags.update(f"obj:{model._meta.label_lower}:{row[name]}" for name, model in fields if row[name] is not None)
    return tags


def _own_tags(instance):
    label = instance._meta.label_lower
    return {EVERYTHING, f"kind:{label}", f"obj:{label}:{instance.pk}"}


def _is_public(status, public_from):
    return status == Status.PUBLISHED and (public_from is None or public_from <= timezone.now())


@functools.cache
def _wording_fields(model):
    """The fields of an article or event that only its own pages and the lists showing it display.

    Its texts (title, lead, body, description…): no list is ordered or filtered by them, and no aggregate kept
    by remember_per_generation shows them, so a correction renews the item and what shows it, not its kind.
    Fields with choices, slugs, unique or indexed fields, and those in the ordering or an index, are not. The
    sitemap, which reads no item but their `updated_at`, gives a corrected page's old lastmod until the next
    change to its kind or PAGE_CACHE_SECONDS.
    """
    if not issubclass(model, Publishable):
        return frozenset()
    ordered = {name.lstrip("-") for name in model._meta.ordering}
    indexed = {name.lstrip("-") for index in model._meta.indexes for name in index.fields}
    return frozenset(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, CharField | TextField)
        and not isinstance(field, SlugField)
        and not field.choices
        and not field.unique
        and not field.db_index
        and field.name not in ordered | indexed
        and not getattr(field, "generated", False)
    ) | {"updated_at"}  # the row's version (publishing/lost_updates.py); a sitemap's lastmod may lag behind it


def _remember_before(sender, instance, raw=False, **kwargs):
    """Before a change to an existing object: what it pointed at, whether visitors could see it, its wording."""
    if raw or not _watched(sender) or instance._state.adding or instance.pk is None:
        return
    names = [name for name, _m in _foreign_keys(sender)]
    if issubclass(sender, Publishable):
        names += ["status", "public_from"]
        names += [
            field.attname
            for field in sender._meta.concrete_fields
            if field.attname not in names and not getattr(field, "generated", False)
        ]
    instance._page_cache_before = sender._base_manager.filter(pk=instance.pk).values(*names).first()


def _renew_on_save(sender, instance, created, raw=False, **kwargs):
    if not _watched(sender):
        return
    if raw:  # fixtures: what they touch is unknown without queries; make everything stale
        from .generations import invalidate_pages

        invalidate_pages()
        return
    if isinstance(instance, Publishable) and instance.is_scheduled:
        # The content generation records the next scheduled publication, to be renewed when it falls due.
        from .generations import invalidate_pages

        invalidate_pages()
    before = getattr(instance, "_page_cache_before", None)
    instance._page_cache_before = None
    now = {name: getattr(instance, name) for name, _m in _foreign_keys(sender)}
    tags = _own_tags(instance) | _pointed_at(sender, now)
    hard = False
    if before is not None:
        moved = {name: value for name, value in before.items() if name in now and now[name] != value}
        tags |= _pointed_at(sender, moved)
        hard = bool(moved)
        if issubclass(sender, Publishable):
            hard = hard or (
                _is_public(before["status"], before["public_from"])
                and not _is_public(instance.status, instance.public_from)
            )
    if before is not None and _only_wording_changed(sender, instance, before):
        # Lists showing items of the kind go stale, not those that only read it nor the aggregates.
        tags.discard(f"kind:{sender._meta.label_lower}")
        tags.add(f"words:{sender._meta.label_lower}")
    if not created:
        tags |= _rows_pointing_at(instance)
    renew(tags, hard=hard)


def _only_wording_changed(model, instance, before):
    wording = _wording_fields(model)
    if not wording:
        return False
    changed = {name for name, value in before.items() if getattr(instance, name) != value}
    return changed <= wording


def _renew_on_delete(sender, instance, **kwargs):
    if _watched(sender):
        values = {name: getattr(instance, name) for name, _m in _foreign_keys(sender)}
        renew(_own_tags(instance) | _pointed_at(sender, values), hard=True)


def _renew_on_m2m(sender, instance, action, model, pk_set, **kwargs):
    if not action.startswith("post_") or not (_watched(sender) or _watched(type(instance))):
        return
    tags = _own_tags(instance) | {f"kind:{sender._meta.label_lower}", f"kind:{model._meta.label_lower}"}
    tags |= {f"obj:{model._meta.label_lower}:{pk}" for pk in pk_set or ()}
    renew(tags, hard=action in ("post_remove", "post_clear"))


def connect():
    """Called once from PublishingConfig.ready(): record what pages load, and renew what changes touch."""
    post_init.connect(_note_loaded, dispatch_uid="page_dependencies.post_init")
    pre_save.connect(_remember_before, dispatch_uid="page_dependencies.pre_save")
    post_save.connect(_renew_on_save, dispatch_uid="page_dependencies.post_save")
    post_delete.connect(_renew_on_delete, dispatch_uid="page_dependencies.post_delete")
    m2m_changed.connect(_renew_on_m2m, dispatch_uid="page_dependencies.m2m_changed")
