"""Dates in the forms the importer's own rules (`printed_dates`) do not know, read by dateparser.

The rules run first and what they find is never replaced; this module is asked only where they find nothing. It
decides *where* a date may be (a line that is nothing but a date, a byline, a dateline, a date-shaped span in the
first sentence) and dateparser decides *what* the span says, in English and Russian only, with settings that never
fill in a missing part: no year means no date, a month without a day is a month, and words such as "yesterday" are
never read (only absolute dates are parsed, since the importer knows no reference day to count from).
"""

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from archive.dates import DatePrecision

LANGUAGES = ["en", "ru"]
BASE_SETTINGS = {
    # Only dates written out: "yesterday", "2 hours ago" and bare timestamps are not read.
    "PARSERS": ["absolute-time"],
    # A month without a day stays a month (period "month"), and a time stays attached to its day (period "time").
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_TIME_AS_PERIOD": True,
    # 03.02.2025 is 3 February, as everywhere the archive's pages come from (the rules read slashes the same way).
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "past",
}
PERIOD_PRECISION = {
    "time": DatePrecision.DAY,
    "day": DatePrecision.DAY,
    "month": DatePrecision.MONTH,
    "year": DatePrecision.YEAR,
}

EN_MONTH_WORD = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
RU_MONTH_WORD = (
    r"январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]"
    r"|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек"
)
MONTH_WORD = rf"(?:{EN_MONTH_WORD}|{RU_MONTH_WORD})\b\.?"
WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|(?:пн|вт|ср|чт|пт|сб|вс)\b\.?)"
)
YEAR = r"(?:19|20)\d\d"
YEAR_WORD = r"(?:\s*(?:г\.|года?\b|г\b))?"
DAY = r"(?:[012]?\d|3[01])(?:-?(?:го|е|st|nd|rd|th)\b)?"
CLOCK = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.?m\b\.?))?"
ZONE_NAME = r"(?:utc|gmt|msk|мск|azt|trt|pkt|ist|cet|cest|eet|eest|bst|et|est|edt|pt|pst|pdt)\b"
ZONE_AFTER_TIME = rf"\s*(?:\(?{ZONE_NAME}(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\)?|[+-]\d\d:?\d\d\b)"
ZONE = rf"(?:{ZONE_AFTER_TIME})?"
TIME = rf"{CLOCK}{ZONE}"
AT = r"(?:,?\s*(?:at|в|-|—|–|•|\||/)?\s*)"

# A date as news pages print it, optionally with a weekday and a time on either side.
DATE_SPAN = re.compile(
    rf"""(?ix)
    (?<![\d./])                                                                    # not inside a number
    (?:{TIME}{AT})?
    (?:{WEEKDAY},?\s+)?
    (?:
        \d{{4}}-\d\d-\d\d(?:[T\s]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?     # ISO
      | {YEAR}[./]\d\d[./]\d\d\b                                                      # 2025/02/26
      | \d{{1,2}}[./]\d{{1,2}}[./](?:{YEAR}|\d\d)\b{YEAR_WORD}                               # 26.02.2025, 2/26/25
      | {DAY}(?:\s+|-)(?:of\s+)?{MONTH_WORD}(?:,?(?:\s+|-){YEAR}\b{YEAR_WORD}|,)?        # 26 February 2025 г.
      | {MONTH_WORD}\s+{DAY}\b(?:,?\s+{YEAR}\b)?                                       # Feb. 26, 2025
      | {MONTH_WORD}\s+{YEAR}\b{YEAR_WORD}                                              # February 2025
    )
    (?:{AT}{TIME})?
    """
)
FOUR_DIGIT_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")
HAS_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)|\d[./]\d{{1,2}}[./]\d\d\b")
ONLY_TIME = re.compile(
    rf"(?i)^\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    rf"\s*(?P<half>[ap])?\.?(?:m\.?)?{ZONE}\s*$"
)

# Labels printed before a date line: "Updated:", "Published on", "Опубликовано:".
UPDATED_LABEL = r"(?:last\s+)?updated|modified|обновлено|изменено|обновлён|обновлен"
LABEL = re.compile(
    rf"(?i)^(?:(?P<updated>{UPDATED_LABEL})|published|first\s+published|posted|date|опубликовано|дата(?:\s+публикации)?"
    r"|размещено)\s*(?:on|at)?\s*:?\s*"
)
# A byline beside the date on the same line: "By Jane Doe | Feb 26, 2025".
BYLINE = re.compile(r"(?i)^(?:by|автор|author|text|текст|фото|photo|source|источник)\b[\s:]")
# Other page furniture beside a date: an agency's name in capitals, a counter of views or comments.
AGENCY = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ.\- ]{1,30}$")
COUNTER = re.compile(r"(?i)^(?:views|comments|просмотр(?:ов|ы)|комментари(?:ев|и))\s*:?\s*[\d\s,.]+$")
SEGMENT_BREAK = re.compile(r"\s+[|•·/]\s+|\s+[—–]\s+")
LINE_EDGES = " \t•·|-–—,;"

