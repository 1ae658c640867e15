"""Publication state shared by articles and events, and the one vocabulary that decides visibility.

Public: published, and due (no `public_from`, or one that has passed). Scheduled: published, with a
`public_from` still to come. A row of an event taken from an article (a report, an organizer, a programme
item, a participation) is public only when both its event and its article are.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lost_updates import Tracked


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class TranslationStatus(models.TextChoices):
    """How far the translation into the language that is not the original has got."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    TRANSLATED = "translated", _("Translated")


def published_q(through=""):
    """The condition of `published()`, on the row reached through `through` (e.g. "article__").

    Filtering a row by its article's or event's own columns joins that table once; `article__in=
    Article.objects.published()` adds a second copy as a subquery, and with select_related the
    planner then weighs eight or more tables: 12 ms of planning for a query that runs in 0.4 ms.
    """
    return models.Q(**{f"{through}status": Status.PUBLISHED}) & (
        models.Q(**{f"{through}public_from__isnull": True}) | models.Q(**{f"{through}public_from__lte": timezone.now()})
    )


def scheduled_q(through=""):
    """The condition of `scheduled()`: published, but public only from a time still to come."""
    return models.Q(**{f"{through}status": Status.PUBLISHED, f"{through}public_from__gt": timezone.now()})


def reported_at_published_event_q(through=""):
    """The condition of `published()` for rows of an event taken from an article: both are published.

    Stated on the joined event and article rather than as `__in` subqueries, which PostgreSQL plans far
    slower. An event's own page, which has already decided the event may be shown (a staff preview may show
    a draft), asks only `published_q("article__")`; an article's page only `published_q("event__")`.
    """
    return published_q(f"{through}event__") & published_q(f"{through}article__")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see: published, and not scheduled for later."""
        return self.filter(published_q())

    def scheduled(self):
        """Published, and waiting for its `public_from` to come."""
        return self.filter(scheduled_q())

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ReportedAtEventQuerySet(models.QuerySet):
    """Rows of an event taken from an article (reports, organizers, programme items, participations)."""

    def published(self):
        """What visitors may see away from the event's and the article's own pages: both are published."""
        return self.filter(reported_at_published_event_q())


class Publishable(Tracked):
    """Abstract base for content that moves through the editorial workflow."""

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    public_from = models.DateTimeField(
        _("public from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish at once; a future time schedules publication."),
    )
    translation_status = models.CharField(
        _("translation status"),
        max_length=20,
        choices=TranslationStatus.choices,
        default=TranslationStatus.NOT_STARTED,
        help_text=_("Set by the translator of the language that is not the original."),
    )
    # A plain default rather than auto_now_add: fixture loads are raw saves and must be able to set it.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)

    @property
    def is_public(self):
        """Whether visitors see it now: the question `published()` asks of the database."""
        return self.status == Status.PUBLISHED and (self.public_from is None or self.public_from <= timezone.now())

    @property
    def is_scheduled(self):
        """Whether it is published but waits for its `public_from`: the question `scheduled()` asks."""
        return self.status == Status.PUBLISHED and self.public_from is not None and self.public_from > timezone.now()


class WorkflowLogEntry(models.Model):
    """One step of an article's or event's editorial workflow: who did what, when, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("submitted for review")
        REQUEST_CHANGES = "request_changes", _("changes requested")
        PUBLISH = "publish", _("published")
        SCHEDULE = "schedule", _("scheduled")
        WITHDRAW = "withdraw", _("withdrawn")
        REOPEN = "reopen", _("returned to draft")
        RESTORE = "restore", _("old version restored")
        EDIT = "edit", _("published content changed")

    # Two plain foreign keys rather than a generic one, so the log exports and restores by natural keys.
    article = models.ForeignKey(
        "archive.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_log",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workflow_log",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("from status"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to status"), max_length=20, choices=Status.choices)
    public_from = models.DateTimeField(_("public from"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), db_index=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False, event__isnull=True)
                | models.Q(article__isnull=True, event__isnull=False),
                name="workflow_log_entry_has_one_item",
            )
        ]
        verbose_name = _("workflow log entry")
        verbose_name_plural = _("workflow log")

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @staticmethod
    def item_field(obj):
        """The field that points at this kind of item: "article" or "event"."""
        return obj._meta.model_name

    @property
    def item(self):
        return self.article or self.event

    @item.setter
    def item(self, obj):
        setattr(self, self.item_field(obj), obj)
