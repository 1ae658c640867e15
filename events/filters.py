"""Filters of the public event list; combined filters are plain GET parameters, so any view can be shared.

Every choice offered comes from published events only (computed per request, so scheduled items appear
on time), and values are language-independent (slugs, ISO codes, numbers) so a filtered address works
in both languages.
"""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from .models import Event, Occasion, Organization, Person, Venue

# A select offers at most this many records; any other public one is still accepted by slug (people's,
# venues' and organizations' pages link to their filtered list), and the chosen one is always shown.
CHOICE_LIMIT = 200


class _FirstChoicesIterator(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        shown = list(self.queryset[:CHOICE_LIMIT])
        selected = self.field.selected
        if selected and all(obj.slug != selected for obj in shown):
            shown += list(self.queryset.filter(slug=selected)[:1])
        for obj in shown:
            yield self.choice(obj)

    def __len__(self):
        return sum(1 for _ in self)


class _NamedChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _FirstChoicesIterator

    def __init__(self, *args, selected=None, **kwargs):
        self.selected = selected
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        from archive.templatetags.site_tags import tr

        return tr(obj, "name", plain=True)


class NamedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of records by slug, labelled with the name in the active language or, marked, the other one."""

    field_class = _NamedChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", _("Any"))
        super().__init__(*args, **kwargs)


class SelectedChoicesMixin:
    """Tell each named choice which slug the request selected, so its select shows it even past the limit."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name, filter_ in self.filters.items():
            if isinstance(filter_, NamedModelChoiceFilter):
                filter_.extra["selected"] = (data or {}).get(name)


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
    rows = Venue.objects.public().values_list("country_code", "country", "country_en").order_by("country")
    return list(dict.fromkeys((code, label or english) for code, label, english in rows))


def _cities():
    # The English name is the value, so a shared address means the same city in either language.
    rows = Venue.objects.public().exclude(city_en="").values_list("city_en", "city").order_by("city")
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
    organization = NamedModelChoiceFilter(
        label=_("Organization"),
        queryset=lambda request: Organization.objects.public(),
        method="filter_organization",
    )
    person = NamedModelChoiceFilter(
        label=_("Person"),
        queryset=lambda request: Person.objects.public(),
        method="filter_person",
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

    def filter_anniversary(self, queryset, name, value):
        return with_anniversary(queryset).filter(anniversary_number=int(value))

    def filter_organization(self, queryset, name, value):
        """Events the organization organised or hosted, where someone appeared for it, or held on its premises."""
        return queryset.filter(
            Q(pk__in=value.organized.values("event"))
            | Q(pk__in=value.participations.values("event"))
            | Q(venue__organization=value)
        )

    def filter_person(self, queryset, name, value):
        return queryset.filter(pk__in=value.participations.values("event"))