# Russian months in the prepositional ("в феврале 2025 года") and nominative forms dateparser does not read with a year.
RU_MONTH_FORMS = {
    f"{stem}{ending}": f"{stem}я"
    for stem in ("январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр")
    for ending in ("е", "ь")
}
RU_MONTH_FORMS.update(
    {"марте": "марта", "март": "марта", "мае": "мая", "май": "мая", "августе": "августа", "август": "августа"}
)
RU_MONTH_FORM = re.compile(r"(?i)\b(" + "|".join(RU_MONTH_FORMS) + r")\b")
DAY_SUFFIX = re.compile(r"(?i)(?<=\d)-?(?:го|е)\b")


@dataclass(frozen=True)
class ReadDate:
    """A date read from a span of text: as precise as the text gives it (a month is stored as its first day)."""

    date: datetime.date
    time: datetime.time = None
    precision: str = DatePrecision.DAY
    text: str = ""
    updated: bool = False  # the page labels it as the time it was updated, not published


@lru_cache(maxsize=2)
def _parser(require_year):
    from dateparser.date import DateDataParser  # loaded on first use: its language data takes a moment

    parts = ["year"] if require_year else ["day", "month"]
    return DateDataParser(languages=LANGUAGES, settings={**BASE_SETTINGS, "REQUIRE_PARTS": parts})


# The time is kept as the page prints it, in the page's own zone: the zone's name is not read.
ZONE_WORDS = re.compile(rf"(?i)\s*\(?\b{ZONE_NAME}(?:\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\)?")


def _normalised(text):
    text = ZONE_WORDS.sub("", text)
    text = DAY_SUFFIX.sub("", text)
    text = RU_MONTH_FORM.sub(lambda m: RU_MONTH_FORMS[m.group(1).lower()], text)
    # "в 14:35" / "at 3:05 pm" read as a time of the date before them.
    return re.sub(r"(?i)\s+(?:в|at)\s+(?=\d)", " ", text).strip(LINE_EDGES)


def read_date(text, require_year=True):
    """The date `text` states, or None; with require_year=False a day and month without a year are read too (the
    returned date then carries a placeholder year: look at `has_year`)."""
    if require_year and not HAS_YEAR.search(text):
        return None
    data = _parser(require_year).get_date_data(_normalised(text))
    if data is None or data.date_obj is None:
        return None
    precision = PERIOD_PRECISION.get(data.period, DatePrecision.DAY)
    value = data.date_obj
    date = value.date()
    if precision == DatePrecision.MONTH:
        date = date.replace(day=1)
    elif precision == DatePrecision.YEAR:
        date = date.replace(month=1, day=1)
    time = None
    if data.period == "time":
        time = value.time().replace(tzinfo=None)
    return ReadDate(date=date, time=time, precision=precision, text=text.strip())


def has_year(text):
    return bool(HAS_YEAR.search(text))


def read_time_line(line):
    """The time when the whole line is a time ("10:15:32 AM", "13:41 (GMT+4)"), else None."""
    m = ONLY_TIME.match(line.strip(LINE_EDGES))
    if not m:
        return None
    hour = int(m.group("hour"))
    half = (m.group("half") or "").lower()
    if half and not 1 <= hour <= 12:
        return None
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return datetime.time(hour, int(m.group("minute")), int(m.group("second") or 0))


def _whole_date(segment):
    """(ReadDate or None, time or None) when the segment is nothing but a (labelled) date or time; else None."""
    label = LABEL.match(segment)
    rest = segment[label.end() :] if label else segment
    rest = re.sub(r"(?i)^(?:in|в)\s+", "", rest.strip(LINE_EDGES))
    time = read_time_line(rest)
    if time:
        return None, time
    m = DATE_SPAN.fullmatch(rest)
    if not m:
        return None
    read = read_date(rest)
    if read is None:
        return None
    if label and label.group("updated"):
        read = replace(read, updated=True)
    return read, read.time


