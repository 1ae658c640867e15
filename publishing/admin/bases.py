"""Admin bases for everything the workflow governs, besides the workflow items themselves (workflow_admin.py)."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from ..models import published_q, scheduled_q
from .guard import PublishedContentGuard
from .lost_updates import EditTokenAdmin, EditTokenInline


class WorkflowInlineMixin(PublishedContentGuard, EditTokenInline):
    """Rows edited inside an article or event: allowed exactly as far as the parent item may be edited."""


class PartOfItemAdmin(PublishedContentGuard, EditTokenAdmin):
    """A stand-alone admin for rows of an article or event (figures, citations, participations).

    They obey the parent's rules (the app's exposure.py names the parent), so this is no back door around the
    workflow; `workflow_parent` names the field, for the translators' access to the list.
    """


class PublicThroughContentAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    """People, venues and organizations: authors edit them until published content shows them; editors always."""

    def view_on_site(self, obj):
        """The record's public page while published content shows it (its manager's `public()`); no link otherwise.

        A record no published item shows has no page a visitor can open, and none to preview: it is only a name.
        """
        if type(obj)._default_manager.public().filter(pk=obj.pk).exists():
            return obj.get_absolute_url()
        return None


class PublicationFilter(admin.SimpleListFilter):
    """Public now, scheduled for later, or not public: the conditions of `published()` and `scheduled()`."""

    title = gettext_lazy("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("public", _("Public now")), ("scheduled", _("Scheduled")), ("not_public", _("Not public"))]

    def queryset(self, request, queryset):
        if self.value() == "public":
            return queryset.filter(published_q())
        if self.value() == "scheduled":
            return queryset.filter(scheduled_q())
        if self.value() == "not_public":
            return queryset.exclude(published_q())
        return queryset
