"""That a report names a person or an organization without saying they took part in an event: "named in"."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.models import Article, ArticlePart, ArticlePartQuerySet
from publishing.models import published_q

from .directory import Organization, Person


class MentionQuerySet(ArticlePartQuerySet):
    def published(self):
        """Mentions visitors may see: those of published articles (the person or organization needs nothing more)."""
        return self.filter(published_q("article__"))


class Mention(ArticlePart):
    """A passage of an article naming a person or an organization, with the title the report gives them then.

    Distinct from a participation: a president whose initiative a speaker recalls, a parliament whose resolution a
    report cites, is named in the report without taking part in any event it describes. Exactly one of `person`
    and `organization` is set. The passage is verbatim from the article's original (checked with every other
    passage of the fixtures, tests/importing/test_fixtures.py); visitors see the row when its article is published.
    """

    article = models.ForeignKey(Article, verbose_name=_("named in"), on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, null=True, blank=True, related_name="mentions"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentions",
    )
    title = models.CharField(
        _("title at the time"),
        max_length=300,
        blank=True,
        help_text=_("The title or description the report gives them, in its words; empty when it gives none."),
    )
    passage = models.TextField(_("passage (verbatim)"))
    # Blank on a person's or an organization's page, where the article's other rows are not in view: save() then
    # gives the next free position in the article.
    position = models.PositiveSmallIntegerField(_("position"), blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta(ArticlePart.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="unique_named_in_position"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, organization__isnull=True)
                | models.Q(person__isnull=True, organization__isnull=False),
                name="named_in_person_or_organization",
                violation_error_message=_("Name either a person or an organization, not both."),
            ),
        ]
        indexes = [
            # The "Named in" lists of a person's and an organization's pages.
            models.Index(fields=["person", "article"], name="named_in_person"),
            models.Index(fields=["organization", "article"], name="named_in_organization"),
        ]
        verbose_name = _("named in a report")
        verbose_name_plural = _("named in reports")

    def __str__(self):
        return f"{self.person or self.organization} — {self.article}"

    def save(self, *args, **kwargs):
        if self.position is None:
            last = Mention.objects.filter(article_id=self.article_id).aggregate(last=models.Max("position"))["last"]
            self.position = (last or 0) + 1
        super().save(*args, **kwargs)

    def natural_key(self):
        return (*self.article.natural_key(), self.position)

    natural_key.dependencies = ["archive.article", "events.person", "events.organization"]

    @property
    def record(self):
        """The person or organization named."""
        return self.person or self.organization
