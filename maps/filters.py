"""The world map's filters: occasion and year, as GET parameters, choices from published events only."""

import django_filters
from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from events.models import Event, Occasion
from publishing.public_filters import NamedModelChoiceFilter, SelectedChoicesMixin


def _years():
    years = Event.objects.published().annotate(year=ExtractYear("held_on")).values_list("year", flat=True).order_by()
    return [(year, year) for year in sorted(set(years.distinct()), reverse=True)]


class MapFilter(SelectedChoicesMixin, django_filters.FilterSet):
    occasion = NamedModelChoiceFilter(
        label=_("Occasion"),
        queryset=lambda request: Occasion.objects.filter(
            Exists(Event.objects.published().filter(occasion=OuterRef("pk")))
        ),
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_years, field_name="held_on", lookup_expr="year", empty_label=_("Any")
    )

    class Meta:
        model = Event
        fields = ["occasion", "year"]
