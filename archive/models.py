"""Source documents, the articles built from them, where they came from, and the figures they report."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.addresses import slug_address
from publishing.lost_updates import Tracked
from publishing.models import Publishable, published_q

from .dates import DatePrecision, PublicationDateBasis, format_partial_date, partial_date_errors


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")


class SlugQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ArticlePartQuerySet(models.QuerySet):
    """Rows that belong to one article and are numbered within it."""

    def get_by_natural_key(self, article_slug, position):
        return self.get(article__slug=article_slug, position=position)


class ArticlePart(Tracked):
    """Abstract base for a row that belongs to one article and is numbered within it: citations, mentions, figures.

    Each declares its own `article` (with its own related name) and its unique (article, position) constraint
    (with its own name); the natural key is the article's slug and the position.
    """

    position = models.PositiveSmallIntegerField(_("position"), default=1)

    objects = ArticlePartQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["article", "position"]

    def natural_key(self):
        return (*self.article.natural_key(), self.position)

    # Every other model a part's foreign keys name is a dependency as well (serializers.sort_dependencies).
    natural_key.dependencies = ["archive.article"]


class Article(Publishable):
    """A news report kept as evidence: its verbatim original, its translation and its provenance."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_supplied = models.BooleanField(
        _("title supplied by the archive"),
        default=False,
        help_text=_("Set when the source document has no headline and the archive wrote the title."),
    )
    # Lists show titles, dates and outlets only; they defer these so 30 rows do not fetch 30 full texts.
    LONG_TEXTS = ("lead", "lead_en", "lead_ru", "body", "body_en", "body_ru", "original_text")

    lead = models.TextField(_("lead"), help_text=_("The first paragraph of the report."))
    body = models.TextField(_("body"), help_text=_("The rest of the report, paragraphs separated by blank lines."))

    original_language = models.CharField(_("original language"), max_length=2, choices=Language.choices)
    original_title = models.CharField(
        _("original headline"), max_length=300, blank=True, help_text=_("Verbatim; empty when the page had none.")
    )
    original_text = models.TextField(
        _("original text"), help_text=_("The document as published, verbatim, without page furniture. Read-only.")
    )
    source_filename = models.CharField(_("source file"), max_length=255, blank=True, db_index=True)
    source_sha256 = models.CharField(_("SHA-256 of the source file"), max_length=64, blank=True, db_index=True)
    section = models.CharField(_("section (as printed)"), max_length=200, blank=True)

    outlet = models.ForeignKey(
        "events.Organization",
        verbose_name=_("outlet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="published_articles",
    )
    outlet_note = models.TextField(
        _("how the outlet is known"), blank=True, help_text=_("Why this outlet, or why none is recorded.")
    )
    dateline = models.CharField(_("dateline (verbatim)"), max_length=200, blank=True)

    published_on = models.DateField(_("publication date"), null=True, blank=True)
    published_time = models.TimeField(_("publication time"), null=True, blank=True)
    published_on_precision = models.CharField(
        _("publication date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    published_on_basis = models.CharField(
        _("publication date basis"),
        max_length=10,
        choices=PublicationDateBasis.choices,
        default=PublicationDateBasis.STATED,
    )
    published_on_note = models.TextField(
        _("publication date note"), blank=True, help_text=_("Required when the date is not stated to the day.")
    )

    class Meta:
        ordering = ["-published_on", "slug"]
        # Latest published first without sorting the whole table (bench/RESULTS.md has the plans).
        indexes = [
            # Its INCLUDE lets a deep page find its ids in the index alone (publishing/paging.py).
            models.Index(
                fields=["status", "-published_on", "slug"], include=["public_from", "id"], name="article_status_latest"
            ),
            # published() as a subquery (who and what is public) reads only this index, not the articles.
            models.Index(fields=["status", "public_from", "id"], name="article_published_ids"),
            # Counting the list filtered by the language of the original reads only this index.
            models.Index(
                fields=["status", "original_language"], include=["public_from"], name="article_published_language"
            ),
            # The sitemap's pages, in slug order, read from this index alone.
            models.Index(
                fields=["status", "slug"], include=["public_from", "updated_at", "id"], name="article_published_slugs"
            ),
        ]

        permissions = [
            ("publish_article", _("Can publish, schedule, withdraw and restore articles")),
            ("translate_article", _("Can edit the translation of articles")),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.title

    def clean(self):
        errors = partial_date_errors(self, "published_on")
        if errors:
            raise ValidationError(errors)

    @property
    def published_on_display(self):
        return format_partial_date(self.published_on, self.published_on_precision)

    def is_translation_in(self, language_code):
        """True when the text in that language is the archive's translation, not the original."""
        return language_code != self.original_language

    @property
    def date_conflicts(self):
        """Passages that date the text differently from its publication date."""
        return [m for m in self.anniversary_mentions.all() if not m.agrees_with_year(self.published_on)]

    def get_absolute_url(self):
        """The article's public page, in the active language."""
        return slug_address("archive:article_detail", self.slug)


class SourceCitation(ArticlePart):
    """One link in the chain an article cites: an agency, an embassy, an unnamed informant."""

    class Relation(models.TextChoices):
        CITES_AGENCY = "cites_agency", _("the outlet cites a news agency")
        TOLD_BY = "told_by", _("an informant told the outlet")
        BUREAU = "bureau", _("reported by the outlet's own bureau")
        ATTRIBUTES = "attributes", _("the text attributes a statement")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    organization = models.ForeignKey(
        "events.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="citations",
    )
    description = models.CharField(_("description"), max_length=300)
    passage = models.TextField(_("passage (verbatim)"))

    class Meta(ArticlePart.Meta):
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="unique_citation_position")]
        verbose_name = _("source citation")
        verbose_name_plural = _("source citations")

    def __str__(self):
        return self.description


class AnniversaryMention(ArticlePart):
    """A passage that dates the text against the occasion ("33rd anniversary", "twenty-two years have passed")."""

    class Kind(models.TextChoices):
        ANNIVERSARY = "anniversary", _("anniversary number")
        YEARS_ELAPSED = "years_elapsed", _("years elapsed")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="anniversary_mentions")
    occasion = models.ForeignKey("events.Occasion", verbose_name=_("occasion"), on_delete=models.PROTECT)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    passage = models.TextField(_("passage (verbatim)"))

    class Meta(ArticlePart.Meta):
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="unique_mention_position")]
        verbose_name = _("anniversary mention")
        verbose_name_plural = _("anniversary mentions")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.number}"

    @property
    def implied_year(self):
        return self.occasion.year_of_anniversary(self.number)

    def agrees_with_year(self, date):
        return date is None or date.year == self.implied_year


