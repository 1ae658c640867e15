"""Reading a decoded page: page furniture removed, the headline, paragraphs and printed metadata; no database."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from archive.dates import DatePrecision

from .limits import DocumentError
from .names import WORD
from .parsed_dates import dates_in, first_sentence, is_place, read_date_line, read_dateline
from .printed_dates import DATE_PREFIX, DATELINE, date_of, match_date_line, month_of

# Each optional sign takes its own spaces: three adjacent `\s*` made a line of spaces cost the cube of its length.
FONT_WIDGET = re.compile(r"^\+?\s*(?:↺\s*)?(?:−\s*)?\d+\s*px\s*$")
# Everything from these lines on is the page's list of other stories.
TRAILING_BLOCKS = re.compile(
    r"^(You Might Also Like|Read also|Related news|More news|Из этой рубрики|Читайте также|Другие новости)\s*:?$",
    re.IGNORECASE,
)
NAVIGATION = re.compile(r"^(back\s+news\s+prev\s+news|prev news\s+next news|назад|следующая новость)$", re.IGNORECASE)


@dataclass
class ParsedDocument:
    """What one document says about itself, before anything is written."""

    filename: str
    sha256: str
    language: str
    original_title: str
    paragraphs: list
    section: str = ""
    dateline: str = ""
    header_date: datetime.date = None
    header_time: datetime.time = None
    # Set when the printed date was read by dateparser rather than the rules: the line as printed, how precise it is
    # and whether the page labels it as the time of an update.
    header_printed: str = ""
    header_precision: str = DatePrecision.DAY
    header_updated: bool = False
    dateline_month_day: tuple = None
    dateline_year: int = None
    # Read only when the page prints neither a date nor a dateline: the first sentence and the dates it states.
    opening_sentence: str = ""
    opening_dates: list = field(default_factory=list)
    trailing_outlet: str = ""
    removed: list = field(default_factory=list)

    @property
    def original_text(self):
        return "\n\n".join(self.paragraphs)

    @property
    def lead(self):
        return self.paragraphs[0]

    @property
    def body(self):
        return "\n\n".join(self.paragraphs[1:])


CYRILLIC_LETTER = re.compile("[а-яё]", re.IGNORECASE)
LATIN_LETTER = re.compile("[a-z]", re.IGNORECASE)


def detect_language(text):
    cyrillic = CYRILLIC_LETTER.subn("", text)[1]
    latin = LATIN_LETTER.subn("", text)[1]
    return "ru" if cyrillic > latin else "en"


def looks_like_headline(line):
    words = WORD.findall(line)
    return 1 < len(words) <= 30 and len(line) <= 300 and not line.rstrip().endswith((".", ":", ";", ","))


def parse_document(text, filename, raw_sha256, known_outlets=()):
    """Split a decoded page into its headline, verbatim paragraphs and printed metadata; no database access.

    Each step takes what it recognises off the page and notes it in `doc.removed`, in the order a reader meets it.
    """
    doc = ParsedDocument(filename=filename, sha256=raw_sha256, language="en", original_title="", paragraphs=[])
    lines = [line.strip() for line in text.split("\n")]
    _take_date_prefix(doc, lines)
    lines = _drop_furniture(doc, lines)
    _take_trailing_outlet(doc, lines, known_outlets)
    blocks = _take_header(doc, _blocks(lines))
    _take_headline(doc, blocks)
    doc.paragraphs = _paragraphs(doc, blocks)
    doc.language = detect_language(doc.original_title + "\n" + doc.original_text)
    _read_dateline(doc)
    _read_opening(doc)
    return doc


def _take_date_prefix(doc, lines):
    """The saved page's "date YYYY-MM-DD" first line; the rest of that line is the font widget or the text itself."""
    first = next((i for i, line in enumerate(lines) if line), None)
    m = DATE_PREFIX.match(lines[first]) if first is not None else None
    if m:
        doc.header_date = date_of(m)
        doc.removed.append(m.group().strip())
        lines[first] = lines[first][m.end() :].strip()
        if FONT_WIDGET.match(lines[first]):
            doc.removed.append(lines[first])
            lines[first] = ""


def _drop_furniture(doc, lines):
    """The lines left once the lists of other stories at the foot of the page, navigation and the font widget go."""
    kept = []
    for line in lines:
        if TRAILING_BLOCKS.match(line):
            doc.removed.append(line)
            break
        if NAVIGATION.match(line) or FONT_WIDGET.match(line):
            doc.removed.append(line)
            continue
        kept.append(line)
    return kept


def _take_trailing_outlet(doc, lines, known_outlets):
    """A trailing line that is only an outlet's name ("News.Az")."""
    while lines and not lines[-1]:
        lines.pop()
    if lines and len(lines[-1]) <= 40 and any(lines[-1].casefold() == name.casefold() for name in known_outlets):
        doc.trailing_outlet = lines.pop()
        doc.removed.append(doc.trailing_outlet)


