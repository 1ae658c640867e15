"""The site's URLs plus /bench/minimal/, the smallest Django view, as the benchmarks' baseline."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def minimal(request):
    """Through the full middleware stack, but with no database query and no template."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal"), *site_urlpatterns]
