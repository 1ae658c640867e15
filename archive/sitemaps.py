"""The sitemap: every public page in both languages, each with its language alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event, Organization, Person, Venue

from .models import Article, FigureKind, ReportedFigure


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # URLs per sitemap page (both languages count); well under the protocol's 50,000 and 50 MB.
    limit = 5000


class SectionSitemap(_Bilingual):
    """The section pages (home, lists, timeline, figures)."""

    priority = 0.6
    changefreq = "weekly"

    def items(self):
        return [
            "archive:home",
            "archive:article_list",
            "archive:figure_list",
            "events:event_list",
            "events:timeline",
            "events:person_list",
            "events:venue_list",
            "events:organization_list",
        ]

    def location(self, item):
        return reverse(item)


class _SlugSitemap(_Bilingual):
    url_name = ""

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item.slug})


class ArticleSitemap(_SlugSitemap):
    url_name = "archive:article_detail"
    priority = 0.8

    def items(self):
        return Article.objects.published().order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(_SlugSitemap):
    url_name = "events:event_detail"
    priority = 0.8

    def items(self):
        return Event.objects.published().order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(_SlugSitemap):
    url_name = "events:person_detail"

    def items(self):
        return Person.objects.public().order_by("slug")


class VenueSitemap(_SlugSitemap):
    url_name = "events:venue_detail"

    def items(self):
        return Venue.objects.public().order_by("slug")


class OrganizationSitemap(_SlugSitemap):
    url_name = "events:organization_detail"

    def items(self):
        return Organization.objects.public().order_by("slug")


class FigureKindSitemap(_SlugSitemap):
    url_name = "archive:figure_kind_detail"

    def items(self):
        return FigureKind.objects.filter(figures__in=ReportedFigure.objects.published()).distinct().order_by("slug")


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    "events": EventSitemap,
    "people": PersonSitemap,
    "venues": VenueSitemap,
    "organizations": OrganizationSitemap,
    "figures": FigureKindSitemap,
}
