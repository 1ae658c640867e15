"""What visitors get across the apps: the home page, search, the language redirect, robots.txt and error pages."""

import sys

from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import requires_csrf_token

from archive.models import Article
from events.models import Event, Occasion
from publishing.public_pages import PAGE, reads_query_parameters

from . import search as site_search
from .control_characters import ControlCharacterInRequest


@reads_query_parameters()
def home(request):
    """What the archive is, its latest published events and articles, and the occasions commemorated."""
    published_events = Event.objects.published()
    context = {
        "events": published_events.select_related("venue", "occasion").defer(*Event.LONG_TEXTS)[:5],
        "articles": Article.objects.published().select_related("outlet").defer(*Article.LONG_TEXTS)[:5],
        "occasions": Occasion.objects.filter(Exists(published_events.filter(occasion=OuterRef("pk")))),
    }
    return render(request, "website/home.html", context)


@reads_query_parameters("q", "kind", "year", "language", PAGE)
def search(request):
    """Search both languages at once: results grouped by kind (one kind paginated), facets, words highlighted."""
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    kind = kind if kind in site_search.KINDS else ""
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and len(year) == 4 else None
    language = request.GET.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    found = site_search.search(query, translation.get_language(), kind or None, year, language or None)
    page = Paginator(found.results, settings.PUBLIC_PAGE_SIZE).get_page(request.GET.get("page")) if kind else None
    context = {
        "query": query,
        "terms": found.words,
        "found": found,
        "kind": site_search.KINDS.get(kind),
        "year": year,
        "language": language,
        "page_obj": page,
        "results": page.object_list if page else [],
        "result_count": found.total,
        "kind_facets": [
            (site_search.KINDS[name], found.facets.kinds[name])
            for name in site_search.KINDS
            if found.facets.kinds.get(name)
        ],
        "year_facets": sorted(found.facets.years.items(), reverse=True),
        "language_facets": [
            (code, dict(settings.LANGUAGES)[code], count) for code, count in sorted(found.facets.languages.items())
        ],
        "cut_short": [kind_.plural for kind_ in found.cut_short],
        "result_limit": settings.SEARCH_RESULT_LIMIT,
    }
    return render(request, "website/search.html", context)


@reads_query_parameters()
def language_redirect(request):
    """`/` sends a visitor to the home page in the language their browser prefers (English otherwise)."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("website:home"))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@reads_query_parameters()
def robots_txt(request):
    """Crawlers may read everything public; not the admin or search results. Points to the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    disallowed = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed += [reverse("admin:index"), reverse("website:search")]
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
