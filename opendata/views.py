"""The read-only API under /api/v1/: lists and details of every kind of public record, its index and schema.

Lists take the public pages' own filters (the FilterSets of events/filters.py and archive/filters.py) and, as on
the pages, a value that names nothing public gives an empty list rather than an error. What is public is decided
in querysets.py; CORS, the throttle and conditional GET in middleware.py; the page cache keeps these answers like
any public page (each view declares the query parameters it reads).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics, serializers
from rest_framework.response import Response

from archive.filters import ArticleFilter
from events.filters import EventFilter
from publishing.public_pages import PAGE

from . import querysets
from . import serializers as api
from .downloads import DOWNLOADS
from .filters import FigureFilter
from .licence import LICENCE_NAME, LICENCE_STATEMENT, LICENCE_URL, citation
from .pagination import PAGE_SIZE


class PublicFilterBackend(DjangoFilterBackend):
    """The pages' FilterSets, read as the pages read them: a value naming nothing public matches nothing (no 400)."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        return filterset.qs if filterset.is_valid() else queryset.none()


class AnsweredInEnglish:
    """Messages and the schema in English whatever the client prefers: the data carries both languages."""

    def dispatch(self, request, *args, **kwargs):
        # The answer is the same whatever language the client prefers, so the page cache may keep one copy.
        with translation.override(settings.LANGUAGE_CODE):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response


class ApiView(AnsweredInEnglish, generics.GenericAPIView):
    """Base of every API view: anonymous, read-only, JSON, records named by slug."""

    lookup_field = "slug"
    filter_backends = ()
    query_parameters = ()


class ApiListView(generics.ListAPIView, ApiView):
    query_parameters = (PAGE, PAGE_SIZE)


class ApiDetailView(generics.RetrieveAPIView, ApiView):
    pass


class FilteredListView(ApiListView):
    """A list read through a FilterSet; it declares the FilterSet's parameters, as the pages do."""

    filter_backends = (PublicFilterBackend,)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.query_parameters = (*cls.filterset_class.base_filters, PAGE, PAGE_SIZE)


class OccasionList(ApiListView):
    """Occasions that published events commemorate."""

    serializer_class = api.OccasionSerializer

    def get_queryset(self):
        return querysets.occasions()


class OccasionDetail(ApiDetailView):
    serializer_class = api.OccasionSerializer

    def get_queryset(self):
        return querysets.occasions()


def _parameter(name, kind, description):
    return OpenApiParameter(name, kind, description=description)


SLUG_OR_NAME = _("slug, or a name in any spelling (the best matches are followed)")
# What the filters' values are, for the schema and the documentation page; the filtering is the FilterSets' own.
EVENT_PARAMETERS = [
    _parameter("year", int, _("Year the event was held.")),
    _parameter("anniversary", int, _("Anniversary of the occasion the event fell on (33 for the 33rd).")),
    _parameter("country", str, _("ISO 3166 code of the venue's country, e.g. KZ.")),
    _parameter("city", str, _("English name of the venue's city.")),
    _parameter("venue", str, _("Venue (slug).")),
    _parameter("occasion", str, _("Occasion (slug).")),
    _parameter(
        "organization",
        str,
        format_lazy("{}{}", _("Organization that organised, hosted or took part: "), SLUG_OR_NAME),
    ),
    _parameter("person", str, format_lazy("{}{}", _("Person who took part: "), SLUG_OR_NAME)),
]
ARTICLE_PARAMETERS = [
    _parameter("year", int, _("Year the article was published.")),
    _parameter("outlet", str, _("Outlet (organization slug).")),
]
FIGURE_PARAMETERS = [_parameter("year", int, _("Year the article giving the figure was published."))]


@extend_schema(parameters=EVENT_PARAMETERS)
class EventList(FilteredListView):
    """Published events, with the event list's filters (year, anniversary, country, city, venue, occasion,
    organization, person, sort)."""

    serializer_class = api.EventSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return querysets.events()


class EventDetail(ApiDetailView):
    """One published event with its reports, organizers, programme and participants, each with its provenance."""

    serializer_class = api.EventDetailSerializer

    def get_queryset(self):
        return querysets.event_details()


