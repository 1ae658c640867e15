"""A feed of published items, as RSS and as Atom, in the language of the address (/en/… or /ru/…).

Each content app says which items, which list page the feed stands for and which fields give the
title and the summary; the rest (the links, the dates, the untranslated-text fallback) is the same for
every app's feed and lives here.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .translated_text import translated


def fallback_text(obj, field):
    """A translated field in the active language, or the other language's text marked "(not yet translated)"."""
    return translated(obj, field, plain=True)


def fallback_html(obj, field):
    """`fallback_text` as the HTML an RSS description or Atom summary carries: its <, > and & shown, not obeyed.

    Readers parse these elements as HTML after the XML layer is undone, so the text is escaped once for
    HTML here and once more for XML by the feed generator; titles stay plain text, as both formats define them.
    """
    return escape(fallback_text(obj, field))


class PublishedItemsFeed(Feed):
    """RSS 2.0 of the newest published items; `AtomFeed` makes the Atom 1.0 twin of a subclass.

    Subclasses set `title`, `description`, `list_url_name` (the page the feed stands for),
    `summary_field` and `items()`; each item's link is its `get_absolute_url()` (Django's default).
    """

    query_parameters = ()
    list_url_name = ""
    title_field = "title"
    summary_field = ""

    def link(self):
        return reverse(self.list_url_name)

    def item_title(self, item):
        return fallback_text(item, self.title_field)

    def item_description(self, item):
        return fallback_html(item, self.summary_field)

    def item_pubdate(self, item):
        # When the archive published it: an item's own date (a report's, an event's) may be known only to the year.
        return item.public_from or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class AtomFeed:
    """Mixed in before a `PublishedItemsFeed` subclass: the same feed as Atom 1.0, its description the subtitle."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
