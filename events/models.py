"""Commemorations, the occasion they mark, and the venues, people and organizations taking part."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.dates import DateBasis, DatePrecision, format_partial_date, partial_date_errors
from archive.models import SlugQuerySet
from publishing.lost_updates import Tracked
from publishing.models import Publishable, published_q

from .name_matching import NameMatchingQuerySet


def _published_events():
    return Event.objects.published()


def _published_articles():
    from archive.models import Article

    return Article.objects.published()


def _exists_in_any(*querysets):
    """EXISTS over the UNION ALL of `querysets` (each correlated with OuterRef).

    An OR of several EXISTS makes PostgreSQL hash every row each of them could match (all
    participations, all figures: 135 ms at 100,000 articles) even when a page needs a hundred rows;
    one EXISTS over a union is checked row by row, and stops at the first match.
    """
    first, *rest = (queryset.order_by().values("pk") for queryset in querysets)
    return models.Exists(first.union(*rest, all=True))


class PersonQuerySet(NameMatchingQuerySet, SlugQuerySet):
    def public(self):
        """People visitors may see: those a published article places at a published event, or quotes in a figure."""
        person = models.OuterRef("pk")
        return self.filter(
            _exists_in_any(
                Participation.objects.filter(_reported_at_published_event(), person=person),
                _figure_model().objects.filter(published_q("article__"), stated_by=person),
            )
        )


class VenueQuerySet(NameMatchingQuerySet, SlugQuerySet):
    def public(self):
        """Venues visitors may see: those of published events."""
        return self.filter(models.Exists(_published_events().filter(venue=models.OuterRef("pk"))))


class OrganizationQuerySet(NameMatchingQuerySet, SlugQuerySet):
    def public(self):
        """Organizations visitors may see: those that published articles or published events name.

        A row of an event (organizer, participant, programme item) counts only when the article it comes from
        is published too, as on the event's page.
        """
        org = models.OuterRef("pk")
        reported = _reported_at_published_event()
        return self.filter(
            _exists_in_any(
                EventOrganizer.objects.filter(reported, organization=org),
                Participation.objects.filter(reported, organization=org),
                ProgrammeItem.objects.filter(reported, provided_by=org),
                _published_events().filter(venue__organization=org),
                _published_articles().filter(outlet=org),
                _published_articles().filter(citations__organization=org),
            )
        )


def _reported_at_published_event():
    """A row of an event (participant, organizer, programme item) that visitors see: both its event and its
    article are published. Stated on the joined rows, which PostgreSQL plans far faster than `__in` subqueries."""
    return published_q("event__") & published_q("article__")


def _figure_model():
    from archive.models import ReportedFigure

    return ReportedFigure


class Occasion(Tracked):
    """A historical event that commemorations mark, such as the Khojaly killings of 25-26 February 1992."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    place = models.CharField(_("place"), max_length=200)
    began_on = models.DateField(_("began on"))
    ended_on = models.DateField(_("ended on"))

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["began_on"]
        verbose_name = _("occasion")
        verbose_name_plural = _("occasions")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        if self.began_on and self.ended_on and self.ended_on < self.began_on:
            raise ValidationError({"ended_on": _("The occasion cannot end before it began.")})

    def year_of_anniversary(self, number):
        """The calendar year in which the given anniversary falls."""
        return self.began_on.year + number

    def anniversary_in(self, year):
        return year - self.began_on.year


class Organization(Tracked):
    """An embassy, outlet, agency, association or institute; one record however many documents name it."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("embassy")
        NEWS_OUTLET = "news_outlet", _("news outlet")
        NEWS_AGENCY = "news_agency", _("news agency")
        GOVERNMENT_BODY = "government_body", _("government body")
        PUBLIC_ORGANIZATION = "public_organization", _("public organization")
        RESEARCH_INSTITUTE = "research_institute", _("research institute")
        THINK_TANK = "think_tank", _("think tank")
        LIBRARY = "library", _("library")
        FOUNDATION = "foundation", _("foundation")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country_code = models.CharField(_("country (ISO 3166 code)"), max_length=2, blank=True)
    description = models.TextField(_("description"), blank=True)
    name_variants = models.TextField(
        _("other spellings"), blank=True, help_text=_("Other names and spellings the documents use, one per line.")
    )

    objects = OrganizationQuerySet.as_manager()
    name_matching_fields = ("name_en", "name_ru", "name_variants")

    class Meta:
        ordering = ["name"]
        # The directory lists organizations by kind and name in the visitor's language, a page at a time.
        indexes = [
            models.Index(fields=["kind", "name_en"], name="organization_kind_name_en"),
            models.Index(fields=["kind", "name_ru"], name="organization_kind_name_ru"),
        ]
        permissions = [("translate_organization", _("Can edit the translation of organizations"))]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The organization's public page, in the active language."""
        return reverse("events:organization_detail", kwargs={"slug": self.slug})


