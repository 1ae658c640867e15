from django.urls import path

from publishing.public_pages import DETAIL, cache_public_page

from . import feeds, views

app_name = "events"

urlpatterns = [
    path(
        "events/",
        cache_public_page(views.EventListView.as_view()),
        name="event_list",
    ),
    path("events/<slug:slug>/", cache_public_page(views.EventDetailView.as_view(), by=DETAIL), name="event_detail"),
    path("timeline/", cache_public_page(views.TimelineView.as_view()), name="timeline"),
    path("people/", cache_public_page(views.PersonListView.as_view()), name="person_list"),
    path("people/<slug:slug>/", cache_public_page(views.PersonDetailView.as_view(), by=DETAIL), name="person_detail"),
    path("venues/", cache_public_page(views.VenueListView.as_view()), name="venue_list"),
    path("venues/<slug:slug>/", cache_public_page(views.VenueDetailView.as_view(), by=DETAIL), name="venue_detail"),
    path(
        "organizations/",
        cache_public_page(views.OrganizationListView.as_view()),
        name="organization_list",
    ),
    path(
        "organizations/<slug:slug>/",
        cache_public_page(views.OrganizationDetailView.as_view(), by=DETAIL),
        name="organization_detail",
    ),
    path("feeds/events/rss/", cache_public_page(feeds.EventFeed()), name="event_feed_rss"),
    path("feeds/events/atom/", cache_public_page(feeds.AtomEventFeed()), name="event_feed_atom"),
]
