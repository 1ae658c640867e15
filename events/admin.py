"""Admin for events, venues, people, organizations and the occasions they commemorate.

Events go through the same editorial workflow as articles (publishing/workflow/); people, venues and
organizations may be changed by authors only until published content shows them. Who a report names (mentions)
is edited from the article, the person or the organization, always with the article's rights.
"""

import reversion
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from archive.models import Article
from publishing.admin import (
    EditTokenAdmin,
    PartOfItemAdmin,
    PublicationFilter,
    PublicThroughContentAdmin,
    PublishedContentGuard,
    WorkflowAdmin,
    WorkflowInlineMixin,
    extend_admin,
)

from .models import (
    Event,
    EventOrganizer,
    EventReport,
    Mention,
    Occasion,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)


class EventReportInline(WorkflowInlineMixin, admin.TabularInline):
    model = EventReport
    extra = 0
    autocomplete_fields = ["article"]


class EventOrganizerInline(WorkflowInlineMixin, admin.TabularInline):
    model = EventOrganizer
    extra = 0
    autocomplete_fields = ["organization", "article"]


class ProgrammeItemInline(WorkflowInlineMixin, TranslationStackedInline):
    model = ProgrammeItem
    extra = 0
    autocomplete_fields = ["provided_by", "article"]


class ParticipationInline(WorkflowInlineMixin, TranslationStackedInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization", "article"]


class _MentionInline(WorkflowInlineMixin, TranslationTabularInline):
    """Where a report names a person or an organization: the passage, and the title it gives them then."""

    model = Mention
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "person", "organization")


class ArticleMentionInline(_MentionInline):
    fk_name = "article"
    fields = ["position", "person", "organization", "title", "passage"]
    autocomplete_fields = ["person", "organization"]


class PersonMentionInline(_MentionInline):
    fk_name = "person"
    fields = ["article", "position", "title", "passage"]
    autocomplete_fields = ["article"]


class OrganizationMentionInline(_MentionInline):
    fk_name = "organization"
    fields = ["article", "position", "title", "passage"]
    autocomplete_fields = ["article"]


@admin.register(Event)
class EventAdmin(WorkflowAdmin):
    list_display = ["title", "workflow_status", "completeness", "translation_status", "held_on", "venue"]
    list_filter = [
        "status",
        PublicationFilter,
        "translation_status",
        "occasion",
        "held_on_precision",
        "venue__country_code",
    ]
    list_select_related = ["venue", "occasion"]
    search_fields = ["title_en", "title_ru", "slug", "venue__name_en", "venue__name_ru"]
    date_hierarchy = "held_on"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["venue", "occasion"]
    inlines = [EventReportInline, EventOrganizerInline, ProgrammeItemInline, ParticipationInline]


class PublicFilter(admin.SimpleListFilter):
    """Whether published content shows the record to visitors."""

    title = gettext_lazy("shown to visitors")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes, through published content")), ("no", _("No"))]

    def queryset(self, request, queryset):
        public = queryset.model._default_manager.public().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=public)
        if self.value() == "no":
            return queryset.exclude(pk__in=public)
        return queryset


@admin.register(Occasion)
class OccasionAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    list_display = ["name", "began_on", "ended_on"]
    list_filter = ["began_on"]
    search_fields = ["name_en", "name_ru"]
    date_hierarchy = "began_on"


@admin.register(Organization)
class OrganizationAdmin(PublicThroughContentAdmin):
    list_display = ["name", "kind", "country_code"]
    list_filter = ["kind", PublicFilter, "country_code"]
    search_fields = ["name_en", "name_ru", "name_variants", "other_spellings", "slug"]
    inlines = [OrganizationMentionInline]


@admin.register(Person)
class PersonAdmin(PublicThroughContentAdmin):
    list_display = ["name", "slug", "participation_count"]
    list_filter = [PublicFilter]
    search_fields = ["name_en", "name_ru", "name_variants", "other_spellings", "slug"]
    inlines = [PersonMentionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(participation_total=models.Count("participations"))

    @admin.display(description=gettext_lazy("events"), ordering="participation_total")
    def participation_count(self, obj):
        return obj.participation_total


@admin.register(Venue)
class VenueAdmin(PublicThroughContentAdmin):
    list_display = ["name", "kind", "city", "country", "location_precision"]
    list_filter = ["kind", PublicFilter, "country_code", "location_precision", "location_source"]
    list_select_related = ["organization"]
    search_fields = ["name_en", "name_ru", "city_en", "city_ru", "slug"]
    autocomplete_fields = ["organization"]


@admin.register(Participation)
class ParticipationAdmin(PartOfItemAdmin, TabbedTranslationAdmin):
    workflow_parent = "event"
    list_display = ["person", "role", "event", "organization", "article"]
    list_filter = ["role", "event__status"]
    list_select_related = ["person", "event", "organization", "article"]
    search_fields = ["person__name_en", "person__name_ru", "event__title_en", "event__title_ru"]
    date_hierarchy = "event__held_on"
    autocomplete_fields = ["person", "event", "organization", "article"]


@admin.register(Mention)
class MentionAdmin(PartOfItemAdmin, TabbedTranslationAdmin):
    workflow_parent = "article"
    list_display = ["__str__", "title", "article"]
    list_filter = ["article__status", "organization__kind"]
    list_select_related = ["person", "organization", "article"]
    search_fields = ["person__name_en", "person__name_ru", "organization__name_en", "organization__name_ru", "passage"]
    date_hierarchy = "article__published_on"
    autocomplete_fields = ["article", "person", "organization"]


# Who an article names is edited on the article too (events is the layer above archive: extend its admin).
extend_admin(Article, add_inlines=[ArticleMentionInline])


for _model in (EventReport, EventOrganizer, ProgrammeItem, Participation, Mention, Person, Venue, Organization):
    if not reversion.is_registered(_model):
        reversion.register(_model)
if not reversion.is_registered(Event):
    reversion.register(Event, follow=["reports", "organizers", "programme", "participations"])
