"""History in the admin: every saved version of an item, two of them compared word by word, and restoring one."""

import difflib
import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

from .. import workflow


def word_diff(old, new):
    """Old and new text with removed words in <del> and added words in <ins>, escaped."""
    a, b = re.findall(r"\s+|\S+\s*", old), re.findall(r"\s+|\S+\s*", new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(conditional_escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
    return mark_safe("".join(str(p) for p in parts))  # every part is escaped above


def version_differences(model, old, new):
    """[(field label, old value, new value, diff html)] for the fields that differ between two field dicts."""
    rows = []
    for field in model._meta.fields:
        if field.primary_key or not field.editable or (field.attname not in old and field.attname not in new):
            continue
        if field.name in workflow.translated_fields(model):
            continue
        a, b = old.get(field.attname), new.get(field.attname)
        if a == b:
            continue
        a_text, b_text = ("" if a is None else str(a)), ("" if b is None else str(b))
        label = str(field.verbose_name)
        rows.append((label[:1].upper() + label[1:], a_text, b_text, word_diff(a_text, b_text)))
    return rows


class HistoryViews:
    """The history, comparison and restore pages of a WorkflowAdmin (which routes them: see its get_urls)."""

    def history_view(self, request, object_id, extra_context=None):
        obj = self._viewable_object(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("History: %s") % obj,
            "versions": versions,
            "can_restore": workflow.can_publish(request.user, self.model),
            "compare_url": reverse(self._url_name("compare"), args=[obj.pk]),
            "restore_url_name": self._url_name("restore"),
            "change_url": self._change_url(obj),
            "log": workflow.log_entries(obj),
        }
        return TemplateResponse(request, "admin/workflow/history.html", context)

    def compare_view(self, request, object_id):
        obj = self._viewable_object(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            ids = sorted(int(request.GET[key]) for key in ("a", "b"))
        except (KeyError, ValueError):
            self.message_user(request, _("Choose two versions to compare."), messages.WARNING)
            return HttpResponseRedirect(reverse(self._url_name("history"), args=[obj.pk]))
        old, new = get_object_or_404(versions, pk=ids[0]), get_object_or_404(versions, pk=ids[1])
        rows = version_differences(self.model, old.field_dict, new.field_dict)
        old_rows = {(v.content_type_id, v.object_id): v for v in old.revision.version_set.exclude(pk=old.pk)}
        new_rows = {(v.content_type_id, v.object_id): v for v in new.revision.version_set.exclude(pk=new.pk)}
        row_changes = []
        for key in sorted(old_rows.keys() | new_rows.keys(), key=lambda k: (k[0], str(k[1]))):
            a, b = old_rows.get(key), new_rows.get(key)
            if a is None or b is None:
                kept = a or b
                state = _("removed") if b is None else _("added")
                row_changes.append((str(kept), state, []))
                continue
            differences = version_differences(b._model, a.field_dict, b.field_dict)
            if differences:
                row_changes.append((str(b), _("changed"), differences))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Compare versions of %s") % obj,
            "old": old,
            "new": new,
            "rows": rows,
            "row_changes": row_changes,
            "history_url": reverse(self._url_name("history"), args=[obj.pk]),
        }
        return TemplateResponse(request, "admin/workflow/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        obj = self._viewable_object(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(reverse(self._url_name("history"), args=[obj.pk]))
        if not workflow.can_publish(request.user, self.model):
            raise PermissionDenied(_("Only editors may restore an old version."))
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        try:
            workflow.restore_version(obj, version, request.user)
        except workflow.TransitionRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
        except Exception as error:  # reversion reports a broken old version in many ways
            self.message_user(
                request,
                _("This version cannot be restored (%(error)s); nothing changed.") % {"error": error},
                messages.ERROR,
            )
        else:
            self.message_user(request, _("The old version is restored; the replaced text stays in History."))
        return HttpResponseRedirect(self._change_url(obj))
