"""Public pages for events, the timeline, people, venues and organizations.

Only `published()` events and articles, and `public()` people, venues and organizations, reach
visitors; related-item lists apply the same rule (an event page never lists a draft article).
"""

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from archive.dates import iso_partial_date
from archive.models import Article, ReportedFigure
from publishing.generations import GenerationPagesPaginator, remember_per_generation
from publishing.models import published_q
from publishing.paging import IdsFirstPaginator
from publishing.public_pages import PAGE

from .filters import EventFilter
from .models import (
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


def _published_articles():
    return Article.objects.published()


def _count_of(queryset, field):
    """How many rows of `queryset` point at each listed row, as a subquery computed only for the rows of a page."""
    rows = queryset.order_by().filter(**{field: OuterRef("pk")}).values(field).annotate(count=Count("pk"))
    return Coalesce(Subquery(rows.values("count")), 0)


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def name_variants(obj):
    """The other spellings the reports use for a record, one per line, as a list."""
    return _lines(obj.name_variants)


def other_spellings(obj):
    """The spellings the archive adds that no report uses, as a list: shown apart from the reports' own."""
    return _lines(obj.other_spellings)


def event_json_ld(event, request):
    """schema.org Event, its date no more precise than known, and the place as reported."""
    venue = event.venue
    address = {"@type": "PostalAddress", "addressCountry": venue.country_code}
    if venue.city:
        address["addressLocality"] = venue.city
    if venue.region:
        address["addressRegion"] = venue.region
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title or event.title_en or event.title_ru,
        "description": event.description or event.description_en or event.description_ru,
        "startDate": iso_partial_date(event.held_on, event.held_on_precision),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": venue.name or venue.name_en, "address": address},
        "inLanguage": get_language(),
        "url": request.build_absolute_uri(event.get_absolute_url()),
    }


def person_json_ld(person, request):
    """schema.org Person with the spellings the reports use and those the archive adds."""
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name or person.name_en or person.name_ru,
        "url": request.build_absolute_uri(person.get_absolute_url()),
    }
    names = (person.name_en, person.name_ru, *name_variants(person), *other_spellings(person))
    other_names = [n for n in dict.fromkeys(names) if n and n != data["name"]]
    if other_names:
        data["alternateName"] = other_names
    if person.description:
        data["description"] = person.description
    return data


def named_in(**record):
    """The published reports naming one person or organization (`person=…` or `organization=…`), latest first.

    Each row brings its article's title, date and outlet, never its text: the passage is the row's own.
    """
    return (
        Mention.objects.published()
        .filter(**record)
        .select_related("article__outlet")
        .defer(*(f"article__{name}" for name in Article.LONG_TEXTS))
        .order_by("-article__published_on", "article__slug", "position")[: settings.RELATED_LIST_LIMIT]
    )


class EventListView(FilterView):
    """Published events with filters (year, anniversary, country, city, occasion, organization, person)."""

    filterset_class = EventFilter
    query_parameters = (*EventFilter.base_filters, PAGE)
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = settings.PUBLIC_PAGE_SIZE
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        return Event.objects.published().select_related("venue", "occasion").defer(*Event.LONG_TEXTS)


class EventDetailView(DetailView):
    """One event as visitors see it; `get_queryset` is the only place visibility is decided."""

    template_name = "events/event_detail.html"
    context_object_name = "event"
    query_parameters = ()

    def get_queryset(self):
        return Event.objects.published().select_related("venue__organization", "occasion")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        # Rows name their article (title, language, slug), never its text: leave the long texts unread.
        no_text = [f"article__{name}" for name in Article.LONG_TEXTS]
        reports = (
            EventReport.objects.filter(published_q("article__"), event=event)
            .select_related("article__outlet")
            .defer(*no_text)
        )
        for report in reports:
            report.event = event  # anniversary_agrees compares with it; no query per report
        context.update(
            {
                "json_ld": event_json_ld(event, self.request),
                "reports": reports,
                "organizers": EventOrganizer.objects.filter(published_q("article__"), event=event)
                .select_related("organization", "article")
                .defer(*no_text),
                "programme": ProgrammeItem.objects.filter(published_q("article__"), event=event)
                .select_related("provided_by", "article")
                .defer(*no_text),
                "participations": Participation.objects.filter(published_q("article__"), event=event)
                .select_related("person", "organization", "article")
                .defer(*no_text),
                "figures": ReportedFigure.objects.published()
                .filter(article__event_reports__event=event)
                .select_related("kind", "article__outlet", "stated_by")
                .defer(*no_text)
                .with_published_events()
                .order_by("kind__position", "kind", "value", "article__published_on", "position"),
            }
        )
        return context


def _events_per_year():
    rows = (
        Event.objects.published()
        .annotate(year=ExtractYear("held_on"), occasion_year=ExtractYear("occasion__began_on"))
        .values("year", "occasion_year")
        .annotate(count=Count("pk"))
        .order_by("year", "occasion_year")
    )
    return list(rows)