def _blocks(lines):
    """Runs of non-empty lines, as lists of lines."""
    blocks, current = [], []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def _take_header(doc, blocks):
    """The header: a section label, date and time lines, and the headline, before the first paragraph.

    Returns the non-empty blocks left once the section label and the date lines are taken off the first one, and
    any block of nothing but date lines (a date printed under the headline) before the text.
    """
    header = blocks[0] if blocks else []
    rows = [(i, _date_line(line, parse=i < HEADER_LINES)) for i, line in enumerate(header)]
    rows = [(i, row) for i, row in rows if row]
    if rows:
        _take_dates(doc, [header[i] for i, _ in rows], [row for _, row in rows])
        first, last = rows[0][0], rows[-1][0]
        before = header[:first]
        doc.section = " ".join(before)[:200]
        doc.removed.extend(before)
        blocks[0] = header[last + 1 :]
    # "Headline", then "Updated: 26 Feb 2025 10:15 AM" in a block of its own, then the text.
    for index in range(1, min(len(blocks) - 1, HEADER_BLOCKS)):
        if any(len(block) > 1 for block in blocks[:index]) or not looks_like_headline(blocks[index - 1][0]):
            break
        dates = [_date_line(line) for line in blocks[index][:HEADER_LINES]]
        if len(blocks[index]) <= HEADER_LINES and all(dates):
            _take_dates(doc, blocks[index], dates)
            blocks[index] = []
            break
    return [b for b in blocks if b]


# dateparser reads only the lines where a header can be: the first lines of the first block, the first few blocks.
HEADER_LINES = 12
HEADER_BLOCKS = 3


def _date_line(line, parse=True):
    """("rules", date, time) or ("parsed", ReadDate or None, time) when the line is nothing but a printed date and/or
    time; None otherwise. The importer's own rules are asked first."""
    ruled = match_date_line(line)
    if ruled:
        return ("rules", *ruled)
    parsed = read_date_line(line) if parse else None
    if parsed:
        return ("parsed", *parsed)
    return None


def _take_dates(doc, lines, rows):
    """Header date lines taken off the page: what the rules read wins; dateparser's reading only fills what is left,
    a publication date before an "Updated" one."""
    for line in lines:
        doc.removed.append(line)
    for how, date, time in rows:
        if how == "rules":
            doc.header_date = doc.header_date or date
            doc.header_time = doc.header_time or time
    if doc.header_date is None:
        read = [date for how, date, _ in rows if how == "parsed" and date]
        read.sort(key=lambda r: r.updated)
        if read:
            doc.header_date, doc.header_printed = read[0].date, read[0].text
            doc.header_precision, doc.header_updated = read[0].precision, read[0].updated
    if doc.header_time is None:
        # A time printed alone, or beside the date that was kept (not beside an "Updated" date that was not).
        doc.header_time = next(
            (time for _, date, time in rows if time and getattr(date, "date", date) in (None, doc.header_date)), None
        )
    if doc.header_precision != DatePrecision.DAY:
        doc.header_time = None


def _take_headline(doc, blocks):
    """A headline alone in the first block, or directly above the text (a hard-wrapped paragraph goes on in lower
    case instead)."""
    if not blocks or not looks_like_headline(blocks[0][0]):
        return
    if len(blocks) > 1 and len(blocks[0]) == 1:
        doc.original_title = blocks.pop(0)[0]
    elif len(blocks[0]) > 1 and blocks[0][1][:1].isupper():
        doc.original_title = blocks[0].pop(0)


def _paragraphs(doc, blocks):
    """The verbatim paragraphs, a repeated headline printed once; a page with no text, or nothing to name it by,
    is refused."""
    paragraphs = ["\n".join(b) for b in blocks if b]
    # A headline repeated on the page (above the text, or again at its foot) is printed once.
    if doc.original_title:
        doc.removed.extend(p for p in paragraphs if p == doc.original_title)
        paragraphs = [p for p in paragraphs if p != doc.original_title]
    if not paragraphs:
        if doc.original_title:
            raise DocumentError(_("the document has a headline but no text under it"))
        raise DocumentError(_("the document has no text once page furniture is removed"))
    if not doc.original_title and len(WORD.findall(paragraphs[0])) < 3:
        raise DocumentError(
            _("no recognisable title: the document has neither a headline nor an opening sentence to name it by")
        )
    return paragraphs


def _read_dateline(doc):
    """The dateline opening the lead ("BAKU, Feb 26"): its day and month, and its year when it prints one. The rules
    read it first; dateparser reads the forms they do not know ("BAKU, 26.02.2025 /Trend/", "МОСКВА, 26 фев —")."""
    m = DATELINE.match(doc.lead)
    if m and is_place(m.group("place")):
        day = m.group("en_day") or m.group("ru_day")
        doc.dateline = m.group()
        doc.dateline_month_day = (month_of(m), int(day))
        doc.dateline_year = int(m.group("year")) if m.group("year") else None
        return
    read = read_dateline(doc.lead)
    if read:
        doc.dateline = read.text
        doc.dateline_month_day = (read.month, read.day)
        doc.dateline_year = read.year


def _read_opening(doc):
    """The dates the first sentence states, for a page that prints neither a date nor a dateline."""
    if doc.header_date or doc.dateline:
        return
    doc.opening_sentence = first_sentence(doc.lead)
    doc.opening_dates = dates_in(doc.opening_sentence)
