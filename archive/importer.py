"""Turn a news page saved as text into a draft article: decoding, page furniture, dates, sources and suggestions.

Reading a document (`read_document`, `parse_document`) touches no database; `DocumentImporter` writes one
document at a time inside its own transaction, so a file is imported whole or not at all.
"""

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from events.models import Occasion, Organization, Person, Venue

from .dates import DateBasis, DatePrecision
from .models import AnniversaryMention, Article, FigureKind, ImportSuggestion, SourceCitation, SourceRevision
from .publishing import Status

#: Largest document accepted, in bytes. A news page is a few kilobytes; anything this big is not one.
MAX_DOCUMENT_BYTES = 1_000_000


class DocumentError(Exception):
    """A document that cannot be imported; the message says why and what to do."""


# -- decoding ----------------------------------------------------------------------------------------

BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive or office document",
    b"\x7fELF": "a program",
}
# Characters that a windows-1251 Russian text decodes to; anything else means the bytes were not windows-1251.
CP1251_PLAUSIBLE = re.compile(r"[А-Яа-яЁё«»—–№…“”„‘’\u00a0•]")


def decode_document(raw):
    """The text of a document's bytes: UTF-8, UTF-16 with a byte-order mark, or windows-1251."""
    if not raw.strip():
        raise DocumentError(_("the file is empty"))
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            _("the file is %(size)s bytes, over the limit of %(limit)s bytes for one document; is it a news text?")
            % {"size": len(raw), "limit": MAX_DOCUMENT_BYTES}
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DocumentError(_("the file starts as UTF-16 but its bytes are damaged: %s") % error) from error
        return _checked_text(text.replace("\r\n", "\n"))
    for signature, what in BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise DocumentError(_("the file is %s, not a text") % what)
    if b"\x00" in raw:
        raise DocumentError(_("the file is binary (it contains NUL bytes), not a text"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = _decode_windows_1251(raw, error)
    return _checked_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def _decode_windows_1251(raw, utf8_error):
    try:
        text = raw.decode("windows-1251")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        foreign = [c for c in text if ord(c) > 127]
        plausible = sum(1 for c in foreign if CP1251_PLAUSIBLE.match(c))
        if foreign and plausible / len(foreign) >= 0.95:
            return text
    raise DocumentError(
        _(
            "byte %(offset)s cannot be decoded: the file is neither UTF-8, UTF-16 with a byte-order mark, nor "
            "windows-1251; save it as UTF-8 and import it again"
        )
        % {"offset": utf8_error.start}
    )


def _checked_text(text):
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f")
    if controls > max(3, len(text) // 100):
        raise DocumentError(_("the file is binary (it is full of control characters), not a text"))
    if not text.strip():
        raise DocumentError(_("the file is empty"))
    return text


# -- dates ---------------------------------------------------------------------------------------------

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


def _month_of(match):
    groups = match.groupdict()
    if groups.get("month"):
        return int(groups["month"])
    if groups.get("en_month"):
        return EN_MONTHS[groups["en_month"].lower().rstrip(".")]
    if groups.get("ru_month"):
        return RU_MONTHS[groups["ru_month"]]
    return None


def _date_of(match, day_group="day"):
    try:
        return datetime.date(int(match.group("year")), _month_of(match), int(match.group(day_group)))
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
            date = _date_of(m) if m.groupdict().get("year") else None
            if m.groupdict().get("year") and date is None:
                return None
            return date, _time_of(m)
    return None


# -- anniversaries -------------------------------------------------------------------------------------

EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
EN_UNITS += "seventeen eighteen nineteen"
EN_NUMBERS = {w: n for n, w in enumerate(EN_UNITS.split())}
EN_TEN_NAMES = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
EN_TENS = {w: 10 * n for n, w in enumerate(EN_TEN_NAMES.split()) if n > 1}
RU_NUMBERS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19,
}  # fmt: skip
RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60}

EN_NUMBER = r"\d{1,3}|(?:" + "|".join(EN_TENS) + r")(?:[- ](?:" + "|".join(EN_NUMBERS) + r"))?|"
EN_NUMBER += "|".join(sorted(EN_NUMBERS, key=len, reverse=True))
RU_NUMBER = r"\d{1,3}|(?:" + "|".join(RU_TENS) + r")(?: (?:" + "|".join(RU_NUMBERS) + r"))?|"
RU_NUMBER += "|".join(sorted(RU_NUMBERS, key=len, reverse=True))

ANNIVERSARY_PATTERNS = [
    (AnniversaryMention.Kind.ANNIVERSARY, re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th) anniversary\b", re.I)),
    (AnniversaryMention.Kind.ANNIVERSARY, re.compile(r"\b(?P<n>\d{1,3})-?(?:й|я|ю|ой|ей|го|м|е) годовщин", re.I)),
    (
        AnniversaryMention.Kind.YEARS_ELAPSED,
        re.compile(rf"\b(?P<n>{EN_NUMBER}) years (?:have |has )?(?:passed|elapsed|ago)\b", re.I),
    ),
    (
        AnniversaryMention.Kind.YEARS_ELAPSED,
        re.compile(rf"(?:прошло|прошел|прошёл|исполнилось|минуло) (?P<n>{RU_NUMBER}) (?:год|года|лет)\b", re.I),
    ),
    (AnniversaryMention.Kind.YEARS_ELAPSED, re.compile(rf"\b(?P<n>{RU_NUMBER}) (?:год|года|лет) назад\b", re.I)),
]


def number_from_words(text):
    """22 from "22", "Twenty-two" or "двадцать два"."""
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        total += EN_NUMBERS.get(word, 0) + EN_TENS.get(word, 0) + RU_NUMBERS.get(word, 0) + RU_TENS.get(word, 0)
    return total or None


# -- names, across languages and transliterations -------------------------------------------------------

LATIN_SOUNDS = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch _ y _ e yu ya"
CYRILLIC_TO_LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", LATIN_SOUNDS.split(), strict=True))
# Spellings that differ between transliterations of the same name collapse to one key: gh/g, kh/h/г, y/i, …
KEY_REPLACEMENTS = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("h", "g"), ("y", "i"), ("w", "v")]
KEY_REPLACEMENTS += [("q", "k"), ("x", "ks"), ("ts", "c"), ("_", "")]
RUSSIAN_ENDINGS = ("ого", "ому", "ой", "ей", "ым", "ом", "ем", "ою", "а", "у", "е", "ы", "и", "ю")
WORD = re.compile(r"[^\W\d_](?:[\w.’'-]*\w)?")


