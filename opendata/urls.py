"""The API under /api/v1/ (namespace "api", outside the language prefix: the data carries both languages) and the
documentation page under /<lang>/api/ (namespace "opendata")."""

from django.urls import path

from publishing.public_pages import cache_public_page

from . import documentation, views
from .downloads import DOWNLOADS

api_patterns = [
    path("", cache_public_page(views.Index.as_view()), name="index"),
    path("openapi.json", cache_public_page(views.Schema.as_view()), name="schema"),
    path("occasions/", cache_public_page(views.OccasionList.as_view()), name="occasion_list"),
    path("occasions/<slug:slug>/", cache_public_page(views.OccasionDetail.as_view()), name="occasion_detail"),
    path("events/", cache_public_page(views.EventList.as_view()), name="event_list"),
    path("events/<slug:slug>/", cache_public_page(views.EventDetail.as_view()), name="event_detail"),
    path("articles/", cache_public_page(views.ArticleList.as_view()), name="article_list"),
    path("articles/<slug:slug>/", cache_public_page(views.ArticleDetail.as_view()), name="article_detail"),
    path("people/", cache_public_page(views.PersonList.as_view()), name="person_list"),
    path("people/<slug:slug>/", cache_public_page(views.PersonDetail.as_view()), name="person_detail"),
    path("venues/", cache_public_page(views.VenueList.as_view()), name="venue_list"),
    path("venues/<slug:slug>/", cache_public_page(views.VenueDetail.as_view()), name="venue_detail"),
    path("organizations/", cache_public_page(views.OrganizationList.as_view()), name="organization_list"),
    path(
        "organizations/<slug:slug>/",
        cache_public_page(views.OrganizationDetail.as_view()),
        name="organization_detail",
    ),
    path("figure-kinds/", cache_public_page(views.FigureKindList.as_view()), name="figure_kind_list"),
    path("figure-kinds/<slug:slug>/", cache_public_page(views.FigureKindDetail.as_view()), name="figure_kind_detail"),
    path("figures/", cache_public_page(views.FigureList.as_view()), name="figure_list"),
    # Streamed files: never kept by the page cache (it keeps no streamed response); answered 304 when unchanged.
    *(path(f"downloads/{name.replace('_', '.')}", view, name=name) for name, view in DOWNLOADS.items()),
]

page_patterns = [
    path("api/", cache_public_page(documentation.documentation), name="documentation"),
]