class TimelineView(ListView):
    """Published events in date order, under their year, with an index of years and the anniversaries they mark.

    Pages hold TIMELINE_PAGE_SIZE events, so the whole timeline of a small archive is one page and a
    large one stays light; the index links each year to the page where it starts.
    """

    template_name = "events/timeline.html"
    context_object_name = "events"
    query_parameters = (PAGE,)
    paginate_by = settings.TIMELINE_PAGE_SIZE
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        return (
            Event.objects.published()
            .select_related("venue", "occasion")
            .defer(*Event.LONG_TEXTS)
            .order_by("held_on", "slug")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A pass over every published event, the same until content changes: kept per content generation.
        rows = remember_per_generation({"timeline-years": _events_per_year}, settings.DERIVED_CACHE_SECONDS)[
            "timeline-years"
        ]
        years = {}
        for row in rows:
            entry = years.setdefault(row["year"], {"year": row["year"], "count": 0, "anniversaries": []})
            entry["count"] += row["count"]
            entry["anniversaries"].append(row["year"] - row["occasion_year"])
        before = 0
        for entry in years.values():
            entry["page"] = before // self.paginate_by + 1
            before += entry["count"]
        context["years"] = list(years.values())
        return context


class PersonListView(ListView):
    """People who appear in published events or published figures, or whom published reports name."""

    template_name = "events/person_list.html"
    context_object_name = "people"
    query_parameters = (PAGE,)
    paginate_by = settings.PUBLIC_PAGE_SIZE * 5

    def get_queryset(self):
        return Person.objects.public().annotate(appearances=_count_of(Participation.objects.published(), "person"))

    def get_paginator(self, queryset, per_page, **kwargs):
        return GenerationPagesPaginator(queryset, per_page, count_key="people", **kwargs)


def _participations_in_public_events():
    return (
        Participation.objects.published()
        .select_related("event__venue", "event__occasion", "organization", "article")
        .defer(*(f"article__{name}" for name in Article.LONG_TEXTS), *(f"event__{name}" for name in Event.LONG_TEXTS))
    )


class PersonDetailView(DetailView):
    """Every appearance of one person across events and years, every figure they are reported to have given, and
    every published report naming them."""

    template_name = "events/person_detail.html"
    context_object_name = "person"
    query_parameters = ()

    def get_queryset(self):
        return Person.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["variants"] = name_variants(person)
        context["other_spellings"] = other_spellings(person)
        context["json_ld"] = person_json_ld(person, self.request)
        context["participations"] = (
            _participations_in_public_events()
            .filter(person=person)
            .order_by("-event__held_on", "event__slug")[: settings.RELATED_LIST_LIMIT]
        )
        context["figures"] = (
            ReportedFigure.objects.published()
            .filter(stated_by=person)
            .select_related("kind", "article__outlet", "stated_by")
            .with_published_events()
            .order_by("kind__position", "article__published_on", "position")
        )
        context["named_in"] = named_in(person=person)
        context["limit"] = settings.RELATED_LIST_LIMIT
        return context


class VenueListView(ListView):
    """Venues of published events, by country."""

    template_name = "events/venue_list.html"
    context_object_name = "venues"
    query_parameters = (PAGE,)
    paginate_by = settings.PUBLIC_PAGE_SIZE * 5

    def get_queryset(self):
        return (
            Venue.objects.public()
            .select_related("organization")
            .annotate(event_count=_count_of(Event.objects.published(), "venue"))
            .order_by("country_code", "name")
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        return GenerationPagesPaginator(queryset, per_page, count_key="venues", **kwargs)


class VenueDetailView(DetailView):
    """Every published event held at one venue."""

    template_name = "events/venue_detail.html"
    context_object_name = "venue"
    query_parameters = ()

    def get_queryset(self):
        return Venue.objects.public().select_related("organization")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["limit"] = settings.RELATED_LIST_LIMIT
        context["events"] = (
            Event.objects.published()
            .filter(venue=self.object)
            .select_related("occasion", "venue")
            .order_by("-held_on", "slug")[: settings.RELATED_LIST_LIMIT]
        )
        return context


class OrganizationListView(ListView):
    """Organizations named by published events or articles, grouped by kind."""

    template_name = "events/organization_list.html"
    context_object_name = "organizations"
    query_parameters = (PAGE,)
    paginate_by = settings.PUBLIC_PAGE_SIZE * 5

    def get_queryset(self):
        return Organization.objects.public().order_by("kind", "name")

    def get_paginator(self, queryset, per_page, **kwargs):
        return GenerationPagesPaginator(queryset, per_page, count_key="organizations", **kwargs)


class OrganizationDetailView(DetailView):
    """Everything one organization did across events and years (organised, hosted, spoke, published, was cited),
    and every published report naming it."""

    template_name = "events/organization_detail.html"
    context_object_name = "organization"
    query_parameters = ()

    def get_queryset(self):
        return Organization.objects.public()

    def get_context_data(self, **kwargs):
        from archive.models import SourceCitation

        context = super().get_context_data(**kwargs)
        org = self.object
        events = Event.objects.published()
        articles = _published_articles()
        limit = settings.RELATED_LIST_LIMIT
        context.update(
            {
                "limit": limit,
                "organized": EventOrganizer.objects.published()
                .filter(organization=org)
                .select_related("event__venue")
                .order_by("-event__held_on", "event__slug")[:limit],
                "hosted": events.filter(venue__organization=org)
                .select_related("venue", "occasion")
                .order_by("-held_on", "slug")[:limit],
                "participations": _participations_in_public_events()
                .filter(organization=org)
                .select_related("person")
                .order_by("-event__held_on", "event__slug", "position")[:limit],
                "programme_items": ProgrammeItem.objects.published()
                .filter(provided_by=org)
                .select_related("event")
                .order_by("-event__held_on", "position")[:limit],
                "articles": articles.filter(outlet=org).select_related("outlet").defer(*Article.LONG_TEXTS)[:limit],
                "citations": SourceCitation.objects.filter(published_q("article__"), organization=org)
                .select_related("article")
                .order_by("-article__published_on")[:limit],
                "variants": name_variants(org),
                "other_spellings": other_spellings(org),
                "named_in": named_in(organization=org),
            }
        )
        return context
