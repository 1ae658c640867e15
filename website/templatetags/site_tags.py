"""Template helpers of the public site: translated text with a visible fallback, honest dates, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from archive.dates import (
    DateBasis,
    DatePrecision,
    PublicationDateBasis,
    anniversary_label,
    format_partial_date,
    iso_partial_date,
)
from publishing.translated_text import translated

register = template.Library()


@register.simple_tag
def tr(obj, field, paragraphs=False, plain=False):
    """The field in the active language, or the other language's text marked as not yet translated."""
    return translated(obj, field, paragraphs=paragraphs, plain=plain)


@register.filter
def anniversary(number):
    """The anniversary's name: "33rd anniversary" / "33-я годовщина"."""
    return anniversary_label(number)


def _date_quality(precision, basis):
    """The short, honest qualifier shown after a date: "(year only, inferred)"; empty for a stated day."""
    if precision == DatePrecision.DAY and basis == DateBasis.STATED:
        return ""
    precision_text = {
        DatePrecision.DAY: gettext("exact day"),
        DatePrecision.MONTH: gettext("month only"),
        DatePrecision.YEAR: gettext("year only"),
    }[precision]
    basis_text = {
        DateBasis.INFERRED: gettext("inferred"),
        PublicationDateBasis.EVENT_IN_TEXT: gettext("the event's date, from the text"),
    }.get(basis, gettext("stated"))
    return gettext("(%(precision)s, %(basis)s)") % {"precision": precision_text, "basis": basis_text}


@register.simple_tag
def partial_date(obj, field, note=False):
    """`<time>` for a possibly partial date, its precision and basis, and (with note=True) how it was obtained."""
    value = getattr(obj, field)
    if value is None:
        return gettext("date unknown")
    precision = getattr(obj, f"{field}_precision")
    basis = getattr(obj, f"{field}_basis")
    html = format_html(
        '<time datetime="{}">{}</time>', iso_partial_date(value, precision), format_partial_date(value, precision)
    )
    quality = _date_quality(precision, basis)
    if quality:
        html = format_html('{} <span class="date-quality">{}</span>', html, quality)
    if note:
        note_html = tr(obj, f"{field}_note")
        if note_html:
            html = format_html(
                '{}<details class="date-note"><summary>{}</summary><p>{}</p></details>',
                html,
                gettext("How this date was obtained"),
                note_html,
            )
    return html


@register.simple_tag
def json_ld(data):
    """A JSON-LD block, escaped so the data cannot close the script element."""
    payload = json.dumps(data, ensure_ascii=False, cls=_LazyEncoder).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


class _LazyEncoder(json.JSONEncoder):
    def default(self, o):
        return str(o)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination that keeps the filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.filter
def language_name(code):
    """The name of a language in the active language ("Russian" / "русский")."""
    return dict(settings.LANGUAGES).get(code, code)
