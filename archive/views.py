"""Public pages of the archive: articles and figures as reported.

Only `published()` content (and `public()` people, venues and organizations) reaches visitors.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.db.models.functions import RowNumber
from django.utils import translation
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from publishing.generations import remember_per_generation
from publishing.models import published_q
from publishing.paging import IdsFirstPaginator
from publishing.public_pages import PAGE

from .dates import PublicationDateBasis, iso_partial_date
from .filters import ArticleFilter
from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation


class ArticleListView(FilterView):
    """Published articles, filtered by year, outlet and language of the original."""

    filterset_class = ArticleFilter
    query_parameters = (*ArticleFilter.base_filters, PAGE)
    template_name = "archive/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.PUBLIC_PAGE_SIZE
    paginator_class = IdsFirstPaginator

    def get_queryset(self):
        return Article.objects.published().select_related("outlet").defer(*Article.LONG_TEXTS)


def _published_figures():
    """Figures of published articles, with what the figure table shows of each article but not its texts."""
    return (
        ReportedFigure.objects.published()
        .select_related("article__outlet", "kind", "stated_by")
        .defer(*(f"article__{name}" for name in Article.LONG_TEXTS))
    )


def _figures_with_public_events():
    """Figures of published articles, with the event they were stated at only when that event is public."""
    return _published_figures().with_published_events()


def _url_in(obj, language):
    """The object's public page in the given language, whichever language the page itself is in."""
    with translation.override(language):
        return obj.get_absolute_url()


def article_json_ld(article, request):
    """schema.org NewsArticle: the page's language, the original's, and the date only as precisely as known."""
    language = translation.get_language()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": getattr(article, f"title_{language}") or article.original_title or article.title_en,
        "inLanguage": language,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "isAccessibleForFree": True,
    }
    date = iso_partial_date(article.published_on, article.published_on_precision)
    # A date taken from the text's first sentence is the day of the event it reports, not a publication date.
    date_key = (
        "contentReferenceTime" if article.published_on_basis == PublicationDateBasis.EVENT_IN_TEXT else "datePublished"
    )
    if date:
        data[date_key] = date
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet.name or article.outlet.name_en}
    if article.is_translation_in(language):
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "inLanguage": article.original_language,
            "url": request.build_absolute_uri(_url_in(article, article.original_language)),
        }
    return data


class ArticleDetailView(DetailView):
    """One article as visitors see it; `get_queryset` is the only place visibility is decided."""

    template_name = "archive/article_detail.html"
    context_object_name = "article"
    query_parameters = ()

    def get_queryset(self):
        return Article.objects.published().select_related("outlet")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        language = translation.get_language()
        mentions = list(AnniversaryMention.objects.filter(article=article).select_related("occasion"))
        for mention in mentions:
            mention.agrees = mention.agrees_with_year(article.published_on)
        context.update(
            {
                "json_ld": article_json_ld(article, self.request),
                "mentions": mentions,
                "date_conflict": not all(m.agrees for m in mentions),
                "is_translation": article.is_translation_in(language),
                "original_url": _url_in(article, article.original_language),
                "citations": SourceCitation.objects.filter(article=article).select_related("organization"),
                # The article passed get_queryset (a staff preview may show an unpublished one): of the rows of
                # events taken from it, those of published events.
                "reports": article.event_reports.filter(published_q("event__")).select_related(
                    "event__venue", "event__occasion"
                ),
                "participations": article.participation_set.filter(published_q("event__"))
                .select_related("person", "organization", "event")
                .order_by("event__held_on", "event", "position"),
                # Its own figures come with it, the events they were stated at only when published.
                "figures": ReportedFigure.objects.filter(article=article)
                .select_related("article__outlet", "kind", "stated_by")
                .with_published_events()
                .order_by("position"),
            }
        )
        return context


FIGURES_PER_KIND = 5
FIGURES_PER_PAGE = 50
# Lowest value first; among reports of one value the earliest article first (undated ones last on PostgreSQL).
FIGURE_ORDER = ("value", "article__published_on", "article__slug", "position")


def _figure_order(queryset):
    return queryset.order_by(*FIGURE_ORDER)


def _value_counts():
    """{kind id: [(value, number of reports), …]}: which values published reports give, lowest first.

    A summary of agreement and difference only; every report stays listed on its own row.
    """
    rows = (
        ReportedFigure.objects.published()
        .values("kind", "value")
        .annotate(reports=Count("pk"))
        .order_by("kind", "value")
    )
    counts = defaultdict(list)
    for row in rows:
        counts[row["kind"]].append((row["value"], row["reports"]))
    return counts


