"""Filters of the public event list; combined filters are plain GET parameters, so any view can be shared.

Every choice offered comes from published events only (computed per request, so scheduled items appear
on time), and values are language-independent (slugs, ISO codes, numbers) so a filtered address works
in both languages. People and organizations are too many for a list (tens of thousands in a long-lived
archive, and working out which of them are public costs a pass over every participation and figure),
so they are typed: a name in any spelling, matched as `named_like()` matches names, or the slug that
their own pages link with.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from archive.dates import anniversary_label
from publishing.models import published_q
from publishing.public_filters import NamedModelChoiceFilter, SelectedChoicesMixin

from .models import Event, EventOrganizer, Occasion, Organization, Participation, Person, ProgrammeItem, Venue

# How many of the people or organizations a typed name matches are named above the results, and how
# many of the best matches the list follows (a short fragment of a name can match thousands).
MATCHES_SHOWN = 10
MATCHES_FOLLOWED = 200


class NameOrSlugFilter(django_filters.CharFilter):
    """A person or organization given by slug (as their pages link) or by a name typed in any spelling.

    The filterset's `matches` then lists, per filter, the first public records matched, so the page can
    say whom the typed name was taken to mean (or that nobody was).
    """

    def __init__(self, *args, model, events_of, **kwargs):
        self.record_model = model
        self.events_of = events_of
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"type": "search", "placeholder": _("A name, in any spelling")})
        )
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        value = (value or "").strip()
        if not value:
            return queryset
        objects = self.record_model.objects
        matched = list(objects.filter(slug=value).values_list("pk", flat=True))  # a link from the record's page
        if not matched:
            # Best matches first; the name search runs once here, not again in the count and the page.
            candidates = objects.named_like(value).values_list("pk", "name_en", "name_ru")[:MATCHES_FOLLOWED]
            typed = value.casefold()
            exact = [pk for pk, *names in candidates if typed in {(name or "").casefold() for name in names}]
            # A name written as the record writes it in either language means just that record.
            matched = exact or [pk for pk, *_names in candidates]
        # Only records visitors may see are named; the events found are published ones whatever was matched.
        public = {record.pk: record for record in objects.public().filter(pk__in=matched)}
        shown = [public[pk] for pk in matched if pk in public][:MATCHES_SHOWN]
        self.parent.matches.append({"label": self.label, "value": value, "records": shown})
        return getattr(self.parent, self.events_of)(queryset, matched)


def _published():
    return Event.objects.published()


def with_anniversary(queryset):
    """Annotate each event with the anniversary its date falls on (year of the event minus year of the occasion)."""
    return queryset.annotate(anniversary_number=ExtractYear("held_on") - ExtractYear("occasion__began_on"))


def _years():
    # Distinct in the database: a list of tens of thousands of events has only a few dozen years.
    years = _published().annotate(year=ExtractYear("held_on")).values_list("year", flat=True).order_by().distinct()
    return [(year, year) for year in sorted(set(years), reverse=True)]


def _anniversaries():
    numbers = with_anniversary(_published()).values_list("anniversary_number", flat=True).order_by().distinct()
    return [(n, anniversary_label(n)) for n in sorted(set(numbers), reverse=True)]


def _countries():
    # Distinct in the database: thousands of venues share a few dozen countries.
    rows = Venue.objects.public().values_list("country_code", "country", "country_en").order_by("country").distinct()
    return list(dict.fromkeys((code, label or english) for code, label, english in rows))


def _cities():
    # The English name is the value, so a shared address means the same city in either language.
    rows = Venue.objects.public().exclude(city_en="").values_list("city_en", "city").order_by("city").distinct()
    return [(value, label or value) for value, label in dict.fromkeys(rows)]


class EventFilter(SelectedChoicesMixin, django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_years, field_name="held_on", lookup_expr="year", empty_label=_("Any")
    )
    anniversary = django_filters.ChoiceFilter(
        label=_("Anniversary"), choices=_anniversaries, method="filter_anniversary", empty_label=_("Any")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_countries, field_name="venue__country_code", empty_label=_("Any")
    )
    city = django_filters.ChoiceFilter(
        label=_("City"), choices=_cities, field_name="venue__city_en", empty_label=_("Any")
    )
    occasion = NamedModelChoiceFilter(
        label=_("Occasion"),
        # Exists per occasion (a handful) rather than joining every published event and removing duplicates.
        queryset=lambda request: Occasion.objects.filter(Exists(_published().filter(occasion=OuterRef("pk")))),
    )
    organization = NameOrSlugFilter(
        label=_("Organization"),
        model=Organization,
        events_of="events_of_organizations",
    )
    person = NameOrSlugFilter(label=_("Person"), model=Person, events_of="events_of_people")
    venue = NamedModelChoiceFilter(label=_("Venue"), queryset=lambda request: Venue.objects.public())
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("held_on", "date"), ("title", "title")),
        field_labels={"held_on": _("date"), "title": _("title")},
        empty_label=_("Newest first"),
    )

    class Meta:
        model = Event
        fields = ["year", "anniversary", "country", "city", "venue", "occasion", "organization", "person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.matches = []

    def filter_anniversary(self, queryset, name, value):
        return with_anniversary(queryset).filter(anniversary_number=int(value))

    def events_of_organizations(self, queryset, records):
        """Events the organizations organised, provided part of the programme for, appeared at or hosted."""
        # `queryset` holds published events only: of the rule that both are published, the article's half.
        reported = published_q("article__")
        # One UNION of event ids: OR-ing the four conditions made PostgreSQL read every event.
        parts = [
            EventOrganizer.objects.filter(reported, organization__in=records).values("event"),
            Participation.objects.filter(reported, organization__in=records).values("event"),
            ProgrammeItem.objects.filter(reported, provided_by__in=records).values("event"),
            Event.objects.filter(venue__organization__in=records).values("pk"),
        ]
        events = parts[0].order_by().union(*(part.order_by() for part in parts[1:]))
        return queryset.filter(pk__in=events)

    def events_of_people(self, queryset, records):
        """Events at which, as a published article reports, the people appeared."""
        return queryset.filter(
            pk__in=Participation.objects.filter(published_q("article__"), person__in=records).values("event")
        )
