"""What changes to events and the directory alter on the site (the rule of publishing/exposure.py, for this app).

An event shows itself; its reports, organizers, programme and participations are its rows, shown on its page
and, once both are published, on the page of the article they were reported in. People, venues and
organizations appear on every published page that names them. A mention (a person or organization named in a
report) is a row of its article, shown wherever the article or the record it names is. Occasions are reference data.
"""

from django.db.models import Q

from archive.models import Article, ReportedFigure
from publishing import exposure
from publishing.models import Status

from .models import (
    Event,
    EventOrganizer,
    EventReport,
    Mention,
    Occasion,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)

PUBLISHED = Status.PUBLISHED


def events_reporting(article):
    """A published article's figures also appear on the published events it reports."""
    if article is None or article.status != PUBLISHED:
        return []
    return list(Event.objects.filter(status=PUBLISHED, reports__article=article))


def _event_row(row):
    """A row of an event: on the event's page, and on its article's page once both are published."""
    shown = exposure.published(exposure.related(row, "event"))
    article = exposure.related(row, "article")
    if shown and article is not None and article.status == PUBLISHED:
        shown.append(article)
    return shown


def _visible_rows(model, **filters):
    """(event id, article id) of the event rows visitors see: the event and its article are both published."""
    rows = model.objects.filter(event__status=PUBLISHED, article__status=PUBLISHED, **filters)
    return list(rows.values_list("event_id", "article_id"))


def _rows_and_more(rows, *, article_q, event_q=None):
    article_ids = {article_id for _event_id, article_id in rows}
    event_ids = {event_id for event_id, _article_id in rows}
    return [
        *exposure.published_matching(Article, Q(pk__in=article_ids) | article_q),
        *exposure.published_matching(Event, Q(pk__in=event_ids) | (event_q or Q(pk__in=[]))),
    ]


def _person(person):
    return _rows_and_more(
        _visible_rows(Participation, person=person),
        article_q=Q(figures__stated_by=person) | Q(mentions__person=person),
    )


def _venue(venue):
    return exposure.published_matching(Event, Q(venue=venue))


def _organization(org):
    rows = (
        _visible_rows(EventOrganizer, organization=org)
        + _visible_rows(Participation, organization=org)
        + _visible_rows(ProgrammeItem, provided_by=org)
    )
    return _rows_and_more(
        rows,
        article_q=Q(outlet=org) | Q(citations__organization=org) | Q(mentions__organization=org),
        event_q=Q(venue__organization=org),
    )


def register():
    exposure.shown_by(Event, exposure.published)
    for row in (EventReport, EventOrganizer, ProgrammeItem, Participation):
        exposure.part_of(row, "event")
        exposure.shown_by(row, _event_row)
    exposure.part_of(Mention, "article")
    exposure.shown_by(Mention, lambda row: exposure.shown_with(row.article, row.person, row.organization))
    exposure.shown_by(ReportedFigure, lambda figure: events_reporting(figure.article))
    exposure.shown_by(Person, _person, found_by_query=True)
    exposure.shown_by(Venue, _venue, found_by_query=True)
    exposure.shown_by(Organization, _organization, found_by_query=True)
    exposure.reference_data(Occasion)
