"""The publication date decided from what the page prints and the anniversaries it states, with notes why."""

import datetime
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from archive.dates import DateBasis, DatePrecision, PublicationDateBasis
from archive.models import AnniversaryMention

from .printed_dates import TEXT_DATES, date_of


def both_languages(message, **values):
    """A note in English and Russian, from one translatable message (marked with gettext_noop where it is written)."""
    notes = {}
    for code in ("en", "ru"):
        with translation.override(code):
            notes[code] = _(message) % values
    return notes


@dataclass
class DateDecision:
    """The publication date decided for one document: how precise it is, what it rests on, the notes that tell
    readers why (by language) and the warnings for the import report."""

    date: datetime.date = None
    time: datetime.time = None
    precision: str = DatePrecision.DAY
    basis: str = DateBasis.STATED
    notes: dict = field(default_factory=lambda: {"en": "", "ru": ""})
    warnings: list = field(default_factory=list)


def decide_date(doc, mentions):
    """The date the page prints, else its dateline's, else the event's date its first sentence gives, else the year
    the anniversaries it states point to; with notes why.

    Dates the rules read and dates dateparser read (`parsed_dates`, only where the rules found nothing) are decided
    the same way; what differs is kept honest in the precision, the basis and the note.
    """
    best_year, witness = _anniversary_year(mentions)
    decision = DateDecision(date=doc.header_date, time=doc.header_time, precision=doc.header_precision)
    date = decision.date
    if date and doc.header_printed:
        _note_printed_date(decision, doc)
    if date and doc.dateline_month_day and (date.month, date.day) != doc.dateline_month_day:
        decision.warnings.append(
            _("the dateline “%(dateline)s” disagrees with the printed date") % {"dateline": doc.dateline}
        )
    if date is None and doc.dateline_month_day:
        _date_from_dateline(decision, doc, best_year, witness)
    elif date is None and doc.opening_dates and _date_from_opening(decision, doc, best_year):
        pass  # the first sentence dated the event
    elif date is None and best_year:
        _year_from_anniversary(decision, best_year, witness)
    elif date is None:
        decision.warnings.append(_("no date: the page prints none and states no anniversary to infer the year from"))
        decision.notes = both_languages(
            gettext_noop(
                "The page carries no date and states no anniversary to infer one from; an editor must set the date."
            )
        )
    _note_contradictions(decision, mentions)
    return decision


def _note_printed_date(decision, doc):
    """A printed date read by dateparser that is not a plain publication day: only a month, or only an update."""
    if doc.header_updated:
        decision.basis = DateBasis.INFERRED
        decision.notes = both_languages(
            gettext_noop(
                "The page prints only when it was updated (“%(printed)s”); it was first published that day or earlier."
            ),
            printed=doc.header_printed,
        )
    elif decision.precision != DatePrecision.DAY:
        decision.notes = both_languages(
            gettext_noop("The page prints its date no more precisely than “%(printed)s”."),
            printed=doc.header_printed,
        )


def _date_from_opening(decision, doc, best_year):
    """A page with neither a printed date nor a dateline: the date its first sentence gives, which is the event's.

    The latest date of the sentence is taken ("the 33rd anniversary of the 26 February 1992 tragedy was marked on
    26 February 2025"). When the anniversaries the text states point to another year, that sentence date is the
    occasion's or another day's, not the report's: it is not used (returns False) and the anniversaries decide.
    """
    dates = doc.opening_dates
    if best_year:
        dates = [d for d in dates if d.date.year == best_year]
    if not dates:
        decision.warnings.append(
            _("the first sentence's date “%(printed)s” is not in the year the anniversaries point to; not used")
            % {"printed": doc.opening_dates[-1].text}
        )
        return False
    read = max(dates, key=lambda d: (d.date, d.precision == DatePrecision.DAY))
    decision.date, decision.precision, decision.time = read.date, read.precision, None
    decision.basis = PublicationDateBasis.EVENT_IN_TEXT
    decision.warnings.append(
        _(
            "no printed date: “%(printed)s” is the date in the first sentence, which describes the event, not "
            "necessarily the publication"
        )
        % {"printed": read.text}
    )
    decision.notes = both_languages(
        gettext_noop(
            "The page prints no date of its own. “%(printed)s” is the date in the first sentence (“%(sentence)s”): it "
            "describes the event, not necessarily the publication."
        ),
        printed=read.text,
        sentence=doc.opening_sentence,
    )
    return True


