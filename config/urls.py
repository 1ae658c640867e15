"""Root URL configuration: the health endpoint, the admin, and the public site under a language prefix.

Outside the prefix: `/` (sends a visitor to the language their browser prefers), `/sitemap.xml`
(an index of per-section sitemaps with language alternates), `/robots.txt`, and `/media/…` (uploaded files, sent
only when the visitor may see them: gallery/views.py).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.i18n import set_language

from config.health import healthz
from gallery.views import media_file
from opendata.urls import api_patterns, page_patterns
from publishing.public_pages import cache_public_page, reads_query_parameters
from website import sitemap_xml
from website import views as website_views
from website.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", reads_query_parameters()(healthz), name="healthz"),
    path("", website_views.language_redirect, name="language_redirect"),
    # What django.conf.urls.i18n holds, with the parameters it reads declared (see publishing/public_pages.py).
    path("i18n/setlang/", reads_query_parameters("next", "language")(set_language), name="set_language"),
    # An index of per-section sitemaps, each paged (`?p=2`) so none exceeds the protocol's limits.
    path(
        "sitemap.xml",
        cache_public_page(reads_query_parameters()(sitemap_xml.written(sitemap_views.index))),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(reads_query_parameters("p")(sitemap_xml.written(sitemap_views.sitemap))),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", website_views.robots_txt, name="robots_txt"),
    # Every uploaded file, in development as in production: files of drafts reach only staff (gallery/views.py).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", reads_query_parameters()(media_file), name="media_file"),
    # The read-only JSON API: both languages in every answer, so outside the language prefix.
    path("api/v1/", include((api_patterns, "api"))),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
    path("", include("archive.urls")),
    path("", include("events.urls")),
    path("", include((page_patterns, "opendata"))),
    path("", include("maps.urls")),
    path("", include("charts.urls")),
)

handler400 = "website.views.bad_request"
handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