def _first_figure_ids(counts, number):
    """{kind id: ids of its first `number` published reports, in page order}, in one query.

    Only the lowest values that together reach `number` reports are ranked, not every report of each kind.
    """
    lowest = []
    for kind, values in counts.items():
        reached, highest = 0, values[-1][0]
        for value, reports in values:
            reached += reports
            if reached >= number:
                highest = value
                break
        lowest.append(Q(kind=kind, value__lte=highest))
    if not lowest:
        return {}
    ranked = (
        ReportedFigure.objects.published()
        .filter(reduce(or_, lowest))
        .annotate(rank=Window(RowNumber(), partition_by="kind", order_by=list(FIGURE_ORDER)))
        .filter(rank__lte=number)
        .order_by("kind", "rank")
        .values_list("kind", "pk")
    )
    first = defaultdict(list)
    for kind, pk in ranked:
        first[kind].append(pk)
    return first


def _figure_summaries():
    """{kind id: {"value_counts": …, "first": ids of its first reports}} for each kind published reports give.

    Both figure pages start from it. It is a pass over every published figure that changes only with content,
    so it is kept per content generation; the figures themselves are read, and their visibility checked, live.
    """
    counts = _value_counts()
    first = _first_figure_ids(counts, max(FIGURES_PER_KIND, FIGURES_PER_PAGE))
    return {kind: {"value_counts": values, "first": first.get(kind, [])} for kind, values in counts.items()}


def _current_figure_summaries():
    name = "figure-summaries"
    return remember_per_generation({name: _figure_summaries}, settings.DERIVED_CACHE_SECONDS)[name]


def _figures_in_order(ids):
    """The published figures with these ids, in the order of `ids`, in one query (and one for their events)."""
    figures = _figures_with_public_events().in_bulk(ids)
    return [figures[pk] for pk in ids if pk in figures]


def _note_values(kind, summary):
    kind.value_counts = summary["value_counts"]
    kind.report_count = sum(reports for _value, reports in kind.value_counts)
    return kind


class _ReportsOfKind:
    """Every published report of one kind in page order, as a sequence the Paginator reads one page of.

    The kind's summary gives the count, where each value starts, and the ids of the first reports: the
    first pages are read by id, and any later page sorts only the reports of the values it spans.
    """

    def __init__(self, kind, first_ids):
        self.kind = kind
        self.first_ids = first_ids

    def __len__(self):
        return self.kind.report_count

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if stop <= len(self.first_ids):
            return _figures_in_order(self.first_ids[start:stop])
        values, skipped, before = [], 0, 0
        for value, reports in self.kind.value_counts:
            if before + reports <= start:
                skipped += reports
            elif before < stop:
                values.append(value)
            before += reports
        ids = _figure_order(ReportedFigure.objects.published().filter(kind=self.kind, value__in=values))
        return _figures_in_order(list(ids.values_list("pk", flat=True)[start - skipped : stop - skipped]))


class FigureListView(ListView):
    """Every kind of figure: the values published reports give and the first reports, side by side; never merged."""

    template_name = "archive/figure_list.html"
    context_object_name = "kinds"
    query_parameters = ()

    def get_queryset(self):
        self.summaries = _current_figure_summaries()
        return FigureKind.objects.filter(pk__in=self.summaries.keys())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = [_note_values(kind, self.summaries[kind.pk]) for kind in context["kinds"]]
        first = {kind.pk: self.summaries[kind.pk]["first"][:FIGURES_PER_KIND] for kind in kinds}
        figures = {figure.pk: figure for figure in _figures_in_order([pk for ids in first.values() for pk in ids])}
        for kind in kinds:
            kind.published_figures = [figures[pk] for pk in first[kind.pk] if pk in figures]
        context["kinds"] = kinds
        return context


class FigureKindDetailView(DetailView):
    """One kind of figure: every published report of it, paged, and where they agree and where they differ."""

    template_name = "archive/figure_kind_detail.html"
    context_object_name = "kind"
    query_parameters = (PAGE,)

    def get_queryset(self):
        self.summaries = _current_figure_summaries()
        return FigureKind.objects.filter(pk__in=self.summaries.keys())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = self.summaries[self.object.pk]
        kind = _note_values(self.object, summary)
        reports = _ReportsOfKind(kind, summary["first"])
        page = Paginator(reports, FIGURES_PER_PAGE).get_page(self.request.GET.get("page"))
        context.update({"page_obj": page, "figures": page.object_list})
        return context
