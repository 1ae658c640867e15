"""RSS and Atom feeds of published articles, in the language of the address (/en/… or /ru/…)."""

from django.utils.translation import gettext_lazy as _

from publishing.feeds import AtomFeed, PublishedItemsFeed

from .models import Article


class ArticleFeed(PublishedItemsFeed):
    title = _("Commemoration Archive: articles")
    description = _("The latest published reports in the archive.")
    list_url_name = "archive:article_list"
    summary_field = "lead"

    def items(self):
        return Article.objects.published().select_related("outlet")[:30]

    def item_author_name(self, item):
        return item.outlet.name if item.outlet else None


class AtomArticleFeed(AtomFeed, ArticleFeed):
    pass
