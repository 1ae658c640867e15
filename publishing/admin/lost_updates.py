"""Every admin change form, and every row of its inlines, refuses a save made on an outdated copy.

A form carries the `updated_at` of the row it was opened on (publishing/lost_updates.py). When the row was
saved since, the save is refused before anything is written: the admin validates the whole page (the form
and all inline rows) inside one transaction and saves only when all of it is valid, so one outdated row
refuses the page. The refused text stays in the form, with a message naming who saved what and what to do.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import lost_updates

TOKEN = "edit_token"


class EditTokenField(forms.CharField):
    """The version a form was opened on: hidden, and never itself a change to the row."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, label=gettext_lazy("version opened"), **kwargs)

    def has_changed(self, initial, data):
        return False


class EditTokenForm(forms.ModelForm):
    """A model form that refuses a save based on an outdated copy of its row (mixed into the admin's own form)."""

    edit_token = EditTokenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[TOKEN].initial = lost_updates.edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._refuse_stale_save()
        return cleaned

    def _refuse_stale_save(self):
        saved = lost_updates.current_edit_token(type(self.instance), self.instance.pk)
        key = self.add_prefix(TOKEN)
        if not saved or self.data.get(key) == saved:
            return  # a row deleted meanwhile is reported by the formset itself
        user = lost_updates.last_saved_by(self.instance)
        who = (user.get_full_name() or user.get_username()) if user else _("someone")
        # Saving the form again is then deliberate: it is based on what is saved now, and the message says so.
        self.data = self.data.copy()
        self.data[key] = saved
        item = self.instance._meta.verbose_name
        if self.prefix is None:
            what = _("Not saved: %(who)s saved this %(item)s after you opened it.") % {"who": who, "item": item}
        else:
            what = _("Not saved: %(who)s saved the %(item)s “%(name)s” after you opened this form.") % {
                "who": who,
                "item": item,
                "name": self.instance,
            }
        raise forms.ValidationError(f"{what} {stale_save_advice()}", code="stale")


def stale_save_advice():
    return _(
        "Your text is kept in this form. Copy your changes, reload the page to see the saved version, "
        "apply your changes to it and save. Saving this form as it is would replace their changes with yours."
    )


class EditTokenFormSet:
    """Inline rows: a row deleted in this form that someone changed meanwhile also refuses the save.

    (The formset ignores the errors of rows marked for deletion, so the row's own refusal is repeated here.)
    """

    def clean(self):
        super().clean()
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form) and form.has_error(NON_FIELD_ERRORS, "stale"):
                raise forms.ValidationError(form.errors[NON_FIELD_ERRORS], code="stale")


def with_edit_token(form_class, model):
    """`form_class` made to carry and check its row's version (unchanged for a model that keeps none)."""
    if not lost_updates.is_tracked(model) or issubclass(form_class, EditTokenForm):
        return form_class
    return type(form_class.__name__, (EditTokenForm, form_class), {"__module__": form_class.__module__})


def with_stale_row_check(formset_class):
    if issubclass(formset_class, EditTokenFormSet):
        return formset_class
    return type(formset_class.__name__, (EditTokenFormSet, formset_class), {"__module__": formset_class.__module__})


def _with_token_field(fieldsets):
    """The fieldsets with the hidden token in the first one, so the page renders it (once)."""
    if TOKEN in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], TOKEN]}), *rest]


class EditTokenAdmin:
    """For every ModelAdmin: its change form carries and checks the version of the row it edits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = with_edit_token(self.form, self.model)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not lost_updates.is_tracked(self.model) or not self.has_change_permission(request, obj):
            return fieldsets
        return _with_token_field(fieldsets)


class EditTokenInline:
    """For every inline: each row carries and checks its own version, so a row changed elsewhere is not put back."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form = with_edit_token(self.form, self.model)
        self.formset = with_stale_row_check(self.formset)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not lost_updates.is_tracked(self.model) or not self.has_change_permission(request, obj):
            return fieldsets
        return _with_token_field(fieldsets)
