"""Public pages of the archive."""

from django.shortcuts import render

from events.models import Event

from .models import Article


def home(request):
    """What the archive is, with its latest published events and articles."""
    context = {
        "events": Event.objects.published().select_related("venue", "occasion")[:5],
        "articles": Article.objects.published().select_related("outlet")[:5],
    }
    return render(request, "archive/home.html", context)