def _anniversary_year(mentions):
    """The year most of the mentions point to, and the first mention that says so (or None, None)."""
    # A stated anniversary number outweighs a count of years elapsed, which pages often carry over from older texts.
    implied = [m.occasion.year_of_anniversary(m.number) for m in mentions if m.kind == "anniversary"]
    if not implied:
        implied = [m.occasion.year_of_anniversary(m.number) for m in mentions]
    best_year = max(set(implied), key=implied.count) if implied else None
    witness = next((m for m in mentions if m.occasion.year_of_anniversary(m.number) == best_year), None)
    return best_year, witness


def _date_from_dateline(decision, doc, best_year, witness):
    """The dateline's day and month, in the year it prints or one inferred; else no date, for an editor to set."""
    month, day = doc.dateline_month_day
    year, reason = _dateline_year(doc, month, day, best_year, witness)
    date = None
    if year:
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            date = None
    decision.date = date
    if reason and date:
        decision.basis, decision.notes = DateBasis.INFERRED, reason
    if date is None:
        decision.warnings.append(
            _("the dateline “%(dateline)s” has no year and none could be inferred") % {"dateline": doc.dateline}
        )
        decision.notes = both_languages(
            gettext_noop(
                "The dateline “%(dateline)s” gives no year and the text gives nothing to infer it from; "
                "an editor must set the date."
            ),
            dateline=doc.dateline,
        )


def _dateline_year(doc, month, day, best_year, witness):
    """(year, notes why it was inferred) for a dateline: its own year, the anniversaries' or the latest date the
    text mentions up to that day; (None, None) when there is none."""
    if doc.dateline_year is not None:
        return doc.dateline_year, None
    if best_year:
        return best_year, both_languages(
            gettext_noop(
                "The dateline “%(dateline)s” gives the day without the year; the year is inferred from “%(passage)s”."
            ),
            dateline=doc.dateline,
            passage=witness.passage,
        )
    later = [d for d in _text_dates(doc.original_text) if (d.month, d.day) <= (month, day)]
    if later:
        return max(later).year, both_languages(
            gettext_noop(
                "The dateline “%(dateline)s” gives the day without the year; the year is taken from the latest "
                "date the text mentions (%(date)s)."
            ),
            dateline=doc.dateline,
            date=max(later).isoformat(),
        )
    return None, None


def _year_from_anniversary(decision, best_year, witness):
    """A page with no date at all: the year the anniversaries point to, with the passage that says so."""
    decision.date, decision.precision, decision.basis = (
        datetime.date(best_year, 1, 1),
        DatePrecision.YEAR,
        DateBasis.INFERRED,
    )
    decision.time = None
    kind = AnniversaryMention.Kind(witness.kind).label  # lazy, so each language's note gets its own word
    decision.notes = both_languages(
        gettext_noop("The page carries no date. The year is inferred from “%(passage)s” (%(kind)s %(number)s)."),
        passage=witness.passage,
        kind=kind,
        number=witness.number,
    )


def _note_contradictions(decision, mentions):
    """Each mention pointing to another year than the date's is warned about and noted (it is still recorded)."""
    date = decision.date
    for m in mentions:
        year = m.occasion.year_of_anniversary(m.number)
        if not date or year == date.year:
            continue
        decision.warnings.append(
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
        decision.notes = {code: f"{decision.notes[code]} {extra[code]}".strip() for code in decision.notes}


def _text_dates(text):
    dates = []
    for pattern in TEXT_DATES:
        for m in pattern.finditer(text):
            date = date_of(m)
            if date:
                dates.append(date)
    return dates
