"""Public pages of the archive: home, articles, figures as reported, search, and site-wide responses.

Only `published()` content (and `public()` people, venues and organizations) reaches visitors.
"""

import sys
from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from config.control_characters import ControlCharacterInRequest
from events.models import Event, EventReport, Occasion, Participation

from . import search as site_search
from .context_processors import public_path
from .filters import ArticleFilter
from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation
from .page_cache import remember_per_generation
from .query_parameters import PAGE, reads_query_parameters


@reads_query_parameters()
def home(request):
    """What the archive is, its latest published events and articles, and the occasions commemorated."""
    published_events = Event.objects.published()
    context = {
        "events": published_events.select_related("venue", "occasion").defer(*Event.LONG_TEXTS)[:5],
        "articles": Article.objects.published().select_related("outlet").defer(*Article.LONG_TEXTS)[:5],
        "occasions": Occasion.objects.filter(Exists(published_events.filter(occasion=OuterRef("pk")))),
    }
    return render(request, "archive/home.html", context)


class ArticleListView(FilterView):
    """Published articles, filtered by year, outlet and language of the original."""

    filterset_class = ArticleFilter
    query_parameters = (*ArticleFilter.base_filters, PAGE)
    template_name = "archive/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.PUBLIC_PAGE_SIZE

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
    return _published_figures().prefetch_related(
        Prefetch("event", queryset=Event.objects.published().select_related("venue").defer(*Event.LONG_TEXTS))
    )


def article_json_ld(article, request):
    """schema.org NewsArticle: the page's language, the original's, and the date only as precisely as known."""
    from .templatetags.site_tags import iso_partial_date

    language = translation.get_language()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": getattr(article, f"title_{language}") or article.original_title or article.title_en,
        "inLanguage": language,
        "url": request.build_absolute_uri(public_path(request)),
        "datePublished": iso_partial_date(article.published_on, article.published_on_precision),
        "isAccessibleForFree": True,
    }
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet.name or article.outlet.name_en}
    if article.is_translation_in(language):
        data["translationOfWork"] = {
            "@type": "NewsArticle",
            "inLanguage": article.original_language,
            "url": request.build_absolute_uri(translate_url(public_path(request), article.original_language)),
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
        published_events = Event.objects.published()
        mentions = list(AnniversaryMention.objects.filter(article=article).select_related("occasion"))
        for mention in mentions:
            mention.agrees = mention.agrees_with_year(article.published_on)
        context.update(
            {
                "json_ld": article_json_ld(article, self.request),
                "mentions": mentions,
                "date_conflict": not all(m.agrees for m in mentions),
                "is_translation": article.is_translation_in(language),
                "original_url": translate_url(public_path(self.request), article.original_language),
                "citations": SourceCitation.objects.filter(article=article).select_related("organization"),
                "reports": EventReport.objects.filter(article=article, event__in=published_events).select_related(
                    "event__venue", "event__occasion"
                ),
                "participations": Participation.objects.filter(article=article, event__in=published_events)
                .select_related("person", "organization", "event")
                .order_by("event__held_on", "event", "position"),
                # The article itself passed get_queryset (a staff preview may show an unpublished one);
                # its own figures come with it, the events they were stated at only when published.
                "figures": ReportedFigure.objects.filter(article=article)
                .select_related("article__outlet", "kind", "stated_by")
                .prefetch_related(Prefetch("event", queryset=Event.objects.published().select_related("venue")))
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


@reads_query_parameters("q", PAGE)
def search(request):
    """Search both languages at once; results paginated, matching words highlighted."""
    query = request.GET.get("q", "").strip()[:200]
    found = site_search.search(query, translation.get_language())
    page = Paginator(found.results, settings.PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "query": query,
        "terms": site_search.query_terms(query),
        "page_obj": page,
        "results": page.object_list,
        "result_count": len(found.results),
        "cut_short": [target.label for target in found.cut_short],
        "result_limit": settings.SEARCH_RESULT_LIMIT,
    }
    return render(request, "archive/search.html", context)


@reads_query_parameters()
def language_redirect(request):
    """`/` sends a visitor to the home page in the language their browser prefers (English otherwise)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("archive:home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@reads_query_parameters()
def robots_txt(request):
    """Crawlers may read everything public; not the admin or search results. Points to the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    disallowed = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed += [reverse("admin:index"), reverse("archive:search")]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), "", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    """A friendly 404 in the language of the address asked for."""
    return render(request, "404.html", {"requested_path": request.path}, status=404)


def bad_request(request, exception):
    """A 400 in the language of the address, saying what was refused (for a control character, which parameter).

    Rendered without the site's context processors, as the 500 page is: a 400 also answers a request
    whose Host is not allowed, for which building the page's absolute addresses would fail again.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if isinstance(exception, ControlCharacterInRequest):
            reason = exception.visitor_message()
        else:
            reason = gettext("The archive could not understand this request. Check the address and try again.")
        html = loader.render_to_string("400.html", {"LANGUAGE_CODE": language, "reason": reason})
    return HttpResponse(html, status=400)


@requires_csrf_token
def server_error(request):
    """A friendly 500 that needs neither the database nor the request context to render.

    When the database cannot be reached the same page answers 503 with Retry-After: the outage is
    temporary, and clients and crawlers should come back rather than record an error.
    """
    template = loader.get_template("500.html")
    language = translation.get_language() or settings.LANGUAGE_CODE
    response = HttpResponse(template.render({"LANGUAGE_CODE": language}), status=500)
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response.status_code = 503
        response["Retry-After"] = "30"
    return response
