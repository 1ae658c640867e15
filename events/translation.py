"""Fields of events, people, venues and organizations that exist in English and Russian."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, Mention, Occasion, Organization, Participation, Person, ProgrammeItem, Venue


@register(Occasion)
class OccasionTranslation(TranslationOptions):
    fields = ("name", "description", "place")


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "city", "region", "country", "description", "location_note")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "audience", "held_on_note")


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("description",)


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Mention)
class MentionTranslation(TranslationOptions):
    fields = ("title",)
