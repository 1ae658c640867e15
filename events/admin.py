"""Admin for events, venues, people, organizations and the occasions they commemorate."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from gallery.admin import EVENT_INLINES, PERSON_INLINES

from .models import (
    Event,
    EventOrganizer,
    EventReport,
    Occasion,
    Organization,
    Participation,
    Person,
    ProgrammeItem,
    Venue,
)


class EventReportInline(admin.TabularInline):
    model = EventReport
    extra = 0
    autocomplete_fields = ["article"]


class EventOrganizerInline(admin.TabularInline):
    model = EventOrganizer
    extra = 0
    autocomplete_fields = ["organization", "article"]


class ProgrammeItemInline(TranslationStackedInline):
    model = ProgrammeItem
    extra = 0
    autocomplete_fields = ["article"]


class ParticipationInline(TranslationStackedInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization", "article"]


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin):
    list_display = ["title", "held_on", "held_on_precision", "venue", "status"]
    list_filter = ["status", "occasion", "held_on_precision", "venue__country_code"]
    list_select_related = ["venue", "occasion"]
    search_fields = ["title_en", "title_ru", "slug"]
    date_hierarchy = "held_on"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["venue", "occasion"]
    inlines = [EventReportInline, EventOrganizerInline, ProgrammeItemInline, ParticipationInline, *EVENT_INLINES]


@admin.register(Occasion)
class OccasionAdmin(TabbedTranslationAdmin):
    list_display = ["name", "began_on", "ended_on"]
    search_fields = ["name_en", "name_ru"]


@admin.register(Organization)
class OrganizationAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "country_code"]
    list_filter = ["kind", "country_code"]
    search_fields = ["name_en", "name_ru", "name_variants", "slug"]


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ru", "name_variants", "slug"]
    inlines = PERSON_INLINES


@admin.register(Venue)
class VenueAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "city", "country"]
    list_filter = ["kind", "country_code"]
    list_select_related = ["organization"]
    search_fields = ["name_en", "name_ru", "city_en", "city_ru", "slug"]
    autocomplete_fields = ["organization"]


@admin.register(Participation)
class ParticipationAdmin(TabbedTranslationAdmin):
    list_display = ["person", "role", "event", "article"]
    list_filter = ["role"]
    list_select_related = ["person", "event", "article"]
    search_fields = ["person__name_en", "person__name_ru", "event__title_en"]
    autocomplete_fields = ["person", "event", "organization", "article"]