def read_date_line(line):
    """(ReadDate or None, time or None) when the line is nothing but dates, times and perhaps a byline; else None.

    "Updated 10:15 AM GMT, Feb 26, 2025", "By Jane Doe | 26 February 2025 | 14:35", "среда, 26 февраля 2025 г."
    """
    line = line.strip()
    if not line or len(line) > 120 or not re.search(r"\d", line):
        return None
    whole = _whole_date(line)
    if whole:
        return whole
    found_date, found_time, any_date = None, None, False
    for segment in SEGMENT_BREAK.split(line):
        segment = segment.strip(LINE_EDGES)
        if not segment:
            continue
        part = _whole_date(segment)
        if part is None:
            if (BYLINE.match(segment) and len(segment) <= 60) or AGENCY.match(segment) or COUNTER.match(segment):
                continue
            return None
        read, time = part
        any_date = any_date or read is not None
        found_date = found_date or read
        found_time = found_time or time
    if not any_date:
        return None
    return found_date, found_time


def dates_in(text):
    """Every date the text states in a date-shaped span with a four-digit year, in order (in running text "1.2.34"
    is more likely a number than a date; spans dateparser cannot read are skipped)."""
    found = []
    for m in DATE_SPAN.finditer(text):
        read = read_date(m.group()) if FOUR_DIGIT_YEAR.search(m.group()) else None
        if read:
            found.append(read)
    return found


# Place names have no digits, so "Feb 26, 2025" is never taken for a place.
PLACE = r"[A-ZА-ЯЁ](?:[^\W\d]|[.\- ]){1,40}(?:, [A-ZА-ЯЁ](?:[^\W\d]|[.\- ]){1,40})?"
DATELINE_BEFORE = re.compile(rf"^(?P<place>{PLACE}),\s+(?=\S)")
DATELINE_AFTER = re.compile(r"[\s.,]*(?:[—–\-(/:]|\.\s|$)|(?<=\.)\s")
DATELINE_PLACE_AFTER = re.compile(rf",?\s+(?P<place>{PLACE})\s*(?=[—–\-(/:])")


# "В среду, 26 февраля" and "On Wednesday, Feb 26" open a sentence, not a dateline: no place starts that way.
NOT_A_PLACE = re.compile(rf"(?i)^(?:(?:в|во|on|in|at|by|since|until|до|с|к)\s|{WEEKDAY}$)")


def is_place(text):
    return not NOT_A_PLACE.match(text.strip())


@dataclass(frozen=True)
class ReadDateline:
    """A dateline the rules did not recognise: its text, day and month, and its year when it prints one."""

    text: str
    month: int
    day: int
    year: int = None


def read_dateline(lead):
    """A dateline opening the lead: "BAKU, 26.02.2025 /Trend/", "МОСКВА, 26 фев — РИА Новости",
    "Feb 26, 2025 — BAKU:"; None when the lead does not open with one."""
    place = DATELINE_BEFORE.match(lead)
    if place and not is_place(place.group("place")):
        return None
    start = place.end() if place else 0
    m = DATE_SPAN.match(lead, start)
    if not m:
        return None
    end = m.end()
    after_place = None if place else DATELINE_PLACE_AFTER.match(lead, end)
    if after_place:
        end = after_place.end()
    elif not DATELINE_AFTER.match(lead, m.end()):
        return None
    elif not place and not re.match(r"\s*[—–\-:]", lead[m.end() :]):
        # A date opening the text without a place is a dateline only when a dash or colon closes it.
        return None
    span = m.group()
    read = read_date(span, require_year=has_year(span))
    if read is None or read.precision != DatePrecision.DAY:
        return None
    return ReadDateline(
        text=lead[:end].rstrip(" ,"),
        month=read.date.month,
        day=read.date.day,
        year=read.date.year if has_year(span) else None,
    )


MAX_SENTENCE_CHARS = 1000  # a paragraph with no sentence end is read no further than this
SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"«“A-ZА-ЯЁ])")


def first_sentence(text):
    """The text up to the end of its first sentence ("Feb. 26" and "26.02.2025" do not end it)."""
    paragraph = text.split("\n\n", 1)[0][:MAX_SENTENCE_CHARS]
    for m in SENTENCE_END.finditer(paragraph):
        word = re.search(r"(\S+)$", paragraph[: m.start()])
        if word and re.fullmatch(
            rf"(?i)(?:{MONTH_WORD}|[A-ZА-ЯЁ]|mr|mrs|ms|dr|st|gen|col|lt|prof|г|им|ул)", word.group(1)
        ):
            continue
        return paragraph[: m.end()]
    return paragraph
