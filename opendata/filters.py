"""Filters of the API's lists that have no page of their own to borrow them from: reported figures.

Events and articles are filtered by the public pages' own FilterSets (events/filters.py, archive/filters.py).
Figures are filtered as the figure pages group them (by kind) and by what each figure names: its article (and
that article's year, outlet and language), who stated it and the event it was stated at. A value naming
something visitors may not see is not a choice, so it matches nothing, as on the pages.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from archive.models import Article, FigureKind, Language, ReportedFigure
from events.models import Event, Organization, Person


class YearFilter(django_filters.NumberFilter):
    """A whole year a date can have (1 to 9999); anything else matches nothing."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=9999, **kwargs)


class FigureFilter(django_filters.FilterSet):
    kind = django_filters.ModelChoiceFilter(
        label=_("Kind of figure (slug)"), queryset=FigureKind.objects.all(), to_field_name="slug"
    )
    article = django_filters.ModelChoiceFilter(
        label=_("Article (slug)"), queryset=lambda request: Article.objects.published(), to_field_name="slug"
    )
    event = django_filters.ModelChoiceFilter(
        label=_("Event it was stated at (slug)"),
        queryset=lambda request: Event.objects.published(),
        to_field_name="slug",
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Who stated it (slug)"),
        field_name="stated_by",
        queryset=lambda request: Person.objects.public(),
        to_field_name="slug",
    )
    year = YearFilter(label=_("Year of the article"), field_name="article__published_on", lookup_expr="year")
    outlet = django_filters.ModelChoiceFilter(
        label=_("Outlet of the article (slug)"),
        field_name="article__outlet",
        queryset=lambda request: Organization.objects.public(),
        to_field_name="slug",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of the article's original"), field_name="article__original_language", choices=Language.choices
    )

    class Meta:
        model = ReportedFigure
        fields = ["kind", "article", "event", "person", "year", "outlet", "language"]