def name_key(word):
    """A spelling-independent key: "Atamoghlanov" and "Атамогланов" give the same one."""
    key = "".join(CYRILLIC_TO_LATIN.get(c, c) for c in word.lower())
    for old, new in KEY_REPLACEMENTS:
        key = key.replace(old, new)
    key = re.sub(r"[^a-z]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


@functools.lru_cache(maxsize=100_000)
def _token_keys(word):
    keys = {name_key(word)}
    if re.search("[а-яё]", word, re.IGNORECASE):
        lower = word.lower()
        keys.update(name_key(word[: -len(e)]) for e in RUSSIAN_ENDINGS if lower.endswith(e) and len(lower) > len(e) + 2)
    return frozenset(keys)


@dataclass
class NamedRecord:
    kind: str
    record: object
    keys: tuple
    exact: str  # single-word names match only when spelt exactly so ("Report", "Trend")


class Gazetteer:
    """The names of existing people, organizations and venues, indexed for matching in any spelling."""

    def __init__(self):
        self.by_first_key = {}
        self.outlets = []
        sources = [
            (ImportSuggestion.Kind.PERSON, Person.objects.all(), 2),
            (ImportSuggestion.Kind.ORGANIZATION, Organization.objects.all(), 1),
            (ImportSuggestion.Kind.VENUE, Venue.objects.all(), 2),
        ]
        for kind, queryset, min_words in sources:
            for record in queryset:
                names = {record.name_en, record.name_ru, *getattr(record, "name_variants", "").splitlines()}
                for name in {n.strip() for n in names if n and n.strip()}:
                    words = WORD.findall(name)
                    if len(words) < min_words:
                        continue
                    entry = NamedRecord(
                        kind, record, tuple(name_key(w) for w in words), name if len(words) == 1 else ""
                    )
                    self.by_first_key.setdefault(entry.keys[0], []).append(entry)
                    if kind == ImportSuggestion.Kind.ORGANIZATION and record.kind in ("news_outlet", "news_agency"):
                        self.outlets.append((name, record))

    def find(self, text):
        """(NamedRecord, matched text, start offset) for each name in the text, longest match first."""
        tokens = list(WORD.finditer(text))
        keys = [_token_keys(t.group()) for t in tokens]
        found, i = [], 0
        while i < len(tokens):
            best = None
            for key in keys[i]:
                for entry in self.by_first_key.get(key, ()):
                    n = len(entry.keys)
                    if i + n > len(tokens) or (best and n <= len(best[0].keys)):
                        continue
                    if entry.exact and tokens[i].group() != entry.exact:
                        continue
                    if all(entry.keys[j] in keys[i + j] for j in range(n)):
                        best = (entry, text[tokens[i].start() : tokens[i + n - 1].end()], tokens[i].start())
            if best:
                found.append(best)
                i += len(best[0].keys)
            else:
                i += 1
        return found

    def outlet_named(self, name):
        for known, record in self.outlets:
            if known.casefold() == name.casefold():
                return record
        return None


# -- page furniture ---------------------------------------------------------------------------------------

FONT_WIDGET = re.compile(r"^\+?\s*↺?\s*−?\s*\d+\s*px\s*$")
# Everything from these lines on is the page's list of other stories.
TRAILING_BLOCKS = re.compile(
    r"^(You Might Also Like|Read also|Related news|More news|Из этой рубрики|Читайте также|Другие новости)\s*:?$",
    re.IGNORECASE,
)
NAVIGATION = re.compile(r"^(back\s+news\s+prev\s+news|prev news\s+next news|назад|следующая новость)$", re.IGNORECASE)


def sentence_around(text, start, end):
    """The sentence of `text` containing the span, verbatim."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + (1 if text[left] == "\n" else 2)
    right = len(text)
    for stop in (". ", ".\n", "!", "?", "\n"):
        pos = text.find(stop, end)
        if pos != -1:
            right = min(right, pos + (1 if stop[0] in ".!?" else 0))
    return text[left:right].strip()


# -- reading a document ------------------------------------------------------------------------------------


@dataclass
class Citation:
    relation: str
    passage: str
    organization_name: str = ""
    organization: object = None


@dataclass
class Mention:
    kind: str
    number: int
    passage: str
    occasion: object = None


@dataclass
class FigureFound:
    value: int
    approximate: bool
    text: str
    passage: str
    kind_slug: str = ""


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
    dateline_month_day: tuple = None
    dateline_year: int = None
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


def detect_language(text):
    cyrillic = len(re.findall("[а-яё]", text, re.IGNORECASE))
    latin = len(re.findall("[a-z]", text, re.IGNORECASE))
    return "ru" if cyrillic > latin else "en"


def looks_like_headline(line):
    words = WORD.findall(line)
    return 1 < len(words) <= 30 and len(line) <= 300 and not line.rstrip().endswith((".", ":", ";", ","))


def parse_document(text, filename, raw_sha256, known_outlets=()):
    """Split a decoded page into its headline, verbatim paragraphs and printed metadata; no database access."""
    lines = [line.strip() for line in text.split("\n")]
    doc = ParsedDocument(filename=filename, sha256=raw_sha256, language="en", original_title="", paragraphs=[])

    # The saved page's "date YYYY-MM-DD" first line; the rest of that line is the font widget or the text itself.
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        m = DATE_PREFIX.match(lines[first])
        if m:
            doc.header_date = _date_of(m)
            doc.removed.append(m.group().strip())
            lines[first] = lines[first][m.end() :].strip()
            if FONT_WIDGET.match(lines[first]):
                doc.removed.append(lines[first])
                lines[first] = ""

    # Lists of other stories at the foot of the page, navigation and the font widget anywhere.
    kept = []
    for line in lines:
        if TRAILING_BLOCKS.match(line):
            doc.removed.append(line)
            break
        if NAVIGATION.match(line) or FONT_WIDGET.match(line):
            doc.removed.append(line)
            continue
        kept.append(line)

    # A trailing line that is only an outlet's name ("News.Az").
    while kept and not kept[-1]:
        kept.pop()
    if kept and len(kept[-1]) <= 40 and any(kept[-1].casefold() == name.casefold() for name in known_outlets):
        doc.trailing_outlet = kept.pop()
        doc.removed.append(doc.trailing_outlet)

    blocks, current = [], []
    for line in [*kept, ""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []

    # The header: a section label, date and time lines, and the headline, before the first paragraph.
    if blocks:
        header = blocks[0]
        date_rows = [i for i, line in enumerate(header) if match_date_line(line)]
        if date_rows:
            for i in date_rows:
                date, time = match_date_line(header[i])
                doc.header_date = doc.header_date or date
                doc.header_time = doc.header_time or time
                doc.removed.append(header[i])
            before = header[: date_rows[0]]
            after = [line for i, line in enumerate(header) if i > date_rows[-1]]
            doc.section = " ".join(before)[:200]
            doc.removed.extend(before)
            blocks[0] = after
            if not after:
                blocks.pop(0)
    blocks = [b for b in blocks if b]
    if blocks and len(blocks) > 1 and len(blocks[0]) == 1 and looks_like_headline(blocks[0][0]):
        doc.original_title = blocks.pop(0)[0]
    elif blocks and len(blocks[0]) > 1 and looks_like_headline(blocks[0][0]) and blocks[0][1][:1].isupper():
        # A headline directly above the text; a hard-wrapped paragraph would go on in lower case instead.
        doc.original_title = blocks[0].pop(0)

    paragraphs = ["\n".join(b) for b in blocks if b]
    # A headline repeated on the page (above the text, or again at its foot) is printed once.
    if doc.original_title:
        repeated = [p for p in paragraphs if p == doc.original_title]
        doc.removed.extend(repeated)
        paragraphs = [p for p in paragraphs if p != doc.original_title]
    doc.paragraphs = paragraphs
    if not paragraphs:
        if doc.original_title:
            raise DocumentError(_("the document has a headline but no text under it"))
        raise DocumentError(_("the document has no text once page furniture is removed"))
    if not doc.original_title and len(WORD.findall(paragraphs[0])) < 3:
        raise DocumentError(
            _("no recognisable title: the document has neither a headline nor an opening sentence to name it by")
        )
    doc.language = detect_language(doc.original_title + "\n" + doc.original_text)

    m = DATELINE.match(doc.lead)
    if m:
        day = m.group("en_day") or m.group("ru_day")
        doc.dateline = m.group()
        doc.dateline_month_day = (_month_of(m), int(day))
        doc.dateline_year = int(m.group("year")) if m.group("year") else None
    return doc


# -- citations and outlets -----------------------------------------------------------------------------------

OUTLET_NAME = r"(?P<outlet>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-Z][\w-]*)?)"
CITATION_PATTERNS = [
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"{OUTLET_NAME} reports,? citing (?:the )?(?P<org>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-Z][\w-]*)*)"
        ),
    ),
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"сообщает {OUTLET_NAME} со ссылкой на (?P<org>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-ZА-ЯЁ][\w-]*)*)"
        ),
    ),
    (
        SourceCitation.Relation.TOLD_BY,
        re.compile(rf"(?:^|(?<=, ))(?P<org>(?:a|an|the) [^,.]{{3,150}}?) told {OUTLET_NAME}(?=[.,])"),
    ),
    (SourceCitation.Relation.BUREAU, re.compile(rf"Как (?:передает|передаёт|сообщает) (?:\w+ )?бюро {OUTLET_NAME}")),
    (SourceCitation.Relation.BUREAU, re.compile(rf"{OUTLET_NAME}'s (?:\w+ )?bureau reports")),
]
ATTRIBUTION = re.compile(
    r"(?:^|(?<=\. ))(?P<passage>(?:According to|По данным|По оценкам) (?P<who>[^,.]{3,80}))(?=,)", re.MULTILINE
)
ANAPHORIC = re.compile(r"^(?:the source|him|her|them|it|this|him|источника|него|нее|неё|них)$", re.IGNORECASE)
LOST_OUTLET = re.compile(r", (?:reports|сообщает)\.$")


def find_citations(doc, gazetteer):
    """The chain of sources the text cites, each with its verbatim passage, and the outlet it names."""
    citations, outlet_name, how = [], "", ""
    text = doc.original_text
    for relation, pattern in CITATION_PATTERNS:
        for m in pattern.finditer(text):
            org = m.groupdict().get("org") or ""
            if relation == SourceCitation.Relation.BUREAU:
                org = m.group("outlet")
            passage = m.group().strip()
            citations.append((m.start(), Citation(relation, passage, org)))
            outlet_name = outlet_name or m.group("outlet")
            how = how or passage
    for m in ATTRIBUTION.finditer(text):
        if not ANAPHORIC.match(m.group("who").strip()):
            citations.append((m.start(), Citation(SourceCitation.Relation.ATTRIBUTES, m.group("passage"), "")))
    citations = [c for _, c in sorted(citations, key=lambda pair: pair[0])]
    for citation in citations:
        if citation.organization_name:
            matches = [e for e, _, _ in gazetteer.find(citation.organization_name) if e.kind == "organization"]
            citation.organization = matches[-1].record if matches else None
    return citations, outlet_name, how


# -- people the archive has no record of yet ---------------------------------------------------------------

PERSON_NAME = re.compile(r"\b([A-ZА-ЯЁ][a-zа-яё’'-]+) ([A-ZА-ЯЁ][a-zа-яё’'-]+)\b")
SURNAME = re.compile(r"(?:y?ev|ov|y?eva|ova|in|ina|[iy]an|l[iyu]|enko|ев|ёв|ов|ева|ова|ин|ина|ян|ли|лы|енко)$")


def _looks_like_surname(word):
    lower = word.lower()
    stems = [lower] + [lower[: -len(e)] for e in RUSSIAN_ENDINGS if lower.endswith(e) and len(lower) > len(e) + 2]
    return any(SURNAME.search(stem) for stem in stems)


NOT_A_FIRST_NAME = re.compile(
    r"^(?:the|for|of|in|on|at|by|and|to|from|with|ambassador|president|minister|chairman|director|deputy|leader|"
    r"mr|mrs|ms|dr|professor|general|посол|президент|министр|председатель|директор|заместитель|лидер|господин)$",
    re.IGNORECASE,
)


def find_unknown_people(text, known_spans, not_names=()):
    """(name, offset) of "First Surname" pairs that match no record: for an editor to link to a person or reject.

    A rough rule (a capitalised word and a word with a usual surname ending), so these are only ever suggestions.
    """
    found, seen = [], set()
    position = 0
    while m := PERSON_NAME.search(text, position):
        # Step one word on, so "Leader Heydar Aliyev" still finds "Heydar Aliyev".
        position = m.start(2)
        start, end = m.span()
        first, last = m.groups()
        if (
            not _looks_like_surname(last)
            or NOT_A_FIRST_NAME.match(first)
            or "’" in first
            or "'" in first
            or any(last.lower().startswith(stem) for stem in not_names)
            or any(a < end and start < b for a, b in known_spans)
        ):
            continue
        key = tuple(min(_token_keys(word), key=len) for word in m.groups())
        if key not in seen:
            seen.add(key)
            found.append((m.group(), start))
    return found


# -- figures -----------------------------------------------------------------------------------------------

FIGURE = re.compile(
    r"(?P<hedge>\b(?:some|about|around|approximately|nearly|almost|over|more than|около|почти|более|свыше) )?"
    r"(?<![\d.,/:-])(?P<number>\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)(?![\d.,/:-]\d)(?:\u00a0| )+"
    r"(?P<noun>(?:U\.S\. )?[^\W\d_][\w’'-]*)"
)
NOT_COUNTED = re.compile(
    r"^(?:and|or|the|of|in|on|at|to|by|for|with|years?|year-old|days?|hours?|minutes?|km|kilometers?|percent|px|"
    r"год\w*|лет|г|дн\w*|час\w*|км|процент\w*|и|в|на|по|с)$|" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + "|"
    r"^(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)",
    re.IGNORECASE,
)
SCALES = {"mln": 10**6, "million": 10**6, "млн": 10**6, "bln": 10**9, "billion": 10**9, "млрд": 10**9}
PRECEDED_BY_MONTH = re.compile(rf"{EN_MONTH} $")
FIGURE_KINDS = [
    ("countries-resolutions", r"\bcountr|стран"),
    ("us-states-resolutions", r"\bstates\b|штат"),
    ("families-destroyed", r"famil|сем"),
    ("taken-captive", r"hostage|prisoner|captive|заложник|плен"),
    ("wounded", r"wounded|injured|ранен"),
    ("missing", r"unknown|missing|неизвестн|пропал"),
    ("children-lost-both-parents", r"both (?:of their )?parents|обоих родител"),
    ("children-lost-one-parent", r"one (?:of their )?parents?|одного из родител"),
    ("property-damage", r"damage|ущерб"),
    ("killed", r"kill|death|murder|victims|died|killed|убит|погиб|жертв"),
]


def find_figures(text):
    figures = []
    for m in FIGURE.finditer(text):
        noun = m.group("noun")
        digits = re.sub(r"\D", "", m.group("number"))
        after_month = PRECEDED_BY_MONTH.search(text, max(0, m.start("number") - 12), m.start("number"))
        is_year = len(digits) == 4 and 1900 <= int(digits) <= 2100 and "," not in m.group()
        if after_month or is_year or NOT_COUNTED.match(noun):
            continue
        end = len(text)
        for stop in (",", ".", ";", "\n", " – ", " — ", "("):
            pos = text.find(stop, m.end())
            if pos != -1 and not (stop == "." and text[pos - 3 : pos + 1] == "U.S."):
                end = min(end, pos)
        passage = text[m.start() : end].strip()
        sentence = sentence_around(text, m.start(), m.end())
        kind = next((slug for slug, pattern in FIGURE_KINDS if re.search(pattern, passage, re.I)), "")
        if not kind and re.search(r"kill|murder|death|убит|погиб", sentence, re.I):
            kind = "killed"
        scale = next((f for word, f in SCALES.items() if noun.lower().startswith(word)), 1)
        figures.append(FigureFound(int(digits) * scale, bool(m.group("hedge")), m.group().strip(), passage, kind))
    return figures


# -- anniversaries and the publication date ------------------------------------------------------------------


def occasion_stems(occasion):
    stems = []
    for place in (occasion.place_en, occasion.place_ru):
        word = (place or "").split(",")[0].split()
        if word:
            stem = word[0].rstrip("аеёиоуыэюяyaeiou")
            if len(stem) >= 4:
                stems.append(stem.lower())
    return stems


def find_mentions(doc, occasions):
    """Anniversary mentions in the headline and text, each tied to the occasion it counts from."""
    mentions = []
    if not occasions:
        return mentions
    whole = (doc.original_title + "\n" + doc.original_text).lower()
    named = [o for o in occasions if any(s in whole for s in occasion_stems(o))]
    for source in (doc.original_title, doc.original_text):
        found = []
        for kind, pattern in ANNIVERSARY_PATTERNS:
            for m in pattern.finditer(source):
                number = number_from_words(m.group("n"))
                if not number:
                    continue
                sentence = sentence_around(source, m.start(), m.end())
                occasion = next((o for o in occasions if any(s in sentence.lower() for s in occasion_stems(o))), None)
                occasion = occasion or (named[0] if len(named) == 1 else None)
                if occasion:
                    found.append((m.start(), Mention(kind, number, sentence, occasion)))
        mentions.extend(mention for _, mention in sorted(found, key=lambda pair: pair[0]))
    return mentions


def _both_languages(message, **values):
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
            reason = _both_languages(
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
                reason = _both_languages(
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
            notes = _both_languages(
                gettext_noop(
                    "The dateline “%(dateline)s” gives no year and the text gives nothing to infer it from; "
                    "an editor must set the date."
                ),
                dateline=doc.dateline,
            )
    elif date is None and best_year:
        date, precision, basis = datetime.date(best_year, 1, 1), DatePrecision.YEAR, DateBasis.INFERRED
        kind = AnniversaryMention.Kind(witness.kind).label  # lazy, so each language's note gets its own word
        notes = _both_languages(
            gettext_noop("The page carries no date. The year is inferred from “%(passage)s” (%(kind)s %(number)s)."),
            passage=witness.passage,
            kind=kind,
            number=witness.number,
        )
        if doc.header_time:
            time = None
    elif date is None:
        warnings.append(_("no date: the page prints none and states no anniversary to infer the year from"))
        notes = _both_languages(
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
        extra = _both_languages(
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
            date = _date_of(m)
            if date:
                dates.append(date)
    return dates


# -- writing ----------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What happened to one file: imported, revised, unchanged or failed, and why."""

    name: str
    status: str
    article: object = None
    message: str = ""
    warnings: list = field(default_factory=list)
    created: dict = field(default_factory=dict)
    removed: list = field(default_factory=list)  # the page furniture taken out, line by line

    IMPORTED = "imported"
    REVISED = "revised"
    UNCHANGED = "unchanged"
    FAILED = "failed"


def transliterate(text):
    return "".join(CYRILLIC_TO_LATIN.get(c, CYRILLIC_TO_LATIN.get(c.lower(), c)).replace("_", "") for c in text)


class DocumentImporter:
    """Imports documents one at a time, each in its own transaction; the known names are read once per run."""

    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.gazetteer = Gazetteer()
        self.occasions = list(Occasion.objects.all())
        self.figure_kinds = {kind.slug: kind for kind in FigureKind.objects.all()}
        self.outlet_names = [name for name, _ in self.gazetteer.outlets]

    def import_path(self, path):
        path = Path(path)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as error:
            return ImportResult(str(path), ImportResult.FAILED, message=_("cannot read: %s") % error.strerror)
        return self.import_bytes(raw, path.name, display_name=str(path))

    def import_bytes(self, raw, filename, display_name=None):
        name = display_name or filename
        try:
            text = decode_document(raw)
            sha256 = hashlib.sha256(raw).hexdigest()
            doc = parse_document(text, filename, sha256, self.outlet_names)
            with transaction.atomic():
                result = self._write(doc, name)
                if self.dry_run:
                    transaction.set_rollback(True)
            return result
        except DocumentError as error:
            return ImportResult(name, ImportResult.FAILED, message=str(error))
        except ValidationError as error:
            fields = "; ".join(f"{key}: {' '.join(map(str, value))}" for key, value in error.message_dict.items())
            return ImportResult(name, ImportResult.FAILED, message=_("the article would be invalid: %s") % fields)
        except Exception as error:
            # One broken file must not stop the others; its transaction has been undone.
            return ImportResult(
                name,
                ImportResult.FAILED,
                message=_("unexpected error, nothing of this file was kept: %(error)s")
                % {"error": f"{type(error).__name__}: {error}"},
            )

    def _write(self, doc, name):
        # One query for both identities: the same bytes (checksum) or the same document (file name).
        known = list(
            Article.objects.filter(Q(source_sha256=doc.sha256) | Q(source_filename=doc.filename)).order_by("pk")
        )
        same = next((a for a in known if a.source_sha256 == doc.sha256), None)
        revision = SourceRevision.objects.filter(source_sha256=doc.sha256).select_related("article").first()
        if same or revision:
            article = same or revision.article
            return ImportResult(name, ImportResult.UNCHANGED, article, _("already imported as “%s”") % article.slug)
        previous = known[0] if known else None
        if previous:
            SourceRevision.objects.create(
                article=previous,
                source_filename=doc.filename,
                source_sha256=doc.sha256,
                original_title=doc.original_title,
                original_text=doc.original_text,
            )
            return ImportResult(
                name,
                ImportResult.REVISED,
                previous,
                _("the text has changed since it was imported as “%(slug)s”; kept as a revision for an editor")
                % {"slug": previous.slug},
                created={"revisions": 1},
            )
        return self._create_article(doc, name)

    def _create_article(self, doc, name):
        lang = doc.language
        mentions = find_mentions(doc, self.occasions)
        date, time, precision, basis, notes, warnings = decide_date(doc, mentions)
        citations, named_outlet, how = find_citations(doc, self.gazetteer)
        outlet, outlet_notes = self._outlet(doc, named_outlet, how, warnings)

        title, supplied = doc.original_title, False
        if not title:
            title, supplied = self._supplied_title(doc.lead[len(doc.dateline) :].lstrip(" .,—–-")), True
            warnings.append(_("no headline: the title is the opening sentence, for an editor to rewrite"))
        article = Article(
            slug=self._slug(outlet, date, title, doc.sha256),
            title_supplied=supplied,
            status=Status.DRAFT,
            original_language=lang,
            original_title=doc.original_title,
            original_text=doc.original_text,
            source_filename=doc.filename,
            source_sha256=doc.sha256,
            section=doc.section,
            outlet=outlet,
            dateline=doc.dateline,
            published_on=date,
            published_time=time,
            published_on_precision=precision,
            published_on_basis=basis,
        )
        setattr(article, f"title_{lang}", title)
        setattr(article, f"lead_{lang}", doc.lead)
        setattr(article, f"body_{lang}", doc.body)
        for code in ("en", "ru"):
            setattr(article, f"published_on_note_{code}", notes[code])
            setattr(article, f"outlet_note_{code}", outlet_notes[code])
        # The other language's title, lead and body stay empty until a translator writes them.
        # The slug was just checked to be free, so the unique checks' queries are not repeated.
        article.full_clean(
            exclude=[f"{f}{code}" for f in ("title", "lead", "body") for code in ("", "_en", "_ru")],
            validate_unique=False,
        )
        article.save()

        created = {"articles": 1}
        rows = []
        for position, citation in enumerate(citations, start=1):
            descriptions = self._citation_descriptions(citation, outlet)
            rows.append(
                SourceCitation(
                    article=article,
                    position=position,
                    relation=citation.relation,
                    organization=citation.organization,
                    passage=citation.passage,
                    description_en=descriptions["en"],
                    description_ru=descriptions["ru"],
                )
            )
        SourceCitation.objects.bulk_create(rows)
        created["citations"] = len(citations)
        AnniversaryMention.objects.bulk_create(
            AnniversaryMention(
                article=article, position=i, occasion=m.occasion, kind=m.kind, number=m.number, passage=m.passage
            )
            for i, m in enumerate(mentions, start=1)
        )
        created["anniversary mentions"] = len(mentions)
        suggestions = self._suggestions(article, doc)
        ImportSuggestion.objects.bulk_create(suggestions)
        created["suggestions"] = len(suggestions)
        return ImportResult(name, ImportResult.IMPORTED, article, "", warnings, created, doc.removed)

    def _outlet(self, doc, named, how, warnings):
        if doc.trailing_outlet:
            record = self.gazetteer.outlet_named(doc.trailing_outlet)
            return record, _both_languages(
                gettext_noop("The page ends with the outlet's name, “%(name)s”."), name=doc.trailing_outlet
            )
        if named:
            record = self.gazetteer.outlet_named(named)
            if record:
                return record, _both_languages(gettext_noop("The text says “%(passage)s”."), passage=how)
            warnings.append(_("the text names the outlet “%s”, which is not yet a record in the archive") % named)
            return None, _both_languages(
                gettext_noop(
                    "The text names the outlet “%(name)s” (“%(passage)s”), which is not yet a record in the archive."
                ),
                name=named,
                passage=how,
            )
        lost = LOST_OUTLET.search(doc.lead)
        warnings.append(_("the page does not name its outlet"))
        if lost:
            return None, _both_languages(
                gettext_noop(
                    "The saved page does not name the outlet: the text says “…%(end)s” with the name missing, probably "
                    "a link lost when the page was copied."
                ),
                end=lost.group(),
            )
        return None, _both_languages(gettext_noop("The saved page does not name the outlet."))

    def _citation_descriptions(self, citation, outlet):
        descriptions = {}
        for code in ("en", "ru"):
            with translation.override(code):
                source = citation.organization and getattr(citation.organization, f"name_{code}")
                source = source or citation.organization_name or citation.passage
                outlet_name = getattr(outlet, f"name_{code}", "") if outlet else _("the outlet")
                templates = {
                    "cites_agency": _("%(outlet)s, citing %(source)s"),
                    "told_by": _("%(source)s, speaking to %(outlet)s"),
                    "bureau": _("A bureau of %(source)s"),
                    "attributes": _("Attributed in the text: “%(passage)s”"),
                }
                descriptions[code] = templates[citation.relation] % {
                    "outlet": outlet_name,
                    "source": source,
                    "passage": citation.passage,
                }
        return descriptions

    def _suggestions(self, article, doc):
        text = doc.original_title + "\n\n" + doc.original_text
        suggestions, seen, spans = [], set(), []
        for entry, written, start in self.gazetteer.find(text):
            spans.append((start, start + len(written)))
            key = (entry.kind, entry.record.pk)
            if key in seen:
                continue
            seen.add(key)
            suggestions.append(
                ImportSuggestion(
                    article=article,
                    kind=entry.kind,
                    text=written[:300],
                    passage=sentence_around(text, start, start + len(written)),
                    **{entry.kind: entry.record},
                )
            )
        occasion_words = [stem for occasion in self.occasions for stem in occasion_stems(occasion)]
        for written, start in find_unknown_people(text, spans, occasion_words):
            suggestions.append(
                ImportSuggestion(
                    article=article,
                    kind=ImportSuggestion.Kind.PERSON,
                    text=written,
                    passage=sentence_around(text, start, start + len(written)),
                )
            )
        for figure in find_figures(doc.original_text):
            suggestions.append(
                ImportSuggestion(
                    article=article,
                    kind=ImportSuggestion.Kind.FIGURE,
                    text=figure.text[:300],
                    passage=figure.passage,
                    value=figure.value,
                    approximate=figure.approximate,
                    figure_kind=self.figure_kinds.get(figure.kind_slug),
                )
            )
        for position, suggestion in enumerate(suggestions, start=1):
            suggestion.position = position
        return suggestions

    @staticmethod
    def _supplied_title(lead):
        sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
        if len(sentence) > 200:
            sentence = sentence[:200].rsplit(" ", 1)[0] + "…"
        return sentence

    @staticmethod
    def _slug(outlet, date, title, sha256):
        prefix = outlet.slug if outlet else "unknown-outlet"
        words = slugify(transliterate(title))[:60].rsplit("-", 1)[0] or "untitled"
        base = f"{prefix}-{date.isoformat() if date else 'undated'}-{words}"[:100]
        # Two different documents with the same outlet, date and title are told apart by their checksums.
        for slug in (base, f"{base}-{sha256[:8]}", f"{base}-{sha256[:16]}"):
            if not Article.objects.filter(slug=slug).exists():
                return slug
        raise DocumentError(_("no free slug for “%s”; rename the existing article") % base)


def iter_document_paths(paths):
    """Files named directly, and the files inside folders (recursively, sorted, hidden ones skipped).

    Missing paths are yielded as they are, so that the importer reports them.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path
