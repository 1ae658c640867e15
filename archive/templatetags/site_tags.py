"""Template helpers of the public site: translated text with a visible fallback, honest dates, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import ordinal
from django.utils.html import _json_script_escapes, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from archive.dates import DateBasis, DatePrecision, format_partial_date

register = template.Library()


def _other_languages(current):
    return [code for code, _name in settings.LANGUAGES if code != current]


@register.simple_tag
def tr(obj, field, paragraphs=False, plain=False):
    """A translated field in the active language; else the other language's text, marked as untranslated.

    `paragraphs=True` renders blank-line separated paragraphs (as the `linebreaks` filter does);
    `plain=True` gives text without markup, for <title> and <meta> content.
    """
    current = get_language()
    text = getattr(obj, f"{field}_{current}", None)
    if text:
        return mark_safe(linebreaks(text, autoescape=True)) if paragraphs else text
    for code in _other_languages(current):
        text = getattr(obj, f"{field}_{code}", None)
        if text and plain:
            return f"{text} {gettext('(not yet translated)')}"
        if text:
            mark = format_html('<span class="untranslated">{}</span>', gettext("(not yet translated)"))
            if paragraphs:
                return format_html(
                    '<div lang="{}">{}</div><p>{}</p>', code, mark_safe(linebreaks(text, autoescape=True)), mark
                )
            return format_html('<span lang="{}">{}</span> {}', code, text, mark)
    return ""


def _date_quality(precision, basis):
    """The short, honest qualifier shown after a date: "(year only, inferred)"; empty for a stated day."""
    if precision == DatePrecision.DAY and basis == DateBasis.STATED:
        return ""
    precision_text = {
        DatePrecision.DAY: gettext("exact day"),
        DatePrecision.MONTH: gettext("month only"),
        DatePrecision.YEAR: gettext("year only"),
    }[precision]
    basis_text = gettext("inferred") if basis == DateBasis.INFERRED else gettext("stated")
    return gettext("(%(precision)s, %(basis)s)") % {"precision": precision_text, "basis": basis_text}


def iso_partial_date(value, precision):
    """ISO 8601 no more precise than the date is known: 2025, 2025-02 or 2025-02-26."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


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


@register.filter
def anniversary(number):
    """ "33rd anniversary" / "33-я годовщина"."""
    if number is None:
        return ""
    text = f"{number}-я" if get_language() == "ru" else ordinal(number)
    return gettext("%(ordinal)s anniversary") % {"ordinal": text}


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
