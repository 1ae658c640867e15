"""The admin's side of one rule: a change that alters published content goes through the workflow.

Every ModelAdmin and inline of the content apps mixes in `PublishedContentGuard` (publishing/checks.py fails
`manage.py check` when one does not). It asks `workflow.editing_rights` (which asks publishing/exposure.py,
filled by each app's exposure.py, which published items an object's change alters)
on every request: a role that may not change those items gets a read-only form or a 403 and nothing is
written; anyone else's change is recorded as editing the item itself is: a revision (the item with its rows,
or the object's own version) with user and comment, and a workflow-log entry on each published item.
"""

import reversion
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .. import exposure, workflow
from ..models import Publishable, Status


def editable_field_names(model):
    """Concrete field names a form could edit: translated fields by language, never their base name."""
    bases = set(workflow.translated_fields(model))
    return [f.name for f in model._meta.fields if f.editable and not f.primary_key and f.name not in bases]


def translation_only_readonly(model, holder, readonly):
    """Readonly fields for a translator: everything but the translation language's fields."""
    allowed = set(workflow.translation_field_names(holder, model))
    return [*readonly, *(name for name in editable_field_names(model) if name not in allowed and name not in readonly)]


def _stored(obj):
    """The saved copy of `obj` (the form has already changed the one in hand), or None for a new one."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def _shown(obj):
    return exposure.published_items_showing(obj) if obj is not None else []


def may_delete(user, obj):
    """Published articles and events are withdrawn, never deleted; anything published content shows is
    deleted only by someone who may change that content."""
    if isinstance(obj, Publishable) and obj.status == Status.PUBLISHED:
        return False
    return workflow.may_change_published(user, exposure.published_items_showing(obj))


def describe_change(obj, message):
    """ "Image “Flowers at the memorial”: Changed Caption [en]." for the revision and the log."""
    label = str(obj._meta.verbose_name)
    return f"{label[:1].upper()}{label[1:]} “{obj}”: {message}"


class PublishedContentGuard:
    """Permissions, saves, deletes and history for any admin (ModelAdmin or inline) of archive content.

    For a ModelAdmin `obj` is the object itself; for an inline it is the item whose rows the inline edits
    (None while that item is being added), so rows are edited exactly as far as their item may be.
    """

    # Set on a stand-alone admin for the rows of an item: the field naming that item ("article", "event").
    workflow_parent = None

    def _is_inline(self):
        return isinstance(self, InlineModelAdmin)

    def _rights(self, request, obj):
        if obj is None:
            return workflow.FULL if request.user.has_perm(workflow.permission(self.parent_model, "add")) else None
        rights = workflow.editing_rights(request.user, obj)
        if rights == workflow.TRANSLATION and not workflow.translated_fields(self.model):
            return None  # nothing here is in a language, so a translator has nothing to change
        return rights

    def _translatable_models(self):
        models = [self.model]
        if self.workflow_parent:
            models.append(self.model._meta.get_field(self.workflow_parent).related_model)
        return models

    # --- permissions, asked on every request ---------------------------------------------------------------

    def has_view_permission(self, request, obj=None):
        if self._is_inline():
            parent_view = request.user.has_perm(workflow.permission(self.parent_model, "view"))
            return parent_view or self.has_change_permission(request, obj)
        return super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if self._is_inline():
            return self._rights(request, obj) == workflow.FULL
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if self._is_inline():
            return self._rights(request, obj) is not None
        # The role must change this kind of object at all (or translate it), and this one now.
        may_change_model = super().has_change_permission(request) or any(
            request.user.has_perm(workflow.permission(model, "translate")) for model in self._translatable_models()
        )
        return may_change_model and (obj is None or self._rights(request, obj) is not None)

    def has_delete_permission(self, request, obj=None):
        if self._is_inline():
            return self._rights(request, obj) == workflow.FULL
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or may_delete(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and self._rights(request, obj) == workflow.TRANSLATION:
            holder = obj if self._is_inline() else (exposure.parents(obj) or [obj])[0]
            readonly = translation_only_readonly(self.model, holder, readonly)
        return readonly

    def get_formset(self, request, obj=None, **kwargs):
        # Django drops read-only declared fields from a ModelAdmin's form but not from an inline's: a
        # translator's document row would otherwise ask for the file it may not change.
        readonly = self.get_readonly_fields(request, obj)
        declared = [name for name in readonly if name in self.form.declared_fields]
        if declared and "form" not in kwargs:
            kwargs["form"] = type(self.form.__name__, (self.form,), dict.fromkeys(declared))
        return super().get_formset(request, obj, **kwargs)

    # --- saving: refused before anything is written, or recorded like an edit of the item ----------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        before = _shown(_stored(obj)) if change else []
        rights = workflow.editing_rights(request.user, obj)  # as the form left it: a new parent counts
        allowed = rights == workflow.FULL or (change and rights is not None)
        if not allowed or not workflow.may_change_published(request.user, before):
            # The admin's change view runs in a transaction: the 403 leaves the database as it was.
            raise PermissionDenied(_("You may not change %s now: published content shows it.") % obj)
        super().save_model(request, obj, form, change)
        obj._published_shown = [*getattr(obj, "_published_shown", []), *before]

    def save_formset(self, request, form, formset, change):
        touched = [
            f.instance for f in formset.forms if f.instance.pk and (f.has_changed() or f in formset.deleted_forms)
        ]
        before = [item for row in touched for item in _shown(_stored(row))]
        super().save_formset(request, form, formset, change)
        saved = [*formset.new_objects, *(row for row, _fields in formset.changed_objects)]
        after = [item for row in saved for item in _shown(row)]
        if not workflow.may_change_published(request.user, before + after):
            raise PermissionDenied(_("You may not change %s now: published content shows it.") % form.instance)
        form.instance._published_shown = [*getattr(form.instance, "_published_shown", []), *before, *after]

    def _record(self, request, obj, message):
        shown = {
            (item._meta.label_lower, item.pk): item for item in [*getattr(obj, "_published_shown", []), *_shown(obj)]
        }
        # An item's own form is the usual way to edit it: its History holds the version, the log the steps.
        shown.pop((obj._meta.label_lower, obj.pk), None)
        workflow.record_published_change(request.user, obj, list(shown.values()), describe_change(obj, message))

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._record(request, obj, entry.get_change_message() or _("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._record(request, obj, entry.get_change_message() or _("Saved without changes."))
        return entry

    # --- deleting -------------------------------------------------------------------------------------------

    def delete_model(self, request, obj):
        self.delete_queryset(request, type(obj)._default_manager.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        doomed = list(queryset)
        for obj in doomed:
            if not may_delete(request.user, obj):
                raise PermissionDenied(_("You may not delete %s: published content shows it.") % obj)
        shown = {obj.pk: _shown(obj) for obj in doomed}
        with reversion.create_revision():
            reversion.set_user(request.user)
            super().delete_queryset(request, queryset)
            for obj in doomed:
                workflow.record_published_change(request.user, obj, shown[obj.pk], describe_change(obj, _("Deleted.")))
