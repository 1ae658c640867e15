"""Root URL configuration: the admin, and the public site under a language prefix.

Outside the prefix: `/` (sends a visitor to the language their browser prefers), `/sitemap.xml`
with language alternates, and `/robots.txt`.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from archive import views as archive_views
from archive.sitemaps import SITEMAPS

urlpatterns = [
    path("", archive_views.language_redirect, name="language_redirect"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", archive_views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
    path("", include("events.urls")),
)

handler404 = "archive.views.page_not_found"
handler500 = "archive.views.server_error"
