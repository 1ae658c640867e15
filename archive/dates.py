"""Dates that a document gives only partly: precision, how the date was obtained, and display."""

import functools

from django.contrib.humanize.templatetags.humanize import ordinal
from django.db import models
from django.utils import formats
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


class DateBasis(models.TextChoices):
    STATED = "stated", _("stated in the document")
    INFERRED = "inferred", _("inferred by the archive")


class PublicationDateBasis(models.TextChoices):
    """What an article's publication date rests on: the two bases every date has, and one only a report's date has.

    A page that prints no date of its own may still date the event it reports in its first sentence ("On 26 February
    2025, …"). That is the best date the archive has for the report, but it is the event's day, not necessarily the
    day the page was published, and it is shown as such.
    """

    STATED = DateBasis.STATED.value, DateBasis.STATED.label
    INFERRED = DateBasis.INFERRED.value, DateBasis.INFERRED.label
    EVENT_IN_TEXT = "event", _("the reported event's date, from the text")


def format_partial_date(value, precision):
    """Render a date no more precisely than it is known, in the active language."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def partial_date_errors(obj, field):
    """Validation errors for the partial date `field` of `obj`; an empty dict when it is consistent.

    Reads the field's companions by convention: `<field>_precision`, `<field>_basis` and the note
    `<field>_note_en` / `<field>_note_ru`. A date given only to the month or year is stored as the first
    day of that period, and any date that is not stated to the day needs a note saying how it was obtained.
    """
    value = getattr(obj, field)
    precision = getattr(obj, f"{field}_precision")
    basis = getattr(obj, f"{field}_basis")
    note_filled = bool(getattr(obj, f"{field}_note_en") or getattr(obj, f"{field}_note_ru"))
    errors = {}
    if value is None:
        return errors
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        errors[field] = _("A date known only to the year is stored as 1 January of that year.")
    elif precision == DatePrecision.MONTH and value.day != 1:
        errors[field] = _("A date known only to the month is stored as the first day of that month.")
    exact = precision == DatePrecision.DAY and basis == DateBasis.STATED
    if not exact and not note_filled:
        errors[f"{field}_note_en"] = _("Explain how the date was obtained: it is not stated to the day.")
    return errors


def iso_partial_date(value, precision):
    """ISO 8601 no more precise than the date is known: 2025, 2025-02 or 2025-02-26."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def anniversary_label(number):
    """ "33rd anniversary" / "33-я годовщина"."""
    if number is None:
        return ""
    return _anniversary_label(number, get_language())


@functools.lru_cache(maxsize=1024)
def _anniversary_label(number, language):
    # Worked out once per number and language: humanize's ordinal() translates its ten suffixes at every call, a
    # fifth of the timeline's time when each of its 50 events is labelled.
    text = f"{number}-я" if language == "ru" else ordinal(number)
    return gettext("%(ordinal)s anniversary") % {"ordinal": text}
