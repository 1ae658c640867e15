"""Filters of the public event list; combined filters are plain GET parameters, so any view can be shared.

Every choice offered comes from published events only (computed per request, so scheduled items appear
on time), and values are language-independent (slugs, ISO codes, numbers) so a filtered address works
in both languages. People and organizations are too many for a list (tens of thousands in a long-lived
archive, and working out which of them are public costs a pass over every participation and figure),
so they are typed: a name in any spelling, matched as `named_like()` matches names, or the slug that
their own pages link with.
"""

import functools

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from archive.page_cache import remember_per_generation
from archive.publishing import published_q

from .models import Event, EventOrganizer, Occasion, Organization, Participation, Person, ProgrammeItem, Venue

# How many of the people or organizations a typed name matches are named above the results, and how
# many of the best matches the list follows (a short fragment of a name can match thousands).
MATCHES_SHOWN = 10
MATCHES_FOLLOWED = 200

# A select offers at most this many records; any other public one is still accepted by slug (people's,
# venues' and organizations' pages link to their filtered list), and the chosen one is always shown.
CHOICE_LIMIT = 200


class PlainSelect(forms.Select):
    """A <select> written out directly, with the same markup as Django's.

    Django renders every option through a template of its own, about 40 microseconds each; the event
    list offers some three hundred options, which made its form the larger half of the page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, mark_safe(" selected") if str(choice) in chosen else "", label)
                for choice, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


def _name_label(obj):
    """The record's name in the active language or, marked as not yet translated, the other one."""
    from archive.templatetags.site_tags import tr

    return tr(obj, "name", plain=True)


def first_choices(queryset):
    """(slug, label) of the first CHOICE_LIMIT records."""
    return [(obj.slug, _name_label(obj)) for obj in queryset[:CHOICE_LIMIT]]


class _FirstChoicesIterator(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        shown = self.field.shown if self.field.shown is not None else first_choices(self.queryset)
        selected = self.field.selected
        if selected and all(slug != selected for slug, _label in shown):
            shown = shown + first_choices(self.queryset.filter(slug=selected))
        yield from shown

    def __len__(self):
        return sum(1 for _ in self)


class _NamedChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _FirstChoicesIterator

    def __init__(self, *args, selected=None, shown=None, **kwargs):
        self.selected = selected
        self.shown = shown
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return _name_label(obj)


class NamedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of records by slug, labelled with the name in the active language or, marked, the other one."""

    field_class = _NamedChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", _("Any"))
        super().__init__(*args, **kwargs)


class SelectedChoicesMixin:
    """Offer each filter's choices from the content-generation cache, and show the selected record even past the limit.

    Choices derive from all public content (which years, countries and venues have published events),
    which at archive size costs tens of milliseconds of SQL per list; they change only when content does,
    so `remember_per_generation` works them out once per change, and every request reads them back at once.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        computations, named = {}, {}
        for name, filter_ in self.filters.items():
            if isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
                filter_.extra.setdefault("widget", PlainSelect)
            if isinstance(filter_, NamedModelChoiceFilter):
                filter_.extra["selected"] = (data or {}).get(name)
                compute = functools.partial(_first_public_choices, filter_, self.request)
            elif isinstance(filter_, django_filters.ChoiceFilter) and callable(filter_.extra.get("choices")):
                compute = filter_.extra["choices"]
            else:
                continue
            key = f"filter-choices:{type(self).__name__}:{name}"
            computations[key], named[key] = compute, filter_
        for key, value in remember_per_generation(computations, settings.DERIVED_CACHE_SECONDS).items():
            filter_ = named[key]
            filter_.extra["shown" if isinstance(filter_, NamedModelChoiceFilter) else "choices"] = value


def _first_public_choices(filter_, request):
    return first_choices(filter_.get_queryset(request))


class NameOrSlugFilter(django_filters.CharFilter):
    """A person or organization given by slug (as their pages link) or by a name typed in any spelling.

    The filterset's `matches` then lists, per filter, the first public records matched, so the page can
    say whom the typed name was taken to mean (or that nobody was).
    """

    def __init__(self, *args, model, events_of, url_name, **kwargs):
        self.record_model = model
        self.events_of = events_of
        self.url_name = url_name
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
        self.parent.matches.append({"label": self.label, "value": value, "url_name": self.url_name, "records": shown})
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
    from archive.templatetags.site_tags import anniversary

    numbers = with_anniversary(_published()).values_list("anniversary_number", flat=True).order_by().distinct()
    return [(n, anniversary(n)) for n in sorted(set(numbers), reverse=True)]


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
        url_name="events:organization_detail",
    )
    person = NameOrSlugFilter(
        label=_("Person"), model=Person, events_of="events_of_people", url_name="events:person_detail"
    )
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
