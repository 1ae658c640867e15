from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("venues/", views.VenueListView.as_view(), name="venue_list"),
    path("venues/<slug:slug>/", views.VenueDetailView.as_view(), name="venue_detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization_detail"),
    path("feeds/events/rss/", feeds.EventFeed(), name="event_feed_rss"),
    path("feeds/events/atom/", feeds.AtomEventFeed(), name="event_feed_atom"),
]
