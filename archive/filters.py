"""Filters of the public article list; every choice offered comes from published articles only."""

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from events.filters import NamedModelChoiceFilter, SelectedChoicesMixin
from events.models import Organization

from .models import Article, Language


def _years():
    # Distinct in the database: a hundred thousand articles span a few dozen years.
    years = (
        Article.objects.published()
        .annotate(year=ExtractYear("published_on"))
        .values_list("year", flat=True)
        .order_by()
        .distinct()
    )
    return [(year, year) for year in sorted({y for y in years if y}, reverse=True)]


def _outlets():
    return Organization.objects.filter(published_articles__in=Article.objects.published()).distinct()


class ArticleFilter(SelectedChoicesMixin, django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_years, field_name="published_on", lookup_expr="year", empty_label=_("Any")
    )
    outlet = NamedModelChoiceFilter(label=_("Outlet"), queryset=lambda request: _outlets())
    language = django_filters.ChoiceFilter(
        label=_("Language of the original"),
        field_name="original_language",
        choices=Language.choices,
        empty_label=_("Any"),
    )
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("published_on", "date"),),
        field_labels={"published_on": _("date")},
        empty_label=_("Newest first"),
    )

    class Meta:
        model = Article
        fields = ["year", "outlet", "language"]
