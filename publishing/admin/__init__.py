"""The workflow's admin, which every content app builds on: its bases, the history pages and the workflow log.

`extend_admin` is how a higher layer adds to a lower one's admin (the gallery adds image inlines to articles and
events, importing adds the upload page to articles) without the lower app importing it.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from ..models import WorkflowLogEntry
from .bases import PartOfItemAdmin, PublicationFilter, PublicThroughContentAdmin, WorkflowInlineMixin
from .guard import PublishedContentGuard
from .lost_updates import EditTokenAdmin
from .workflow_admin import WorkflowAdmin

__all__ = [
    "EditTokenAdmin",
    "PartOfItemAdmin",
    "PublicThroughContentAdmin",
    "PublicationFilter",
    "PublishedContentGuard",
    "WorkflowAdmin",
    "WorkflowInlineMixin",
    "extend_admin",
]


def extend_admin(model, *mixins, add_inlines=(), site=admin.site, **attributes):
    """Register `model` again with a subclass of its current ModelAdmin: `mixins` first, `add_inlines` appended.

    Django's own way of extending another app's admin (unregister, subclass, register), as for UserAdmin.
    Call it from the extending app's admin.py: apps are autodiscovered in INSTALLED_APPS order, lowest layer first.
    """
    base = type(site.get_model_admin(model))
    if add_inlines:
        attributes["inlines"] = [*base.inlines, *add_inlines]
    extended = type(base.__name__, (*mixins, base), {"__module__": base.__module__, **attributes})
    site.unregister(model)
    site.register(model, extended)
    return extended


@admin.register(WorkflowLogEntry)
class WorkflowLogEntryAdmin(PublishedContentGuard, admin.ModelAdmin):
    """The newsroom's log of every workflow step, read-only: entries are written only by the workflow."""

    list_display = ["at", "item_link", "action", "from_status", "to_status", "user", "comment"]
    list_filter = ["action", "to_status"]
    list_select_related = ["user", "article", "event"]
    search_fields = ["comment", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("item"))
    def item_link(self, obj):
        item = obj.item
        url = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
        return format_html('<a href="{}">{}: {}</a>', url, item._meta.verbose_name, item)
