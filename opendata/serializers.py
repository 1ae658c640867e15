"""How each kind of public record is written in the API and in the JSON downloads.

Every record is named by its slug and links to its API address and its public pages in both languages; every
translated text carries both languages (`BilingualText`); every row taken from a report carries its provenance
(the article and the verbatim passage). Serializers only write what the view's queryset holds: which rows are
public is decided there, through `published()` / `public()`, never here.
"""

import functools

from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from archive.dates import DateBasis, DatePrecision
from archive.models import Language
from publishing.models import TranslationStatus

from .representation import LANGUAGES, bilingual, name_variants, partial_date

# --- the shapes shared by every record -------------------------------------------------------------------------


class BilingualText(serializers.Serializer):
    """A translated text: each language's text or null, and which languages still lack a translation."""

    en = serializers.CharField(allow_null=True, help_text=_("The English text, or null."))
    ru = serializers.CharField(allow_null=True, help_text=_("The Russian text, or null."))
    not_yet_translated = serializers.ListField(
        child=serializers.ChoiceField(choices=LANGUAGES),
        help_text=_("Languages whose text is missing while the other language has one: not yet translated."),
    )


class PartialDate(serializers.Serializer):
    """A date no more precise than it is known, with how it was obtained."""

    edtf = serializers.CharField(
        help_text=_("ISO 8601 / EDTF no more precise than known: 2025, 2025-02 or 2025-02-26.")
    )
    date = serializers.DateField(
        help_text=_("The date as stored: the first day of the month or year when not known to the day.")
    )
    precision = serializers.ChoiceField(choices=DatePrecision.choices)
    basis = serializers.ChoiceField(choices=DateBasis.choices)
    note = BilingualText(help_text=_("How the date was obtained, when it is not stated to the day."))


class PageUrls(serializers.Serializer):
    """The record's public page in each language."""

    en = serializers.URLField()
    ru = serializers.URLField()


@extend_schema_field(BilingualText)
class BilingualField(serializers.Field):
    """The translated field `field` (by default the serializer field's own name) in both languages."""

    def __init__(self, field=None, **kwargs):
        self.text_field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return bilingual(obj, self.text_field or self.field_name)


@extend_schema_field(PartialDate)
class PartialDateField(serializers.Field):
    """The partial date `field` with its precision, basis and note; null when the date is unknown."""

    def __init__(self, field, **kwargs):
        self.date_field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return partial_date(obj, self.date_field)


SLUG_MARK = "--slug--"


@functools.cache
def _api_path_pattern(view_name, script_prefix):
    return reverse(f"api:{view_name}", kwargs={"slug": SLUG_MARK})


def api_path(view_name, slug):
    """The API path of the record with this slug, without a reverse() per record: a download names hundreds of
    thousands, and reverse() was half of the time it took to write one (bench/RESULTS.md)."""
    return _api_path_pattern(view_name, get_script_prefix()).replace(SLUG_MARK, slug)


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The record's address in this API."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = api_path(self.view_name, obj.slug)
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


@extend_schema_field(PageUrls)
class PageUrlsField(serializers.Field):
    """The record's public page in each language (get_absolute_url under each language)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        request = self.context.get("request")
        urls = {}
        for code in LANGUAGES:
            with translation.override(code):
                path = obj.get_absolute_url()
            urls[code] = request.build_absolute_uri(path) if request else path
        return urls


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class NameVariantsField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return name_variants(obj)


@extend_schema_field(OpenApiTypes.URI)
class ListingLinkField(serializers.Field):
    """An API list filtered to this record (`/api/v1/events/?person=slug`): the filters do the rest."""

    def __init__(self, view_name, parameter, **kwargs):
        self.view_name, self.parameter = view_name, parameter
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = f"{reverse(f'api:{self.view_name}')}?{self.parameter}={obj.slug}"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


# --- references: how one record names another ------------------------------------------------------------------


class OccasionRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("occasion_detail")
    name = BilingualField()


class OrganizationRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("organization_detail")
    name = BilingualField()
    kind = serializers.CharField()


class PersonRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("person_detail")
    name = BilingualField()


class VenueRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("venue_detail")
    name = BilingualField()
    kind = serializers.CharField()
    city = BilingualField()
    country = BilingualField()
    country_code = serializers.CharField(help_text=_("ISO 3166 code."))


class ArticleRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("article_detail")
    title = BilingualField()
    published_on = PartialDateField("published_on", allow_null=True)
    original_language = serializers.ChoiceField(choices=Language.choices)
    outlet = OrganizationRef(allow_null=True)


class EventRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("event_detail")
    title = BilingualField()
    held_on = PartialDateField("held_on")


class FigureKindRef(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = ApiUrlField("figure_kind_detail")
    name = BilingualField()
    unit = serializers.CharField()


class Provenance(serializers.Serializer):
    """Where a row comes from: the published article and the verbatim passage."""

    article = ArticleRef()
    passage = serializers.CharField(help_text=_("Verbatim, quoted from the article."))


class ProvenanceField(Provenance):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


# --- the directory -----------------------------------------------------------------------------------------------


class OccasionSerializer(OccasionRef):
    description = BilingualField()
    place = BilingualField()
    began_on = serializers.DateField()
    ended_on = serializers.DateField()
    events_api_url = ListingLinkField("event_list", "occasion")


class OrganizationSerializer(OrganizationRef):
    pages = PageUrlsField()
    description = BilingualField()
    name_variants = NameVariantsField()
    country_code = serializers.CharField(help_text=_("ISO 3166 code, or empty."))
    events_api_url = ListingLinkField("event_list", "organization")
    articles_api_url = ListingLinkField("article_list", "outlet")


class PersonSerializer(PersonRef):
    pages = PageUrlsField()
    description = BilingualField()
    name_variants = NameVariantsField()
    events_api_url = ListingLinkField("event_list", "person")
    figures_api_url = ListingLinkField("figure_list", "person")


class VenueSerializer(VenueRef):
    pages = PageUrlsField()
    region = BilingualField()
    description = BilingualField()
    organization = OrganizationRef(allow_null=True, help_text=_("Whose premises these are, if anyone's."))
    events_api_url = ListingLinkField("event_list", "venue")


# --- events ------------------------------------------------------------------------------------------------------


class EventSerializer(EventRef):
    pages = PageUrlsField()
    anniversary = serializers.IntegerField(help_text=_("Computed from the date and the occasion, never copied."))
    occasion = OccasionRef()
    venue = VenueRef()


class EventReportSerializer(serializers.Serializer):
    article = ArticleRef()
    passage = serializers.CharField()
    stated_anniversary = serializers.IntegerField(allow_null=True, help_text=_("The anniversary the article states."))


class OrganizerSerializer(serializers.Serializer):
    organization = OrganizationRef()
    role = serializers.CharField()
    provenance = ProvenanceField()


class ProgrammeItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    kind = serializers.CharField()
    description = BilingualField()
    provided_by = OrganizationRef(allow_null=True)
    provenance = ProvenanceField()


class ParticipationSerializer(serializers.Serializer):
    person = PersonRef()
    role = serializers.CharField()
    title = BilingualField(help_text=_("Their title at the time."))
    organization = OrganizationRef(allow_null=True, help_text=_("Their organization at the time."))
    summary = BilingualField(help_text=_("A neutral summary of what they said, in the archive's words."))
    provenance = ProvenanceField()


class EventDetailSerializer(EventSerializer):
    description = BilingualField()
    audience = BilingualField()
    reports = EventReportSerializer(many=True, source="public_reports")
    organizers = OrganizerSerializer(many=True, source="public_organizers")
    programme = ProgrammeItemSerializer(many=True, source="public_programme")
    participations = ParticipationSerializer(many=True, source="public_participations")
    figures_api_url = ListingLinkField("figure_list", "event")


# --- articles ----------------------------------------------------------------------------------------------------


class Translation(serializers.Serializer):
    """The language that is not the original: its text is the archive's translation."""

    language = serializers.ChoiceField(choices=Language.choices)
    by_archive = serializers.BooleanField(
        help_text=_("Always true: the text in this language is the archive's translation.")
    )
    status = serializers.ChoiceField(choices=TranslationStatus.choices)


