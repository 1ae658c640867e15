"""RSS and Atom feeds of published events, in the language of the address (/en/… or /ru/…)."""

from django.utils.translation import gettext_lazy as _

from publishing.feeds import AtomFeed, PublishedItemsFeed

from .models import Event


class EventFeed(PublishedItemsFeed):
    title = _("Commemoration Archive: events")
    description = _("The latest published commemorations in the archive.")
    list_url_name = "events:event_list"
    summary_field = "description"

    def items(self):
        return Event.objects.published().select_related("venue").order_by("-held_on", "-created_at")[:30]


class AtomEventFeed(AtomFeed, EventFeed):
    pass
