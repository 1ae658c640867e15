"""RSS and Atom feeds of published events, in the language of the address (/en/… or /ru/…)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from archive.feeds import fallback_html, fallback_text

from .models import Event


class EventFeed(Feed):
    query_parameters = ()
    title = _("Commemoration Archive: events")
    description = _("The latest published commemorations in the archive.")

    def link(self):
        return reverse("events:event_list")

    def items(self):
        return Event.objects.published().select_related("venue").order_by("-held_on", "-created_at")[:30]

    def item_title(self, item):
        return fallback_text(item, "title")

    def item_description(self, item):
        return fallback_html(item, "description")

    def item_link(self, item):
        return reverse("events:event_detail", kwargs={"slug": item.slug})

    def item_pubdate(self, item):
        # When the archive published it: an event's own date may be known only to the year.
        return item.public_from or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class AtomEventFeed(EventFeed):
    feed_type = Atom1Feed
    subtitle = EventFeed.description
