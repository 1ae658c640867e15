"""What the API and the downloads read: public records only, each with what its representation needs in a fixed
number of queries whatever the page size (select_related / prefetch_related; long texts left unread in lists).

Visibility is decided here and only here, with the publishing vocabulary: `published()` for articles, events and
figures, `public()` for people, venues and organizations, `published_q()` for the rows of an event or article
(both the event and the article must be published). A nested record reached from a published row is public by the
same definitions (a person at a published participation is a public person), so nothing hidden is named.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from archive.models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation
from events.models import (
    Event,
    EventOrganizer,
    EventReport,
    Occasion,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)
from publishing.models import published_q

ARTICLE_TEXTS = [f"article__{name}" for name in Article.LONG_TEXTS]
EVENT_TEXTS = [f"event__{name}" for name in Event.LONG_TEXTS]


def occasions():
    """Occasions that published events mark (the home page lists the same)."""
    return Occasion.objects.filter(Exists(Event.objects.published().filter(occasion=OuterRef("pk")))).order_by(
        "began_on", "slug"
    )


def people():
    return Person.objects.public().order_by("slug")


def venues():
    return Venue.objects.public().select_related("organization").order_by("country_code", "slug")


def organizations():
    return Organization.objects.public().order_by("slug")


def events():
    return Event.objects.published().select_related("venue", "occasion").defer(*Event.LONG_TEXTS)


def _rows_of_published_articles(model, *related):
    return (
        model.objects.filter(published_q("article__"))
        .select_related("article__outlet", *related)
        .defer(*ARTICLE_TEXTS)
        .order_by("position")
    )


def event_details():
    """Published events with the rows published articles report of them (the event page shows the same)."""
    reports = (
        EventReport.objects.filter(published_q("article__"))
        .select_related("article__outlet")
        .defer(*ARTICLE_TEXTS)
        .order_by("article__published_on", "article__slug")
    )
    return (
        Event.objects.published()
        .select_related("venue", "occasion")
        .prefetch_related(
            Prefetch("reports", queryset=reports, to_attr="public_reports"),
            Prefetch("organizers", _rows_of_published_articles(EventOrganizer, "organization"), "public_organizers"),
            Prefetch("programme", _rows_of_published_articles(ProgrammeItem, "provided_by"), "public_programme"),
            Prefetch(
                "participations",
                _rows_of_published_articles(Participation, "person", "organization"),
                "public_participations",
            ),
        )
    )


def articles():
    return Article.objects.published().select_related("outlet").defer(*Article.LONG_TEXTS)


def article_details():
    """Published articles with their sources, dating passages, and the published events they report."""
    reports = (
        EventReport.objects.filter(published_q("event__"))
        .select_related("event")
        .defer(*EVENT_TEXTS)
        .order_by("event__held_on", "event__slug")
    )
    return (
        Article.objects.published()
        .select_related("outlet")
        .prefetch_related(
            Prefetch("citations", SourceCitation.objects.select_related("organization")),
            Prefetch("anniversary_mentions", AnniversaryMention.objects.select_related("occasion")),
            Prefetch("event_reports", reports, to_attr="public_event_reports"),
        )
    )


def figure_kinds():
    """Kinds of figure that published reports give, each with how many do."""
    published = ReportedFigure.objects.published().order_by()
    counts = published.filter(kind=OuterRef("pk")).values("kind").annotate(count=Count("pk")).values("count")
    return (
        FigureKind.objects.filter(Exists(published.filter(kind=OuterRef("pk"))))
        .annotate(report_count=Coalesce(Subquery(counts), 0))
        .order_by("position", "slug")
    )


def figures():
    """Figures of published articles, each with its article's sources, never merged; the event each was stated at
    only when it is published."""
    return (
        ReportedFigure.objects.published()
        .select_related("kind", "article__outlet", "stated_by")
        .defer(*ARTICLE_TEXTS)
        .with_published_events()
        .prefetch_related(Prefetch("article__citations", SourceCitation.objects.select_related("organization")))
        # In the order they were recorded: sorting 100,000 published figures by kind and value for every page took
        # 1.4 s at 100,000 articles, the primary key's order 0.05 s (bench/RESULTS.md). Filter by kind to group them.
        .order_by("pk")
    )
