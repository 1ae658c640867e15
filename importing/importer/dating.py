"""The publication date decided from what the page prints and the anniversaries it states, with notes why."""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from archive.dates import DateBasis, DatePrecision
from archive.models import AnniversaryMention

from .printed_dates import TEXT_DATES, date_of


def both_languages(message, **values):
    """A note in English and Russian, from one translatable message (marked with gettext_noop where it is written)."""
    notes = {}
    for code in ("en", "ru"):
        with translation.override(code):
            notes[code] = _(message) % values
    return notes


def decide_date(doc, mentions):
    """(date, time, precision, basis, notes by language, warnings) from what the page prints and says."""
    # A stated anniversary number outweighs a count of years elapsed, which pages often carry over from older texts.
    implied = [m.occasion.year_of_anniversary(m.number) for m in mentions if m.kind == "anniversary"]
    if not implied:
        implied = [m.occasion.year_of_anniversary(m.number) for m in mentions]
    best_year = max(set(implied), key=implied.count) if implied else None
    witness = next((m for m in mentions if m.occasion.year_of_anniversary(m.number) == best_year), None)
    notes, warnings = {"en": "", "ru": ""}, []
    date, time = doc.header_date, doc.header_time
    precision, basis = DatePrecision.DAY, DateBasis.STATED

    if date and doc.dateline_month_day and (date.month, date.day) != doc.dateline_month_day:
        warnings.append(_("the dateline “%(dateline)s” disagrees with the printed date") % {"dateline": doc.dateline})
    if date is None and doc.dateline_month_day:
        month, day = doc.dateline_month_day
        year, reason = doc.dateline_year, None
        if year is None and best_year:
            year = best_year
            reason = both_languages(
                gettext_noop(
                    "The dateline “%(dateline)s” gives the day without the year; the year is inferred from "
                    "“%(passage)s”."
                ),
                dateline=doc.dateline,
                passage=witness.passage,
            )
        elif year is None:
            later = [d for d in _text_dates(doc.original_text) if (d.month, d.day) <= (month, day)]
            if later:
                year = max(later).year
                reason = both_languages(
                    gettext_noop(
                        "The dateline “%(dateline)s” gives the day without the year; the year is taken from the latest "
                        "date the text mentions (%(date)s)."
                    ),
                    dateline=doc.dateline,
                    date=max(later).isoformat(),
                )
        if year:
            try:
                date = datetime.date(year, month, day)
            except ValueError:
                date = None
            if reason and date:
                basis, notes = DateBasis.INFERRED, reason
        if date is None:
            warnings.append(
                _("the dateline “%(dateline)s” has no year and none could be inferred") % {"dateline": doc.dateline}
            )
            notes = both_languages(
                gettext_noop(
                    "The dateline “%(dateline)s” gives no year and the text gives nothing to infer it from; "
                    "an editor must set the date."
                ),
                dateline=doc.dateline,
            )
    elif date is None and best_year:
        date, precision, basis = datetime.date(best_year, 1, 1), DatePrecision.YEAR, DateBasis.INFERRED
        kind = AnniversaryMention.Kind(witness.kind).label  # lazy, so each language's note gets its own word
        notes = both_languages(
            gettext_noop("The page carries no date. The year is inferred from “%(passage)s” (%(kind)s %(number)s)."),
            passage=witness.passage,
            kind=kind,
            number=witness.number,
        )
        if doc.header_time:
            time = None
    elif date is None:
        warnings.append(_("no date: the page prints none and states no anniversary to infer the year from"))
        notes = both_languages(
            gettext_noop(
                "The page carries no date and states no anniversary to infer one from; an editor must set the date."
            )
        )

    conflicts = [m for m in mentions if date and m.occasion.year_of_anniversary(m.number) != date.year]
    for m in conflicts:
        year = m.occasion.year_of_anniversary(m.number)
        warnings.append(
            _("contradiction: “%(passage)s” points to %(year)s, not %(date_year)s")
            % {"passage": m.passage, "year": year, "date_year": date.year}
        )
        extra = both_languages(
            gettext_noop(
                "Contradiction: “%(passage)s” points to %(year)s, not %(date_year)s; it is recorded as an anniversary "
                "mention."
            ),
            passage=m.passage,
            year=year,
            date_year=date.year,
        )
        notes = {code: f"{notes[code]} {extra[code]}".strip() for code in notes}
    return date, time, precision, basis, notes, warnings


def _text_dates(text):
    dates = []
    for pattern in TEXT_DATES:
        for m in pattern.finditer(text):
            date = date_of(m)
            if date:
                dates.append(date)
    return dates
