"""Which published items a change to an object alters, and which items it is part of: the registry of the rule.

An article or event shows its own fields, its rows (citations, figures, programme, participations…), the images
and documents attached to it, the import suggestions waiting on it, and the people, venues and organizations it
names. Only the app that owns a model knows which of these it is, so each content app says it in its own
`exposure.py`, registered from its AppConfig.ready(); this module holds the mechanism and knows no other app.
The workflow (publishing/workflow.py) asks it whether a change reaches published content; the admin guard
(publishing/admin/guard.py) asks it on every save, delete and action, so a change made anywhere meets the same
rule as editing the item itself. The system check in publishing/checks.py fails while a model of a content app
has no rule here or its admin is not guarded, so a new app inherits the rule.

"Published" here is the status, so an item scheduled for later counts: visitors will see it without anyone
touching it again. Reference data (occasions, kinds of figure) is changed by editors only and is left out:
one fix would otherwise write to every item of the archive.
"""

from django.core.exceptions import ObjectDoesNotExist

from .models import Status

PUBLISHED = Status.PUBLISHED

# model label -> the fields naming the items it is part of, and the rules naming what shows it.
_parent_fields = {}
_shown_by = {}
# Objects other objects link to once saved (people, images): found by a query, so an unsaved one is shown nowhere.
_found_by_query = set()
# Changed only by editors, named by a great many items: their own history records a change, not every item.
_reference_data = set()
# Written only by the workflow itself, never changed by anyone.
_records = set()
# Made from another object by code (an image's renditions), never edited: a change comes through that object.
_derived = set()


def _label(model):
    return model._meta.label_lower


# --- what the apps declare, from their AppConfig.ready() ------------------------------------------------------


def shown_by(model, rule, *, found_by_query=False):
    """`rule(obj)` lists the items (published or not: only published ones count) whose pages show `obj`.

    A model may have several rules, from several apps: a higher layer adds what a lower one cannot know (the
    events that report an article also show its figures). `found_by_query`: others link to it once it is saved.
    """
    _shown_by.setdefault(_label(model), []).append(rule)
    if found_by_query:
        _found_by_query.add(_label(model))


def part_of(model, *fields):
    """Objects of `model` are rows of the items these fields name: whoever may edit the item may edit them."""
    _parent_fields[_label(model)] = fields


def row_of(model, *fields):
    """Rows of the items these fields name: edited as far as the item may be, and shown wherever it shows."""
    part_of(model, *fields)
    shown_by(model, lambda row: shown_with(*(getattr(row, name) for name in fields)))


def reference_data(model):
    _reference_data.add(_label(model))


def record(model):
    _records.add(_label(model))


def derived(model):
    _derived.add(_label(model))


# --- helpers for the rules --------------------------------------------------------------------------------------


def items(*objs):
    return [obj for obj in objs if obj is not None]


def published(*objs):
    """Those of `objs` that are published articles or events."""
    return [obj for obj in items(*objs) if obj.status == PUBLISHED]


def published_matching(model, q):
    """The published items of `model` a query names, each once."""
    return list(model.objects.filter(q, status=PUBLISHED).distinct())


def related(obj, name):
    """`obj.name`, or None where a one-to-one or foreign key points at nothing."""
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


def shown_with(*objs):
    """Everything that shows any of `objs`: a row appears wherever its item or person does."""
    return [item for obj in items(*objs) for item in published_items_showing(obj)]


# --- the questions the workflow and the admin ask ---------------------------------------------------------------


def _safe(rule, obj):
    """A row being added may not have its parent set yet (the form is invalid); it is then part of nothing."""
    try:
        return rule(obj)
    except ObjectDoesNotExist:  # the "related object does not exist" of an empty foreign key
        return []


def parents(obj):
    """The articles, events or people whose rows `obj` is: whoever may edit them may edit it."""
    fields = _parent_fields.get(_label(obj))
    if fields is None:
        return []
    return _safe(lambda row: items(*(getattr(row, name) for name in fields)), obj)


def published_items_showing(obj):
    """The published articles and events whose pages a change to `obj` alters (each once, articles first).

    An object saved in memory with new links (a figure moved to another article) is asked about as it
    stands; ask before and after a change to know everything it alters.
    """
    rules = _shown_by.get(_label(obj))
    if rules is None:
        return []
    if obj.pk is None and _label(obj) in _found_by_query:
        return []  # nothing can link to an object that is not saved yet
    unique = {}
    for rule in rules:
        for item in _safe(rule, obj):
            unique.setdefault((item._meta.label_lower, item.pk), item)
    return sorted(unique.values(), key=lambda item: (item._meta.label_lower, item.pk))


def is_row(model):
    """Whether objects of `model` are rows of other items (figures of an article, reports of an event)."""
    return _label(model) in _parent_fields


def is_governed(model):
    """Whether the rule knows this kind of object as content: shown by items, reference data or a record."""
    label = _label(model)
    return label in _shown_by or label in _reference_data or label in _records


def is_declared(model):
    """Whether its app has said anything about this kind of object, derived files included (the check asks)."""
    return is_governed(model) or _label(model) in _derived
