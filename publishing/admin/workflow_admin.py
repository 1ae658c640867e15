"""The admin of content that goes through the workflow: change form panel, workflow steps, bulk actions, preview.

The rules themselves (who may edit, which step is allowed, what blocks publishing) live in
publishing/workflow/; the classes here only ask it, on every request, and show the answers.
"""

import re

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models.sql.where import WhereNode
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from .. import workflow
from ..models import Status
from .forms import TransitionForm, WorkflowForm
from .guard import PublishedContentGuard, translation_only_readonly
from .history import HistoryViews
from .lost_updates import EditTokenAdmin


class WorkflowAdmin(HistoryViews, PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    """Change forms, buttons, bulk actions, history and preview for content that goes through the workflow."""

    form = WorkflowForm
    change_form_template = "admin/workflow/change_form.html"
    # Fields that only the first entry sets (the verbatim original); shown read-only afterwards for everyone.
    original_fields = ()
    always_readonly = ("status",)
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]

    class Media:
        # The panel's, the completeness column's and the comparison's styles; a file, as the site's CSP requires.
        css = {"all": ["admin/workflow.css"]}

    # --- permissions, asked on every request (the rest is PublishedContentGuard's) ------------------------

    def has_submit_permission(self, request):
        return request.user.has_perm(workflow.permission(self.model, "change"))

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *self.always_readonly]
        if obj is not None:
            readonly += [name for name in self.original_fields if name not in readonly]
        if not workflow.can_publish(request.user, self.model):
            readonly.append("public_from")
        if obj is not None and workflow.editing_rights(request.user, obj) == workflow.TRANSLATION:
            readonly = translation_only_readonly(self.model, obj, readonly)
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        return super().get_prepopulated_fields(request, obj) if obj is None else {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        readonly = [name for name in self.get_readonly_fields(request, obj) if name not in form.base_fields]
        return type(form.__name__, (form,), {"readonly_names": readonly})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "public_from" in form.changed_data and obj.status == Status.PUBLISHED:
            workflow.log_rescheduling(obj, request.user, form.initial.get("public_from"))

    # --- history: every save through the admin is a revision (PublishedContentGuard opens it) ------------

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        reversion.set_comment(entry.get_change_message() or _("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        reversion.set_comment(entry.get_change_message() or _("Saved without changes."))
        return entry

    # --- change list -------------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("EN / RU"))
    def completeness(self, obj):
        missing = workflow.missing_translations(obj)
        parts = []
        for code in workflow.LANGUAGE_CODES:
            if code in missing:
                parts.append(
                    format_html(
                        '<span class="wf-missing" title="{}">{} ✗</span>',
                        _("Missing: %s") % ", ".join(missing[code]),
                        code.upper(),
                    )
                )
            else:
                parts.append(format_html('<span class="wf-complete">{} ✓</span>', code.upper()))
        return format_html_join(" ", "{}", ((p,) for p in parts))

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_status(self, obj):
        if obj.is_scheduled:
            return _("Scheduled for %s") % date_format(timezone.localtime(obj.public_from), "SHORT_DATETIME_FORMAT")
        return obj.get_status_display()

    # --- bulk actions: the same per-item rules, and a report of what happened ----------------------------

    def _bulk_transition(self, request, queryset, action):
        done, refused = [], []
        for obj in queryset:
            try:
                workflow.apply_transition(obj, action, request.user)
                done.append(str(obj))
            except workflow.TransitionRefused as refusal:
                refused.append(str(refusal))
        label = workflow.TRANSITIONS[action].done_message
        if done:
            self.message_user(
                request,
                _("%(done)s (%(count)d): %(items)s.")
                % {"count": len(done), "done": capfirst(label), "items": ", ".join(done)},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)
        if not done and not refused:
            self.message_user(request, _("Nothing was selected."), messages.WARNING)

    @admin.action(description=gettext_lazy("Submit selected items for review"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "submit")

    @admin.action(description=gettext_lazy("Publish selected items"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Withdraw selected items"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "withdraw")

    # --- extra pages --------------------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name=self._url_name("transition", namespaced=False),
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                wrap(self.preview_view),
                name=self._url_name("preview", namespaced=False),
            ),
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name=self._url_name("compare", namespaced=False),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                wrap(self.restore_view),
                name=self._url_name("restore", namespaced=False),
            ),
            *super().get_urls(),
        ]

    def _url_name(self, suffix, namespaced=True):
        name = f"{self.opts.app_label}_{self.opts.model_name}_{suffix}"
        return f"admin:{name}" if namespaced else name

    def _viewable_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("There is no such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _change_url(self, obj):
        return reverse(self._url_name("change"), args=[obj.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow": {
                    "status": obj.get_status_display(),
                    "scheduled": obj.is_scheduled,
                    "is_public": obj.is_public,
                    "public_from": obj.public_from,
                    "translation_language": workflow.language_name(workflow.translation_language(obj)),
                    "rights": workflow.editing_rights(request.user, obj),
                    "problems": workflow.publication_problems(obj) if obj.status != Status.WITHDRAWN else [],
                    "transitions": [
                        (t, reverse(self._url_name("transition"), args=[obj.pk, t.action]))
                        for t in workflow.available_transitions(request.user, obj)
                    ],
                    "log": workflow.log_entries(obj),
                    "previews": [
                        (code, workflow.language_name(code), reverse(self._url_name("preview"), args=[obj.pk, code]))
                        for code in workflow.LANGUAGE_CODES
                    ],
                },
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request, object_id, action):
        obj = self._viewable_object(request, object_id)
        if action not in workflow.TRANSITIONS:
            raise Http404(_("There is no such workflow step."))
        transition = workflow.TRANSITIONS[action]
        refusal = workflow.transition_refusal(request.user, obj, action)
        if refusal and not workflow.may_attempt(request.user, self.model, transition):
            raise PermissionDenied(refusal)
        form = TransitionForm(request.POST or None, action=action, initial={"public_from": obj.public_from})
        if request.method == "POST" and form.is_valid():
            try:
                with reversion.create_revision():
                    entry = workflow.apply_transition(
                        obj,
                        action,
                        request.user,
                        comment=form.cleaned_data["comment"],
                        public_from=form.cleaned_data.get("public_from"),
                    )
            except workflow.TransitionRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("“%(item)s” %(done)s.") % {"item": obj, "done": workflow.describe_entry(entry)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(obj))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": transition.label,
            "transition": transition,
            "form": form,
            "refusal": refusal,
            "problems": workflow.publication_problems(obj) if action == "publish" else [],
            "change_url": self._change_url(obj),
        }
        return TemplateResponse(request, "admin/workflow/transition.html", context)

    def view_on_site(self, obj):
        """Where the change form's "View on site" leads: the public page once visitors can open it.

        Until then (a draft, an item in review, one scheduled for later or withdrawn) a visitor gets a 404
        there, so the link opens the staff preview in the admin's language instead.
        """
        if not hasattr(obj, "get_absolute_url"):
            return None
        if obj.is_public:
            return obj.get_absolute_url()
        language = translation.get_language()
        language = language if language in workflow.LANGUAGE_CODES else workflow.LANGUAGE_CODES[0]
        return reverse(self._url_name("preview"), args=[obj.pk, language])

    def preview_view(self, request, object_id, language):
        """The public page of the item, published or not, in one language; for staff who may see the item.

        The page is the one the item's `get_absolute_url()` resolves to in that language, served by its own
        view class with the visibility filter taken out of the view's queryset.
        """
        obj = self._viewable_object(request, object_id)
        if language not in workflow.LANGUAGE_CODES or not hasattr(obj, "get_absolute_url"):
            raise Http404(_("There is no preview in that language."))
        with translation.override(language):
            # The page sees the URL it has in public, so language links and the like work as they will there.
            match = resolve(obj.get_absolute_url())
        public_view_class = getattr(match.func, "view_class", None)
        if public_view_class is None:
            raise Http404(_("There is no preview in that language."))

        class Preview(public_view_class):
            def get_queryset(self):
                # The public view's own queryset (joins, prefetches) without its visibility filter.
                queryset = super().get_queryset()._chain()
                queryset.query.where = WhereNode()
                return queryset

        with translation.override(language):
            request.LANGUAGE_CODE = language
            request.resolver_match = match
            response = Preview.as_view()(request, *match.args, **match.kwargs)
            response.render()
            banner = render_to_string(
                "admin/workflow/preview_banner.html",
                {"object": obj, "is_public": obj.is_public, "change_url": self._change_url(obj)},
            )
        response.content = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + banner.encode(), response.content, count=1)
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response
