"""Public pages of the archive. Only `published()` content reaches visitors."""

from django.shortcuts import render
from django.views.generic import DetailView

from events.models import Event

from .models import Article


def home(request):
    """What the archive is, with its latest published events and articles."""
    context = {
        "events": Event.objects.published().select_related("venue", "occasion")[:5],
        "articles": Article.objects.published().select_related("outlet")[:5],
    }
    return render(request, "archive/home.html", context)


class ArticleDetailView(DetailView):
    """One article as visitors see it; `get_queryset` is the only place visibility is decided."""

    template_name = "archive/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().select_related("outlet")