@extend_schema(parameters=ARTICLE_PARAMETERS)
class ArticleList(FilteredListView):
    """Published articles, with the article list's filters (year, outlet, language of the original, sort)."""

    serializer_class = api.ArticleSerializer
    filterset_class = ArticleFilter

    def get_queryset(self):
        return querysets.articles()


class ArticleDetail(ApiDetailView):
    """One published article: its text in both languages (the one not the original is the archive's translation),
    the verbatim original, its sources, the passages that date it and the events it reports."""

    serializer_class = api.ArticleDetailSerializer

    def get_queryset(self):
        return querysets.article_details()


class PersonList(ApiListView):
    """People a published article places at a published event, or quotes in a figure."""

    serializer_class = api.PersonSerializer

    def get_queryset(self):
        return querysets.people()


class PersonDetail(ApiDetailView):
    serializer_class = api.PersonSerializer

    def get_queryset(self):
        return querysets.people()


class VenueList(ApiListView):
    """Venues of published events."""

    serializer_class = api.VenueSerializer

    def get_queryset(self):
        return querysets.venues()


class VenueDetail(ApiDetailView):
    serializer_class = api.VenueSerializer

    def get_queryset(self):
        return querysets.venues()


class OrganizationList(ApiListView):
    """Organizations published articles or events name."""

    serializer_class = api.OrganizationSerializer

    def get_queryset(self):
        return querysets.organizations()


class OrganizationDetail(ApiDetailView):
    serializer_class = api.OrganizationSerializer

    def get_queryset(self):
        return querysets.organizations()


class FigureKindList(ApiListView):
    """Kinds of figure that published reports give, with how many reports give one."""

    serializer_class = api.FigureKindSerializer

    def get_queryset(self):
        return querysets.figure_kinds()


class FigureKindDetail(ApiDetailView):
    serializer_class = api.FigureKindSerializer

    def get_queryset(self):
        return querysets.figure_kinds()


@extend_schema(parameters=FIGURE_PARAMETERS)
class FigureList(FilteredListView):
    """Every number published reports give, exactly as each gives it (value, hedge, passage, who stated it, where),
    with its article and the article's sources; never merged."""

    serializer_class = api.FigureSerializer
    filterset_class = FigureFilter

    def get_queryset(self):
        return querysets.figures()


LISTS = [
    ("occasions", "occasion_list"),
    ("events", "event_list"),
    ("articles", "article_list"),
    ("people", "person_list"),
    ("venues", "venue_list"),
    ("organizations", "organization_list"),
    ("figure_kinds", "figure_kind_list"),
    ("figures", "figure_list"),
]


@extend_schema(
    responses=inline_serializer(
        "Index",
        {
            "lists": serializers.DictField(child=serializers.URLField()),
            "downloads": serializers.DictField(child=serializers.URLField()),
            "schema": serializers.URLField(),
            "documentation": serializers.URLField(),
            "licence": inline_serializer(
                "Licence",
                {"name": serializers.CharField(), "url": serializers.URLField(), "statement": serializers.CharField()},
            ),
            "citation": serializers.CharField(),
        },
    )
)
class Index(ApiView):
    """Where everything is: each list, the downloads, the schema, the documentation, the licence."""

    def get(self, request):
        absolute = request.build_absolute_uri
        return Response(
            {
                "lists": {name: absolute(reverse(f"api:{view}")) for name, view in LISTS},
                "downloads": {name: absolute(reverse(f"api:{name}")) for name in DOWNLOADS},
                "schema": absolute(reverse("api:schema")),
                "documentation": absolute(reverse("opendata:documentation")),
                "licence": {"name": LICENCE_NAME, "url": LICENCE_URL, "statement": str(LICENCE_STATEMENT)},
                "citation": citation(absolute("/")),
            }
        )


@extend_schema(exclude=True)
class Schema(AnsweredInEnglish, SpectacularAPIView):
    """The OpenAPI 3 schema of this API, always in English and JSON."""

    query_parameters = ()
    renderer_classes = [OpenApiJsonRenderer]
