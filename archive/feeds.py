"""RSS and Atom feeds of published articles, in the language of the address (/en/… or /ru/…)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from publishing.translated_text import translated

from .models import Article


def fallback_text(obj, field):
    """A translated field in the active language, or the other language's text marked "(not yet translated)"."""
    return translated(obj, field, plain=True)


def fallback_html(obj, field):
    """`fallback_text` as the HTML an RSS description or Atom summary carries: its <, > and & shown, not obeyed.

    Readers parse these elements as HTML after the XML layer is undone, so the text is escaped once for
    HTML here and once more for XML by the feed generator; titles stay plain text, as both formats define them.
    """
    return escape(fallback_text(obj, field))


class ArticleFeed(Feed):
    query_parameters = ()
    title = _("Commemoration Archive: articles")
    description = _("The latest published reports in the archive.")

    def link(self):
        return reverse("archive:article_list")

    def items(self):
        return Article.objects.published().select_related("outlet")[:30]

    def item_title(self, item):
        return fallback_text(item, "title")

    def item_description(self, item):
        return fallback_html(item, "lead")

    def item_link(self, item):
        return reverse("archive:article_detail", kwargs={"slug": item.slug})

    def item_pubdate(self, item):
        # When the archive published it: a report's own date may be known only to the year.
        return item.public_from or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.outlet.name if item.outlet else None


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description