class Person(Tracked):
    """A real person named in the reports: one record across documents and languages."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    name_variants = models.TextField(
        _("other spellings"), blank=True, help_text=_("Transliterations the documents use, one per line.")
    )

    objects = PersonQuerySet.as_manager()
    name_matching_fields = ("name_en", "name_ru", "name_variants")

    class Meta:
        ordering = ["name"]
        # The directory lists people by name in the visitor's language, a page at a time.
        indexes = [
            models.Index(fields=["name_en"], name="person_name_en"),
            models.Index(fields=["name_ru"], name="person_name_ru"),
        ]
        permissions = [("translate_person", _("Can edit the translation of people"))]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The person's public page, in the active language."""
        return reverse("events:person_detail", kwargs={"slug": self.slug})


class Venue(Tracked):
    """Where an event took place; a locality when the report names no building."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("embassy")
        LIBRARY = "library", _("library")
        MONUMENT = "monument", _("monument")
        LOCALITY = "locality", _("locality (no building named)")
        OTHER = "other", _("other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("premises of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="venues",
    )
    city = models.CharField(_("city"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=200)
    country_code = models.CharField(_("country (ISO 3166 code)"), max_length=2)
    description = models.TextField(_("description"), blank=True)

    objects = VenueQuerySet.as_manager()
    name_matching_fields = ("name_en", "name_ru")

    class Meta:
        ordering = ["country_code", "name"]
        indexes = [
            models.Index(fields=["country_code", "name_en"], name="venue_country_name_en"),
            models.Index(fields=["country_code", "name_ru"], name="venue_country_name_ru"),
        ]
        permissions = [("translate_venue", _("Can edit the translation of venues"))]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The venue's public page, in the active language."""
        return reverse("events:venue_detail", kwargs={"slug": self.slug})


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
            models.Index(fields=["status", "-held_on", "slug"], name="event_status_latest"),
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
        return reverse("events:event_detail", kwargs={"slug": self.slug})


class EventPartQuerySet(models.QuerySet):
    """Rows that belong to one event and are numbered within it."""

    def get_by_natural_key(self, event_slug, position):
        return self.get(event__slug=event_slug, position=position)


class EventReportQuerySet(models.QuerySet):
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


class EventOrganizer(Tracked):
    """An organization's part in staging an event (organiser, co-organiser, host), as reported."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("organiser")
        CO_ORGANISER = "co_organiser", _("co-organiser")
        HOST = "host", _("host")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizers")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="organized"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    article = models.ForeignKey("archive.Article", verbose_name=_("reported in"), on_delete=models.PROTECT)
    passage = models.TextField(_("passage (verbatim)"))

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "position"]
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_organizer_position")]
        verbose_name = _("organizer")
        verbose_name_plural = _("organizers")

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def natural_key(self):
        return (self.event.slug, self.position)

    natural_key.dependencies = ["events.event", "events.organization", "archive.article"]


class ProgrammeItem(Tracked):
    """One part of an event's programme, in the order reported."""

    class Kind(models.TextChoices):
        MINUTE_OF_SILENCE = "minute_of_silence", _("minute of silence")
        FLOWER_LAYING = "flower_laying", _("flowers laid")
        SPEECHES = "speeches", _("speeches")
        EXHIBITION = "exhibition", _("exhibition")
        SCREENING = "screening", _("film or video screening")
        DISCUSSION = "discussion", _("discussion")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    position = models.PositiveSmallIntegerField(_("position"))
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

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "position"]
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_programme_position")]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return f"{self.position}. {self.get_kind_display()}"

    def natural_key(self):
        return (self.event.slug, self.position)

    natural_key.dependencies = ["events.event", "archive.article"]


class Participation(Tracked):
    """A person's part in an event, their title at the time, and a neutral summary of what they said."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("speaker")
        HOST = "host", _("host")
        CHAIR = "chair", _("chair")
        WITNESS = "witness", _("witness")
        GUEST_OF_HONOUR = "guest_of_honour", _("guest of honour")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
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

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "position"]
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="unique_participation_position")]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def natural_key(self):
        return (self.event.slug, self.position)

    natural_key.dependencies = ["events.event", "events.person", "events.organization", "archive.article"]
