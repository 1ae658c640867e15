"""Dates and times as news pages print them: header lines, datelines and full dates in running text."""

import datetime
import re

EN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
RU_MONTH_NAMES = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
RU_MONTHS = {name: number for number, name in enumerate(RU_MONTH_NAMES.split(), start=1)}
EN_MONTH = r"(?P<en_month>(?i:" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r"))\.?"
RU_MONTH = r"(?P<ru_month>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
TIME = r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
BULLET = r"[•·|\-–—\s]*"

# Lines that are nothing but a date and/or time, as news pages print them above or below the headline.
DATE_LINES = [
    re.compile(rf"^{BULLET}(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}})(?:{BULLET}{TIME})?{BULLET}$"),
    re.compile(rf"^{BULLET}(?:{TIME}{BULLET})?(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}})$"),
    re.compile(rf"^{BULLET}(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}){BULLET}{TIME}{BULLET}$"),
    re.compile(rf"^{BULLET}(?P<day>\d{{1,2}}) {RU_MONTH},? (?P<year>\d{{4}})(?: г\.)?(?:{BULLET}{TIME})?{BULLET}$"),
    re.compile(
        rf"^{BULLET}{EN_MONTH} (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})(?:{BULLET}{TIME})?{BULLET}$", re.IGNORECASE
    ),
    re.compile(
        rf"^{BULLET}(?P<day>\d{{1,2}}) {EN_MONTH},? (?P<year>\d{{4}})(?:{BULLET}{TIME})?{BULLET}$", re.IGNORECASE
    ),
    re.compile(rf"^{BULLET}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:{BULLET}{TIME})?{BULLET}$"),
    re.compile(rf"^{BULLET}{TIME}{BULLET}$"),
]
# The saved pages' own first line: "date 2025-02-26", sometimes followed by the font-size widget or by the text.
DATE_PREFIX = re.compile(r"^\s*date (?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b[ \t]*")
# A dateline opening the first paragraph: "BAKU, Azerbaijan, March 4." or "Баку, 26 февраля."
DATELINE = re.compile(
    rf"^(?P<place>[A-ZА-ЯЁ][\w.\- ]{{1,40}}(?:, [A-ZА-ЯЁ][\w.\- ]{{1,40}})?), "
    rf"(?P<date>(?:{EN_MONTH} (?P<en_day>\d{{1,2}})|(?P<ru_day>\d{{1,2}}) {RU_MONTH})(?:,? (?P<year>\d{{4}}))?)"
    rf"(?=[.,/ —–-])",
)
# Full dates in running text, used to place a year-less dateline in time.
TEXT_DATES = [
    re.compile(rf"\b{EN_MONTH} (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}}) {EN_MONTH},? (?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}}) {RU_MONTH} (?P<year>(?:19|20)\d\d)\b"),
]


def month_of(match):
    groups = match.groupdict()
    if groups.get("month"):
        return int(groups["month"])
    if groups.get("en_month"):
        return EN_MONTHS[groups["en_month"].lower().rstrip(".")]
    if groups.get("ru_month"):
        return RU_MONTHS[groups["ru_month"]]
    return None


def date_of(match, day_group="day"):
    try:
        return datetime.date(int(match.group("year")), month_of(match), int(match.group(day_group)))
    except (TypeError, ValueError):
        return None


def _time_of(match):
    if match.groupdict().get("hour") is None:
        return None
    return datetime.time(int(match.group("hour")), int(match.group("minute")))


def match_date_line(line):
    """(date or None, time or None) when the whole line is a printed date and/or time; None otherwise."""
    for pattern in DATE_LINES:
        m = pattern.match(line.strip())
        if m:
            date = date_of(m) if m.groupdict().get("year") else None
            if m.groupdict().get("year") and date is None:
                return None
            return date, _time_of(m)
    return None
