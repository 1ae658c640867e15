"""What an event was made of, each row taken from an article: reports, organizers, programme, participations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.lost_updates import Tracked
from publishing.models import ReportedAtEventQuerySet

from .directory import Organization, Person
from .events import Event


class EventPartQuerySet(ReportedAtEventQuerySet):
    """Rows that belong to one event and are numbered within it."""

    def get_by_natural_key(self, event_slug, position):
        return self.get(event__slug=event_slug, position=position)


class EventPart(Tracked):
    """Abstract base for a row of an event numbered within it, taken from an article: organizers, programme items,
    participations.

    Each declares its own `event` (with its own related name), its unique (event, position) constraint (with
    its own name), and last the `article` it was reported in and the passage, where the admin's forms show
    them; the natural key is the event's slug and the position. Visitors see a row when both its event and
    its article are published (`published()`).
    """

    position = models.PositiveSmallIntegerField(_("position"), default=1)

    objects = EventPartQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["event", "position"]

    def natural_key(self):
        return (self.event.slug, self.position)

    # Every other model a part's foreign keys name is a dependency as well (serializers.sort_dependencies).
    natural_key.dependencies = ["events.event", "archive.article"]


class EventReportQuerySet(ReportedAtEventQuerySet):
    def get_by_natural_key(self, event_slug, article_slug):
        return self.get(event__slug=event_slug, article__slug=article_slug)


class EventReport(Tracked):
    """That an article reports an event, the passage saying so, and the anniversary the article states."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="reports")
    article = models.ForeignKey("archive.Article", on_delete=models.CASCADE, related_name="event_reports")
    passage = models.TextField(_("passage (verbatim)"))
    stated_anniversary = models.PositiveSmallIntegerField(_("anniversary as stated"), null=True, blank=True)

    objects = EventReportQuerySet.as_manager()

    class Meta:
        ordering = ["event", "article"]
        constraints = [models.UniqueConstraint(fields=["event", "article"], name="unique_event_report")]
        verbose_name = _("report of an event")
        verbose_name_plural = _("reports of events")

    def __str__(self):
        return f"{self.article} → {self.event}"

    def natural_key(self):
        return (self.event.slug, self.article.slug)

    natural_key.dependencies = ["events.event", "archive.article"]

    @property
    def anniversary_agrees(self):
        return self.stated_anniversary is None or self.stated_anniversary == self.event.anniversary


class EventOrganizer(EventPart):
    """An organization's part in staging an event (organizer, co-organizer, host), as reported."""

    class Role(models.TextChoices):
        # The stored values keep the spelling "organiser" (backups and fixtures hold them); the labels say "organizer".
        ORGANISER = "organiser", _("organizer")
        CO_ORGANISER = "co_organiser", _("co-organizer")
        HOST = "host", _("host")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizers")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="organized"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    article = models.ForeignKey("archive.Article", verbose_name=_("reported in"), on_delete=models.PROTECT)
    passage = models.TextField(_("passage (verbatim)"))

    class Meta(EventPart.Meta):
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_organizer_position")]
        verbose_name = _("organizer")
        verbose_name_plural = _("organizers")

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class ProgrammeItem(EventPart):
    """One part of an event's programme, in the order reported."""

    class Kind(models.TextChoices):
        MINUTE_OF_SILENCE = "minute_of_silence", _("minute of silence")
        FLOWER_LAYING = "flower_laying", _("flowers laid")
        SPEECHES = "speeches", _("speeches")
        EXHIBITION = "exhibition", _("exhibition")
        SCREENING = "screening", _("film or video screening")
        DISCUSSION = "discussion", _("discussion")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    position = models.PositiveSmallIntegerField(_("position"))  # a programme's order is always stated: no default
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"))
    provided_by = models.ForeignKey(
        Organization,
        verbose_name=_("provided by"),
        help_text=_("The organization that prepared what was shown, when the report names one."),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programme_items",
    )
    article = models.ForeignKey("archive.Article", verbose_name=_("reported in"), on_delete=models.PROTECT)
    passage = models.TextField(_("passage (verbatim)"))

    class Meta(EventPart.Meta):
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_programme_position")]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return f"{self.position}. {self.get_kind_display()}"


class Participation(EventPart):
    """A person's part in an event, their title at the time, and a neutral summary of what they said."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        HOST = "host", _("host")
        CHAIR = "chair", _("chair")
        WITNESS = "witness", _("witness")
        GUEST_OF_HONOUR = "guest_of_honour", _("guest of honour")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("title at the time"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization at the time"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
    )
    summary = models.TextField(_("summary of what they said"), blank=True)
    article = models.ForeignKey("archive.Article", verbose_name=_("reported in"), on_delete=models.PROTECT)
    passage = models.TextField(_("passage (verbatim)"))

    class Meta(EventPart.Meta):
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_participation_position")]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"
