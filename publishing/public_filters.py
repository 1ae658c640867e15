"""Filters of public lists whose choices come from public records only, computed once per content generation.

Values are language-independent (slugs, ISO codes, numbers), so a filtered address works in both languages;
labels are names in the active language or, marked, the other one.
"""

import functools

import django_filters
from django import forms
from django.conf import settings
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .generations import remember_per_generation
from .translated_text import translated

# A select offers at most this many records; any other public one is still accepted by slug (people's,
# venues' and organizations' pages link to their filtered list), and the chosen one is always shown.
CHOICE_LIMIT = 200


class PlainSelect(forms.Select):
    """A <select> written out directly, with the same markup as Django's.

    Django renders every option through a template of its own, about 40 microseconds each; the event
    list offers some three hundred options, which made its form the larger half of the page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, mark_safe(" selected") if str(choice) in chosen else "", label)
                for choice, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


def _name_label(obj):
    """The record's name in the active language or, marked as not yet translated, the other one."""
    return translated(obj, "name", plain=True)


def first_choices(queryset):
    """(slug, label) of the first CHOICE_LIMIT records."""
    return [(obj.slug, _name_label(obj)) for obj in queryset[:CHOICE_LIMIT]]


class _FirstChoicesIterator(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        shown = self.field.shown if self.field.shown is not None else first_choices(self.queryset)
        selected = self.field.selected
        if selected and all(slug != selected for slug, _label in shown):
            shown = shown + first_choices(self.queryset.filter(slug=selected))
        yield from shown

    def __len__(self):
        return sum(1 for _ in self)


class _NamedChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _FirstChoicesIterator

    def __init__(self, *args, selected=None, shown=None, **kwargs):
        self.selected = selected
        self.shown = shown
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return _name_label(obj)


class NamedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of records by slug, labelled with the name in the active language or, marked, the other one."""

    field_class = _NamedChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("empty_label", _("Any"))
        super().__init__(*args, **kwargs)


class SelectedChoicesMixin:
    """Offer each filter's choices from the content-generation cache, and show the selected record even past the limit.

    Choices derive from all public content (which years, countries and venues have published events),
    which at archive size costs tens of milliseconds of SQL per list; they change only when content does,
    so `remember_per_generation` works them out once per change, and every request reads them back at once.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        computations, named = {}, {}
        for name, filter_ in self.filters.items():
            if isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
                filter_.extra.setdefault("widget", PlainSelect)
            if isinstance(filter_, NamedModelChoiceFilter):
                filter_.extra["selected"] = (data or {}).get(name)
                compute = functools.partial(_first_public_choices, filter_, self.request)
            elif isinstance(filter_, django_filters.ChoiceFilter) and callable(filter_.extra.get("choices")):
                compute = filter_.extra["choices"]
            else:
                continue
            key = f"filter-choices:{type(self).__name__}:{name}"
            computations[key], named[key] = compute, filter_
        for key, value in remember_per_generation(computations, settings.DERIVED_CACHE_SECONDS).items():
            filter_ = named[key]
            filter_.extra["shown" if isinstance(filter_, NamedModelChoiceFilter) else "choices"] = value


def _first_public_choices(filter_, request):
    return first_choices(filter_.get_queryset(request))