@extend_schema_field(Translation)
class TranslationField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, article):
        [other] = [code for code in LANGUAGES if code != article.original_language] or [None]
        return {"language": other, "by_archive": True, "status": article.translation_status}


class ArticleSerializer(ArticleRef):
    pages = PageUrlsField()
    title_supplied = serializers.BooleanField(help_text=_("The document has no headline: the archive wrote the title."))
    translation = TranslationField()
    dateline = serializers.CharField(help_text=_("Verbatim."))
    section = serializers.CharField(help_text=_("As printed."))


class Original(serializers.Serializer):
    """The report as published, verbatim (page furniture removed, nothing else)."""

    language = serializers.ChoiceField(choices=Language.choices, source="original_language")
    title = serializers.CharField(source="original_title")
    text = serializers.CharField(source="original_text")
    source_filename = serializers.CharField()
    source_sha256 = serializers.CharField()


class CitationSerializer(serializers.Serializer):
    """One link of the chain of sources the article cites."""

    position = serializers.IntegerField()
    relation = serializers.CharField()
    description = BilingualField()
    organization = OrganizationRef(allow_null=True)
    passage = serializers.CharField()


class MentionSerializer(serializers.Serializer):
    """A passage that dates the text against the occasion."""

    occasion = OccasionRef()
    kind = serializers.CharField()
    number = serializers.IntegerField()
    passage = serializers.CharField()


class ReportedEventSerializer(serializers.Serializer):
    event = EventRef()
    passage = serializers.CharField()
    stated_anniversary = serializers.IntegerField(allow_null=True)


class ArticleDetailSerializer(ArticleSerializer):
    lead = BilingualField()
    body = BilingualField()
    original = Original(source="*")
    outlet_note = BilingualField()
    citations = CitationSerializer(many=True)
    anniversary_mentions = MentionSerializer(many=True)
    events = ReportedEventSerializer(many=True, source="public_event_reports")
    figures_api_url = ListingLinkField("figure_list", "article")


# --- figures -----------------------------------------------------------------------------------------------------


class FigureKindSerializer(FigureKindRef):
    pages = PageUrlsField()
    description = BilingualField()
    reports = serializers.IntegerField(source="report_count", help_text=_("How many published reports give one."))
    figures_api_url = ListingLinkField("figure_list", "kind")


class FigureSerializer(serializers.Serializer):
    """One number exactly as one article reports it; never merged with another report's."""

    kind = FigureKindRef()
    value = serializers.IntegerField()
    approximate = serializers.BooleanField(help_text=_('The text hedges ("some", "about").'))
    passage = serializers.CharField(help_text=_("Verbatim, quoted from the article."))
    note = BilingualField()
    as_of = serializers.DateField(allow_null=True)
    stated_by = PersonRef(allow_null=True)
    event = EventRef(allow_null=True, help_text=_("The published event it was stated at, if any."))
    article = ArticleRef()
    position = serializers.IntegerField(help_text=_("Its place among the article's figures."))
    sources = CitationSerializer(many=True, source="article.citations.all", help_text=_("The article's sources."))
