"""Which published articles and events a change to an object alters, and which items it is part of.

One table for the whole site: an article or event shows its own fields, its rows (citations, figures,
programme, participations…), the images and documents attached to it, the import suggestions waiting on it,
and the people, venues and organizations it names. The workflow (archive/workflow.py) asks this module
whether a change reaches published content; the admin guard (archive/admin_guard.py) asks it on every save,
delete and action, so a change made anywhere meets the same rule as editing the item itself.

"Published" here is the status, so an item scheduled for later counts: visitors will see it without anyone
touching it again. Reference data (occasions, kinds of figure) is changed by editors only and is left out:
one fix would otherwise write to every item of the archive.
"""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q

from .models import Status

PUBLISHED = Status.PUBLISHED


def _model(label):
    return apps.get_model(label)


def _items(*objs):
    return [obj for obj in objs if obj is not None]


def _published(*objs):
    return [obj for obj in _items(*objs) if obj.status == PUBLISHED]


# --- what each kind of object is part of: its rights are those of these items -------------------------------

PARENTS = {
    "archive.sourcecitation": lambda row: _items(row.article),
    "archive.anniversarymention": lambda row: _items(row.article),
    "archive.reportedfigure": lambda row: _items(row.article),
    "importing.importsuggestion": lambda row: _items(row.article),
    "archive.sourcerevision": lambda row: _items(row.article),
    "events.eventreport": lambda row: _items(row.event),
    "events.eventorganizer": lambda row: _items(row.event),
    "events.programmeitem": lambda row: _items(row.event),
    "events.participation": lambda row: _items(row.event),
    "gallery.eventimage": lambda row: _items(row.event),
    "gallery.articleimage": lambda row: _items(row.article),
    "gallery.portrait": lambda row: _items(row.person),
    "gallery.document": lambda row: _items(row.event, row.article),
}


def parents(obj):
    """The articles, events or people whose rows `obj` is: whoever may edit them may edit it."""
    rule = PARENTS.get(obj._meta.label_lower)
    if rule is None:
        return []
    return _safe(rule, obj)


def _safe(rule, obj):
    """A row being added may not have its parent set yet (the form is invalid); it is then part of nothing."""
    try:
        return rule(obj)
    except ObjectDoesNotExist:  # the "related object does not exist" of an empty foreign key
        return []


def _related(obj, name):
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


# --- which published items show it ---------------------------------------------------------------------------


def _article_and_events_it_reports(article):
    """A published article's figures also appear on the published events it reports."""
    if article is None or article.status != PUBLISHED:
        return []
    events = _model("events.Event").objects.filter(status=PUBLISHED, reports__article=article)
    return [article, *events]


def _event_row(row):
    """A row of an event: on the event's page, and on its article's page once both are published."""
    shown = _published(_related(row, "event"))
    article = _related(row, "article")
    if shown and article is not None and article.status == PUBLISHED:
        shown.append(article)
    return shown


def _published_items(article_q=None, event_q=None):
    Article, Event = _model("archive.Article"), _model("events.Event")
    found = []
    if article_q is not None:
        found += Article.objects.filter(article_q, status=PUBLISHED).distinct()
    if event_q is not None:
        found += Event.objects.filter(event_q, status=PUBLISHED).distinct()
    return found


def _visible_rows(model_name, **filters):
    """(event id, article id) of the event rows visitors see: the event and its article are both published."""
    model = _model(f"events.{model_name}")
    rows = model.objects.filter(event__status=PUBLISHED, article__status=PUBLISHED, **filters)
    return list(rows.values_list("event_id", "article_id"))


def _rows_and_more(rows, *, article_q=None, event_q=None):
    article_ids = {article_id for _event_id, article_id in rows}
    event_ids = {event_id for event_id, _article_id in rows}
    article_q = Q(pk__in=article_ids) | (article_q or Q(pk__in=[]))
    event_q = Q(pk__in=event_ids) | (event_q or Q(pk__in=[]))
    return _published_items(article_q=article_q, event_q=event_q)


def _person(person):
    return _rows_and_more(_visible_rows("Participation", person=person), article_q=Q(figures__stated_by=person))


def _venue(venue):
    return _published_items(event_q=Q(venue=venue))


def _organization(org):
    rows = (
        _visible_rows("EventOrganizer", organization=org)
        + _visible_rows("Participation", organization=org)
        + _visible_rows("ProgrammeItem", provided_by=org)
    )
    return _rows_and_more(
        rows,
        article_q=Q(outlet=org) | Q(citations__organization=org),
        event_q=Q(venue__organization=org),
    )


def _image(image):
    shown = _published_items(article_q=Q(images__image=image), event_q=Q(gallery_images__image=image))
    for portrait in image.portrait_uses.select_related("person"):
        shown += _person(portrait.person)
    return shown


SHOWN_BY = {
    "archive.article": lambda item: _published(item),
    "events.event": lambda item: _published(item),
    "archive.sourcecitation": lambda row: _published(row.article),
    "archive.anniversarymention": lambda row: _published(row.article),
    "importing.importsuggestion": lambda row: _article_and_events_it_reports(row.article),
    "archive.reportedfigure": lambda row: _article_and_events_it_reports(row.article),
    "archive.sourcerevision": lambda row: _published(row.article),
    "events.eventreport": _event_row,
    "events.eventorganizer": _event_row,
    "events.programmeitem": _event_row,
    "events.participation": _event_row,
    "events.person": _person,
    "events.venue": _venue,
    "events.organization": _organization,
    "gallery.image": _image,
    "gallery.eventimage": lambda row: _published(row.event),
    "gallery.articleimage": lambda row: _published(row.article),
    "gallery.portrait": lambda row: _person(row.person),
    "gallery.document": lambda row: _published(row.event, row.article),
}

FOUND_BY_QUERY = {"events.person", "events.venue", "events.organization", "gallery.image"}

# Changed only by editors, named by a great many items: their own history records a change, not every item.
REFERENCE_DATA = {"archive.figurekind", "events.occasion"}
# Written only by the workflow itself, never changed by anyone.
RECORDS = {"publishing.workflowlogentry"}


def published_items_showing(obj):
    """The published articles and events whose pages a change to `obj` alters (each once, articles first).

    An object saved in memory with new links (a figure moved to another article) is asked about as it
    stands; ask before and after a change to know everything it alters.
    """
    rule = SHOWN_BY.get(obj._meta.label_lower)
    if rule is None:
        return []
    if obj.pk is None and obj._meta.label_lower in FOUND_BY_QUERY:
        return []  # nothing can link to an object that is not saved yet
    unique = {}
    for item in _safe(rule, obj):
        unique.setdefault((item._meta.label_lower, item.pk), item)
    return sorted(unique.values(), key=lambda item: (item._meta.label_lower, item.pk))


def is_governed(model):
    """Whether the rule knows this kind of object (a test fails when a registered model is not covered)."""
    label = model._meta.label_lower
    return label in SHOWN_BY or label in REFERENCE_DATA or label in RECORDS
