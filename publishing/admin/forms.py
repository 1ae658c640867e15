"""The forms of the workflow admin: the change form that enforces read-only fields, and a workflow step's form."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import workflow
from ..models import Status


class WorkflowForm(forms.ModelForm):
    """A change form that refuses any attempt to change a read-only field (and, as every admin form, a stale save)."""

    # Set per request by WorkflowAdmin.get_form: the fields this user sees but may not change.
    readonly_names = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Which languages are required depends on the item (its original language, its status): see clean().
        for name in workflow.required_translated_fields(self._meta.model):
            for code in workflow.LANGUAGE_CODES:
                if f"{name}_{code}" in self.fields:
                    self.fields[f"{name}_{code}"].required = False

    def clean(self):
        cleaned = super().clean()
        self._refuse_readonly_changes()
        self._require_languages()
        return cleaned

    def _refuse_readonly_changes(self):
        for name in self.readonly_names:
            if name not in self.data:
                continue
            field = self.instance._meta.get_field(name)
            formfield = field.formfield()
            if formfield is not None and formfield.has_changed(field.value_from_object(self.instance), self.data[name]):
                raise forms.ValidationError(
                    _("You may not change “%(field)s” here; nothing was saved.") % {"field": field.verbose_name},
                    code="readonly",
                )

    def _require_languages(self):
        """The source language always; every language while the item is published."""
        source = self.cleaned_data.get("original_language") or workflow.source_language(self.instance)
        published = self.instance.pk and self.instance.status == Status.PUBLISHED
        for name in workflow.required_translated_fields(self._meta.model):
            for code in workflow.LANGUAGE_CODES:
                field_name = f"{name}_{code}"
                if field_name not in self.fields or (self.cleaned_data.get(field_name) or "").strip():
                    continue
                if code == source:
                    self.add_error(field_name, _("Required in the original language."))
                elif published:
                    self.add_error(field_name, _("Required in every language while the item is published."))


class TransitionForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    public_from = forms.DateTimeField(
        label=gettext_lazy("Public from"),
        required=False,
        help_text=gettext_lazy("Leave empty to publish at once; a future time (UTC) schedules publication."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action != "publish":
            del self.fields["public_from"]
        if action == "request_changes":
            self.fields["comment"].required = True
            self.fields["comment"].help_text = _("Say what needs to change; the author sees it on the item's page.")
