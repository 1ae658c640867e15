"""The index follows every save and delete of what it holds (signals), and `migrate` rebuilds it when its rules
change (`indexing.VERSION`). Fixture loading saves rows raw, before the rows they point to may exist, so raw saves
are skipped and `load_archive` indexes what it loaded once it has loaded everything (`reindex_instances`).
"""

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from archive.models import Article, ReportedFigure
from events.models import (
    Event,
    EventOrganizer,
    EventReport,
    Mention,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)

from . import indexing


def _records(instance):
    """The (kind, primary key) pairs whose documents hold text of this instance."""
    if isinstance(instance, Article):
        return [("article", instance.pk)]
    if isinstance(instance, Event):
        return [("event", instance.pk)]
    if isinstance(instance, EventReport | ProgrammeItem | EventOrganizer):
        return [("event", instance.event_id)]
    if isinstance(instance, Participation):
        return [("event", instance.event_id), ("person", instance.person_id)]
    if isinstance(instance, Mention):
        return [("person", instance.person_id)] if instance.person_id else [("organization", instance.organization_id)]
    if isinstance(instance, ReportedFigure):
        return [("event", instance.event_id)] if instance.event_id else []
    if isinstance(instance, Person):
        events = Participation.objects.filter(person=instance).values_list("event_id", flat=True)
        figures = ReportedFigure.objects.filter(stated_by=instance, event__isnull=False).values_list(
            "event_id", flat=True
        )
        return [("person", instance.pk), *(("event", pk) for pk in {*events, *figures})]
    if isinstance(instance, Venue):
        return [("venue", instance.pk), *(("event", pk) for pk in instance.events.values_list("pk", flat=True))]
    if isinstance(instance, Organization):
        events = {
            *EventOrganizer.objects.filter(organization=instance).values_list("event_id", flat=True),
            *Participation.objects.filter(organization=instance).values_list("event_id", flat=True),
            *ProgrammeItem.objects.filter(provided_by=instance).values_list("event_id", flat=True),
        }
        people = Participation.objects.filter(organization=instance).values_list("person_id", flat=True)
        venues = Venue.objects.filter(organization=instance).values_list("pk", flat=True)
        return [
            ("organization", instance.pk),
            *(("event", pk) for pk in events),
            *(("person", pk) for pk in set(people)),
            *(("venue", pk) for pk in venues),
        ]
    return []


OWNED = (EventReport, ProgrammeItem, EventOrganizer, Participation, ReportedFigure, Mention)
WATCHED = (Article, Event, Person, Venue, Organization, *OWNED)


def reindex_instances(instances):
    """Index again every record whose documents hold text of these saved instances (after a raw load)."""
    _reindex([pair for instance in instances for pair in _records(instance)])


def _reindex(pairs):
    by_kind = {}
    for kind, pk in pairs:
        if pk is not None:
            by_kind.setdefault(kind, set()).add(pk)
    for kind, ids in by_kind.items():
        indexing.reindex(kind, ids)


def _remember_owners(sender, instance, raw=False, **kwargs):
    """A row moved to another event or person must leave the old one's document too."""
    if raw or instance.pk is None:
        return
    previous = sender.objects.filter(pk=instance.pk).first()
    instance._search_previous_records = _records(previous) if previous is not None else []


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _reindex(_records(instance) + getattr(instance, "_search_previous_records", []))


def _deleted(sender, instance, **kwargs):
    _reindex(_records(instance))


def connect():
    for model in WATCHED:
        post_save.connect(_saved, sender=model, dispatch_uid=f"searchindex-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"searchindex-delete-{model._meta.label}")
    for model in OWNED:
        pre_save.connect(_remember_owners, sender=model, dispatch_uid=f"searchindex-owners-{model._meta.label}")


def rebuild_if_outdated(using="default", verbosity=1, **kwargs):
    """After `migrate`: rebuild the index when it was built by other rules than today's (or never)."""
    from .models import IndexState

    if IndexState._meta.db_table not in connections[using].introspection.table_names():
        return
    with transaction.atomic(using=using):
        if indexing.is_current():
            return
        indexing.rebuild()
    if verbosity >= 1:
        print("  Search index rebuilt.")
