"""Public pages for events. Only `published()` events reach visitors."""

from django.views.generic import DetailView

from .models import Event


class EventDetailView(DetailView):
    """One event as visitors see it; `get_queryset` is the only place visibility is decided."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.published().select_related("venue", "occasion")
