"""Who and what the events name: the occasion they mark, and the organizations, people and venues of the directory."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.models import Article, ReportedFigure, SlugQuerySet
from publishing.addresses import slug_address
from publishing.lost_updates import Tracked

from ..name_matching import NameMatchingQuerySet

# `name_variants` holds only what the reports themselves write; a spelling no report uses goes here, shown apart.
OTHER_SPELLINGS_HELP = _(
    "Spellings no report uses (another transliteration, the name in the other language), one per line. "
    "The archive's addition, not from the reports: used to find the record, never as evidence."
)


def _exists_in_any(*querysets):
    """EXISTS over the UNION ALL of `querysets` (each correlated with OuterRef).

    An OR of several EXISTS makes PostgreSQL hash every row each of them could match (all
    participations, all figures: 135 ms at 100,000 articles) even when a page needs a hundred rows;
    one EXISTS over a union is checked row by row, and stops at the first match.
    """
    first, *rest = (queryset.order_by().values("pk") for queryset in querysets)
    return models.Exists(first.union(*rest, all=True))


class DirectoryQuerySet(NameMatchingQuerySet, SlugQuerySet):
    """Records found by slug (their natural key) or by any of their names; `public()` says which visitors see."""

    def public(self):
        raise NotImplementedError


class DirectoryRecord(Tracked):
    """Abstract base for people, venues and organizations: one record however many documents name it.

    Its slug is its address and its natural key; `named_like()` searches `name_matching_fields`; it is public
    only through published content (`public()`, decided per kind).
    """

    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    objects = DirectoryQuerySet.as_manager()
    # The fields `named_like()` searches: the name in each language, and the other spellings where kept.
    name_matching_fields = ("name_en", "name_ru")

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The record's public page, in the active language (events:person_detail, events:venue_detail, …)."""
        return slug_address(f"events:{self._meta.model_name}_detail", self.slug)


class PersonQuerySet(DirectoryQuerySet):
    def public(self):
        """People visitors may see: those a published article places at a published event, quotes in a figure or
        names (a mention)."""
        from .mentions import Mention
        from .parts import Participation

        person = models.OuterRef("pk")
        return self.filter(
            _exists_in_any(
                Participation.objects.published().filter(person=person),
                ReportedFigure.objects.published().filter(stated_by=person),
                Mention.objects.published().filter(person=person),
            )
        )


class VenueQuerySet(DirectoryQuerySet):
    def public(self):
        """Venues visitors may see: those of published events."""
        from .events import Event

        return self.filter(models.Exists(Event.objects.published().filter(venue=models.OuterRef("pk"))))


class OrganizationQuerySet(DirectoryQuerySet):
    def public(self):
        """Organizations visitors may see: those that published articles or published events name.

        A row of an event (organizer, participant, programme item) counts only when the article it comes from
        is published too, as on the event's page; a mention, when its article is published.
        """
        from .events import Event
        from .mentions import Mention
        from .parts import EventOrganizer, Participation, ProgrammeItem

        org = models.OuterRef("pk")
        return self.filter(
            _exists_in_any(
                EventOrganizer.objects.published().filter(organization=org),
                Participation.objects.published().filter(organization=org),
                ProgrammeItem.objects.published().filter(provided_by=org),
                Event.objects.published().filter(venue__organization=org),
                Article.objects.published().filter(outlet=org),
                Article.objects.published().filter(citations__organization=org),
                Mention.objects.published().filter(organization=org),
            )
        )


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


class Organization(DirectoryRecord):
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
        PARLIAMENT = "parliament", _("parliament")
        INTERNATIONAL_ORGANIZATION = "international_organization", _("international organization")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    country_code = models.CharField(_("country (ISO 3166 code)"), max_length=2, blank=True)
    description = models.TextField(_("description"), blank=True)
    name_variants = models.TextField(
        _("spellings in the reports"),
        blank=True,
        help_text=_("Other names and spellings the documents themselves use, one per line."),
    )
    other_spellings = models.TextField(
        _("other spellings (the archive's addition)"), blank=True, help_text=OTHER_SPELLINGS_HELP
    )

    objects = OrganizationQuerySet.as_manager()
    name_matching_fields = ("name_en", "name_ru", "name_variants", "other_spellings")

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


class Person(DirectoryRecord):
    """A real person named in the reports: one record across documents and languages."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    name_variants = models.TextField(
        _("spellings in the reports"),
        blank=True,
        help_text=_("Other spellings and transliterations the documents themselves use, one per line."),
    )
    other_spellings = models.TextField(
        _("other spellings (the archive's addition)"), blank=True, help_text=OTHER_SPELLINGS_HELP
    )

    objects = PersonQuerySet.as_manager()
    name_matching_fields = ("name_en", "name_ru", "name_variants", "other_spellings")

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


class LocationPrecision(models.TextChoices):
    """How exactly a venue's coordinates place it: honest about what the reports say."""

    BUILDING = "building", _("the building")
    CITY = "city", _("the city's centre")
    REGION = "region", _("somewhere in the region")


class LocationSource(models.TextChoices):
    """Who places a venue: the report itself, or the archive from its own gazetteer knowledge."""

    REPORT = "report", _("the report")
    ARCHIVE = "archive", _("the archive (not in the report)")


class Venue(DirectoryRecord):
    """Where an event took place; a locality when the report names no building."""

    class Kind(models.TextChoices):
        EMBASSY = "embassy", _("embassy")
        LIBRARY = "library", _("library")
        MONUMENT = "monument", _("monument")
        LOCALITY = "locality", _("locality (no building named)")
        OTHER = "other", _("other")

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
    # Where the venue is on a map, no more exactly than known: a point for a building, a city's centre when
    # only the city is known, a region's middle when only the region is; and who says so.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=7,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    location_precision = models.CharField(
        _("location precision"),
        max_length=10,
        choices=LocationPrecision.choices,
        blank=True,
        help_text=_("What the coordinates point at: the building itself, the centre of its city, or its region."),
    )
    location_source = models.CharField(
        _("location source"),
        max_length=10,
        choices=LocationSource.choices,
        blank=True,
        help_text=_("Whether the report gives the place, or the archive added it from its own knowledge."),
    )
    location_note = models.TextField(
        _("location note"), blank=True, help_text=_("How the place was found, as visitors will read it.")
    )

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["country_code", "name"]
        indexes = [
            models.Index(fields=["country_code", "name_en"], name="venue_country_name_en"),
            models.Index(fields=["country_code", "name_ru"], name="venue_country_name_ru"),
        ]
        permissions = [("translate_venue", _("Can edit the translation of venues"))]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    @property
    def is_located(self):
        """Whether the venue can be drawn on a map."""
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        """Coordinates come whole: both numbers, what they point at and who says so, or none of it."""
        super().clean()
        location = {
            "latitude": self.latitude,
            "longitude": self.longitude,
            "location_precision": self.location_precision,
            "location_source": self.location_source,
        }
        given = [name for name, value in location.items() if value not in (None, "")]
        if given and len(given) < len(location):
            message = _("Give the latitude, the longitude, their precision and their source together, or none.")
            raise ValidationError({name: message for name, value in location.items() if value in (None, "")})
