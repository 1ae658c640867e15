"""The sitemap: every public page in both languages, each with its language alternates."""

import functools

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from archive.models import Article, FigureKind, ReportedFigure
from events.models import Event, Organization, Person, Venue
from publishing.generations import GenerationCountPaginator, remember_per_generation


class _LanguagePairs:
    """The (item, language) pairs an i18n sitemap pages through, read from the queryset one slice at a time.

    Django's own Sitemap builds the list of every pair (200,000 for 100,000 articles) for each sitemap
    page and for the index; here a page reads just its items. `items` is the sitemap's method, called only
    when a page is read or the count is not kept: the index needs neither, and making the queryset of the
    public organizations alone takes milliseconds.
    """

    def __init__(self, items, languages):
        self._items, self.languages = items, languages

    @functools.cached_property
    def items(self):
        return self._items()

    def count(self):
        return self.items.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        per_item = len(self.languages)
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        first = start // per_item
        rows = self.items[first : -(-stop // per_item)]
        pairs = [(row, language) for row in rows for language in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # URLs per sitemap page (both languages count): small enough to render in a few tens of milliseconds,
    # and far under the protocol's 50,000 URLs; the index lists as many pages as that takes.
    limit = 250

    # Whether items() is a queryset of records, paged by _LanguagePairs (the section pages are a short list).
    lists_records = True

    @property
    def paginator(self):
        if not self.lists_records:
            return super().paginator
        # Counted once per content generation: counting the public people alone reads all their appearances.
        pairs = _LanguagePairs(self.items, self._languages())
        return GenerationCountPaginator(pairs, self.limit, count_key=f"sitemap:{type(self).__name__}")

    def get_latest_lastmod(self):
        if not callable(getattr(self, "lastmod", None)):
            return None
        name = f"sitemap-lastmod:{type(self).__name__}"
        latest = {name: lambda: self.items().aggregate(latest=Max("updated_at"))["latest"]}
        return remember_per_generation(latest, settings.DERIVED_CACHE_SECONDS)[name]


class SectionSitemap(_Bilingual):
    """The section pages (home, lists, timeline, figures)."""

    priority = 0.6
    changefreq = "weekly"
    lists_records = False

    def items(self):
        return [
            "website:home",
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


class _PageSitemap(_Bilingual):
    """The public pages of one model's records, each in both languages.

    `items()` is the model's own `published()` / `public()` queryset, so no page is listed that a visitor cannot open.
    """

    def location(self, item):
        # Called once per language, with that language active (Sitemap._location), so reverse() adds its prefix.
        return item.get_absolute_url()


class ArticleSitemap(_PageSitemap):
    priority = 0.8

    def items(self):
        # Only what the sitemap writes, so a deep page is read from the index article_published_slugs.
        return Article.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(_PageSitemap):
    priority = 0.8

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(_PageSitemap):
    def items(self):
        return Person.objects.public().order_by("slug")


class VenueSitemap(_PageSitemap):
    def items(self):
        return Venue.objects.public().order_by("slug")


class OrganizationSitemap(_PageSitemap):
    def items(self):
        return Organization.objects.public().order_by("slug")


class FigureKindSitemap(_PageSitemap):
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