class FigureKind(Tracked):
    """What a reported number counts: people killed, hostages, countries that adopted resolutions, …"""

    class Unit(models.TextChoices):
        PEOPLE = "people", _("people")
        FAMILIES = "families", _("families")
        COUNTRIES = "countries", _("countries")
        US_STATES = "us_states", _("US states")
        US_DOLLARS = "usd", _("US dollars")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("kind of figure")
        verbose_name_plural = _("kinds of figure")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The page of every published report of this kind, in the active language."""
        return slug_address("archive:figure_kind_detail", self.slug)


class ReportedFigureQuerySet(ArticlePartQuerySet):
    def published(self):
        """Figures visitors may see: those of published articles."""
        return self.filter(published_q("article__"))

    def with_published_events(self):
        """Each figure's `event` (where it was stated) only when visitors may see that event; None otherwise."""
        # Reached through the relation: events is the layer above and is never imported here.
        events = self.model._meta.get_field("event").related_model.objects.published()
        return self.prefetch_related(models.Prefetch("event", queryset=events.defer(*events.model.LONG_TEXTS)))


class ReportedFigure(ArticlePart):
    """A number exactly as one article reports it, with the passage it comes from; never merged."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="figures")
    kind = models.ForeignKey(
        FigureKind, verbose_name=_("what it counts"), on_delete=models.PROTECT, related_name="figures"
    )
    value = models.PositiveBigIntegerField(_("value"))
    approximate = models.BooleanField(
        _("approximate"), default=False, help_text=_('The text hedges ("some", "about").')
    )
    passage = models.TextField(_("passage (verbatim)"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True, help_text=_("Only when the document gives one."))
    stated_by = models.ForeignKey(
        "events.Person",
        verbose_name=_("stated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stated_figures",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("stated at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stated_figures",
    )

    objects = ReportedFigureQuerySet.as_manager()

    class Meta(ArticlePart.Meta):
        ordering = ["kind__position", "article", "position"]
        constraints = [models.UniqueConstraint(fields=["article", "position"], name="unique_figure_position")]
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")

    def __str__(self):
        return f"{self.kind}: {self.value}"


class SourceRevisionQuerySet(models.QuerySet):
    def get_by_natural_key(self, article_slug, source_sha256):
        return self.get(article__slug=article_slug, source_sha256=source_sha256)


class SourceRevision(models.Model):
    """A changed text of an already imported document, kept beside the article instead of replacing its original."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_revisions")
    source_filename = models.CharField(_("source file"), max_length=255)
    source_sha256 = models.CharField(_("SHA-256 of the source file"), max_length=64, db_index=True)
    original_title = models.CharField(_("original headline"), max_length=300, blank=True)
    original_text = models.TextField(_("original text"), help_text=_("The changed text, without page furniture."))
    imported_at = models.DateTimeField(_("imported"), default=timezone.now, editable=False)

    objects = SourceRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "imported_at"]
        constraints = [models.UniqueConstraint(fields=["article", "source_sha256"], name="unique_revision_per_article")]
        verbose_name = _("revision of a source text")
        verbose_name_plural = _("revisions of source texts")

    def __str__(self):
        return f"{self.source_filename} ({self.source_sha256[:12]})"

    def natural_key(self):
        return (*self.article.natural_key(), self.source_sha256)

    natural_key.dependencies = ["archive.article"]
