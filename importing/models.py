"""What the importer keeps: the admin's background imports (files, progress, results) and its suggestions.

Imports uploaded in the admin are run by a background worker.

The upload only stores the files and queues the job; the worker runs `importing.tasks.import_documents`, which imports
each file in its own transaction and records its result here as it goes, so that the admin shows the progress.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive.models import ArticlePart

#: Page-furniture lines recorded per file for the report; the text itself is kept on the article.
MAX_REMOVED_LINES = 100


class ImportJob(models.Model):
    """One upload of documents in the admin, imported in the background; its status and progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(_("documents"), default=0)
    done = models.PositiveIntegerField(_("documents read"), default=0)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True, help_text=_("The background task that runs it."))
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import of documents")
        verbose_name_plural = _("imports of documents")

    def __str__(self):
        return _("Import %(number)s (%(status)s)") % {"number": self.pk, "status": self.get_status_display()}

    def get_admin_url(self):
        return reverse("admin:archive_article_import_job", args=[self.pk])

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        return 100 * self.done // self.total if self.total else 100

    def counts(self):
        """How many files ended in each result, for the summary line."""
        counts = dict.fromkeys(ImportJobDocument.Status.values, 0)
        for status in self.documents.values_list("status", flat=True):
            counts[status] += 1
        return counts


class ImportJobDocument(models.Model):
    """One uploaded file of an import: its bytes until it is read, then its result."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        # The importer's own result names (importing.importer.ImportResult).
        IMPORTED = "imported", _("imported")
        REVISED = "revised", _("changed: kept as a revision")
        UNCHANGED = "unchanged", _("unchanged")
        FAILED = "failed", _("failed")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField()
    name = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"), help_text=_("The uploaded bytes; emptied once the file is read."))
    status = models.CharField(_("result"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True)
    warnings = models.JSONField(_("notes"), default=list, blank=True)
    created = models.JSONField(_("created"), default=dict, blank=True)
    removed = models.JSONField(_("page furniture removed"), default=list, blank=True)
    article = models.ForeignKey(
        "archive.Article", verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["job", "position"]
        constraints = [models.UniqueConstraint(fields=["job", "position"], name="import_document_position_unique")]
        verbose_name = _("imported file")
        verbose_name_plural = _("imported files")

    def __str__(self):
        return self.name

    def record(self, result):
        """Keep the importer's result for this file, and let go of its bytes."""
        self.status = result.status
        self.message = result.message
        self.warnings = [str(w) for w in result.warnings]
        self.created = result.created
        self.removed = [str(line) for line in result.removed[:MAX_REMOVED_LINES]]
        self.article = result.article if result.article and result.article.pk and not self.job.dry_run else None
        if result.article and self.job.dry_run and result.status == ImportJobDocument.Status.IMPORTED:
            # The dry run's article was rolled back: there is nothing to link to, only the name it would have.
            self.message = gettext("would become the draft “%(slug)s”") % {"slug": result.article.slug}
        self.content = b""
        # An update, not a save: a job's progress is not public content and must not empty the page cache.
        fields = ["status", "message", "warnings", "created", "removed", "article", "content"]
        type(self).objects.filter(pk=self.pk).update(**{name: getattr(self, name) for name in fields})


class ImportSuggestion(ArticlePart):
    """Something the importer found in a document — a figure, or a name matching a record — for an editor to confirm.

    A known person or organization the text names, which is neither the report's outlet nor a source it cites, is
    suggested as "named in" the report: confirming it adds the passage to the record's page (events.Mention). A
    person named with no record yet is a "person" to link or reject; a record the report cites is an "organization".
    """

    class Kind(models.TextChoices):
        FIGURE = "figure", _("figure")
        PERSON = "person", _("person")
        ORGANIZATION = "organization", _("organization")
        VENUE = "venue", _("venue")
        NAMED_IN = "named_in", _("named in the report")

    class Decision(models.TextChoices):
        PENDING = "pending", _("to be confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    article = models.ForeignKey("archive.Article", on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(
        _("as written"), max_length=300, help_text=_("The name or number exactly as the text has it.")
    )
    passage = models.TextField(_("passage (verbatim)"))
    person = models.ForeignKey(
        "events.Person", verbose_name=_("person"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    organization = models.ForeignKey(
        "events.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    venue = models.ForeignKey(
        "events.Venue", verbose_name=_("venue"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    figure_kind = models.ForeignKey(
        "archive.FigureKind",
        verbose_name=_("what it counts"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    value = models.PositiveBigIntegerField(_("value"), null=True, blank=True)
    approximate = models.BooleanField(_("approximate"), default=False)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING, db_index=True
    )

    class Meta(ArticlePart.Meta):
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="unique_suggestion_position")]
        verbose_name = _("import suggestion")
        verbose_name_plural = _("import suggestions")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text}"

    @property
    def record(self):
        return self.person or self.organization or self.venue
