"""A translated field as visitors see it: the active language, or the other one marked as not yet translated.

Never a silent fallback: the other language's text always carries the visible mark.
"""

from django.conf import settings
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext


def _other_languages(current):
    return [code for code, _name in settings.LANGUAGES if code != current]


def translated(obj, field, paragraphs=False, plain=False):
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
