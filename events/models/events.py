"""One commemoration held at one place and time, as the articles report it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.dates import DateBasis, DatePrecision, format_partial_date, partial_date_errors
from publishing.addresses import slug_address
from publishing.models import Publishable

from .directory import Occasion, Venue


class Event(Publishable):
    """One commemoration held at one place and time, as one or more articles report it."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), help_text=_("Neutral and attributive: “according to …”."))
    # Lists show titles, dates and venues only; they defer these so rows do not fetch full texts.
    LONG_TEXTS = ("description", "description_en", "description_ru", "audience", "audience_en", "audience_ru")

    audience = models.TextField(_("audience"), blank=True, help_text=_("Who attended, as reported."))
    occasion = models.ForeignKey(Occasion, verbose_name=_("occasion"), on_delete=models.PROTECT, related_name="events")
    held_on = models.DateField(_("date"))
    held_on_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    held_on_basis = models.CharField(
        _("date basis"), max_length=10, choices=DateBasis.choices, default=DateBasis.STATED
    )
    held_on_note = models.TextField(_("date note"), blank=True)
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="events")
    articles = models.ManyToManyField(
        "archive.Article", through="EventReport", related_name="events", verbose_name=_("reported in")
    )

    class Meta:
        ordering = ["-held_on", "slug"]
        # Latest published first without sorting the whole table (bench/RESULTS.md has the plans).
        indexes = [
            # Its INCLUDE lets a deep page find its ids in the index alone (publishing/paging.py).
            models.Index(
                fields=["status", "-held_on", "slug"], include=["public_from", "id"], name="event_status_latest"
            ),
            # published() as a subquery (who and what is public) reads only this index, not the events.
            models.Index(fields=["status", "public_from", "id"], name="event_published_ids"),
            # The sitemap's pages, in slug order, read from this index alone.
            models.Index(
                fields=["status", "slug"], include=["public_from", "updated_at", "id"], name="event_published_slugs"
            ),
            # Counting the events at one country's or city's venues reads only this index (2 ms, not 21 ms).
            models.Index(fields=["venue", "status"], include=["public_from", "held_on"], name="event_venue_published"),
        ]

        permissions = [
            ("publish_event", _("Can publish, schedule, withdraw and restore events")),
            ("translate_event", _("Can edit the translation of events")),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def clean(self):
        errors = partial_date_errors(self, "held_on")
        if errors:
            raise ValidationError(errors)

    @property
    def anniversary(self):
        """The anniversary number computed from the date, never copied from the text."""
        return self.occasion.anniversary_in(self.held_on.year)

    @property
    def held_on_display(self):
        return format_partial_date(self.held_on, self.held_on_precision)

    def get_absolute_url(self):
        """The event's public page, in the active language."""
        return slug_address("events:event_detail", self.slug)
