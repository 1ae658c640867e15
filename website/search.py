"""Search over both languages at once, finding word forms, with highlighted snippets.

The backend is chosen in one place, `backend()`: PostgreSQL full-text search (the `english`
configuration for English fields, `russian` for Russian fields and the verbatim originals, whose
parser stems Latin words with the English stemmer as well, stored per row in a generated
`search_document` column with a GIN index made by the migrations) or, on other databases, a fallback that
narrows the rows in SQL with each word's stem prefix and then confirms them in Python with the same
Snowball stemmers. Snippets and highlighting are made here in Python for both backends, so results
look the same everywhere. Only `published()` / `public()` rows are ever searched.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import snowballstemmer
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wordforms import russian

WORD = re.compile(r"\w+", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_STEMMERS = {"en": snowballstemmer.stemmer("english"), "ru": snowballstemmer.stemmer("russian")}
SNIPPET_WORDS = 30
MIN_TERM_LENGTH = 2


def backend():
    """ "postgres" on PostgreSQL, otherwise "python"; the one place the search backend is chosen."""
    return "postgres" if connection.vendor == "postgresql" else "python"


@lru_cache(maxsize=100_000)
def stem(word):
    """The Snowball stem of one word, using the Russian stemmer for Cyrillic and English otherwise."""
    word = word.lower().replace("ё", "е")
    return _STEMMERS["ru" if CYRILLIC.search(word) else "en"].stemWord(word)


def _has_dictionary_forms(term):
    """A Russian word other than a preposition, conjunction or particle: its dictionary forms are searched too."""
    return bool(CYRILLIC.search(term)) and not russian.is_function_word(term)


@lru_cache(maxsize=20_000)
def term_stems(term):
    """The stems under which a query word may stand in a text: its own, and for a Russian word those of its
    dictionary forms (wordforms.russian), so "Атамогланова" meets "Атамогланов" and "послов" meets "посол"."""
    stems = {stem(term)}
    if _has_dictionary_forms(term):
        stems |= {stem(lemma) for lemma in russian.lemmas(term)}
    return frozenset(stems)


def query_terms(query):
    """The words of a query worth searching for (at least two characters), in order, without repeats."""
    seen = []
    for word in WORD.findall(query or ""):
        if len(word) >= MIN_TERM_LENGTH and word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    return seen[:10]


@dataclass
class Target:
    """One kind of searchable record: its queryset, its fields in each language, and how it is shown."""

    kind: str
    label: str
    queryset: callable
    fields_en: tuple
    fields_ru: tuple
    fields_any: tuple = ()
    title_field: str = "title"
    weight: float = 1.0
    # Kinds that grow without bound rank only their newest matches (see `search`); names are few enough to rank all.
    newest_first: tuple = ()

    def fields(self):
        return self.fields_en + self.fields_ru + self.fields_any


def _targets():
    from archive.models import Article
    from events.models import Event, Organization, Person, Venue

    return [
        Target(
            "article",
            _("Article"),
            lambda: Article.objects.published(),
            ("title_en", "lead_en", "body_en"),
            ("title_ru", "lead_ru", "body_ru"),
            ("original_title", "original_text"),
            weight=1.0,
            newest_first=("-published_on", "-pk"),
        ),
        Target(
            "event",
            _("Event"),
            lambda: Event.objects.published(),
            ("title_en", "description_en", "audience_en"),
            ("title_ru", "description_ru", "audience_ru"),
            (),
            weight=1.2,
            newest_first=("-held_on", "-pk"),
        ),
        Target(
            "person",
            _("Person"),
            lambda: Person.objects.public(),
            ("name_en", "description_en"),
            ("name_ru", "description_ru"),
            ("name_variants", "other_spellings"),
            title_field="name",
            weight=1.5,
        ),
        Target(
            "venue",
            _("Venue"),
            lambda: Venue.objects.public(),
            ("name_en", "city_en", "country_en", "description_en"),
            ("name_ru", "city_ru", "country_ru", "description_ru"),
            (),
            title_field="name",
            weight=1.3,
        ),
        Target(
            "organization",
            _("Organization"),
            lambda: Organization.objects.public(),
            ("name_en", "description_en"),
            ("name_ru", "description_ru"),
            ("name_variants", "other_spellings"),
            title_field="name",
            weight=1.3,
        ),
    ]


@dataclass
class Result:
    """One record found; its highlighted title and snippet are made only if the result is shown."""

    kind: str
    label: str
    obj: object
    rank: float
    target: Target
    stems: list
    language: str

    @cached_property
    def url(self):
        return self.obj.get_absolute_url()

    @cached_property
    def _title(self):
        return title_for(self.obj, self.target, self.stems, self.language)

    @cached_property
    def _snippet(self):
        return snippet_for(self.obj, self.target, self.stems, self.language)

    title = property(lambda self: self._title[0])
    title_language = property(lambda self: self._title[1])
    snippet = property(lambda self: self._snippet[0])
    snippet_language = property(lambda self: self._snippet[1])


@dataclass
class Found:
    """The results, best first, and the kinds of record of which more matched than were ranked."""

    results: list = field(default_factory=list)
    cut_short: list = field(default_factory=list)


def search(query, language):
    """Published records matching every word of the query in either language, best first.

    At most SEARCH_RESULT_LIMIT records of each kind are ranked: for articles and events, the newest
    that match, so that a word found in half the archive costs no more than a rare one; `cut_short`
    names the kinds where that limit was reached. `language` is the visitor's language: snippets come
    from text in that language when it matches.
    """
    terms = query_terms(query)
    found = Found()
    if not terms:
        return found
    alternatives = [term_stems(term) for term in terms]
    stems = sorted(set().union(*alternatives))
    find = _postgres_matches if backend() == "postgres" else _python_matches
    for target in _targets():
        matches, cut_short = find(target, terms, alternatives)
        if cut_short:
            found.cut_short.append(target)
        for obj, rank in matches:
            found.results.append(
                Result(
                    kind=target.kind,
                    label=target.label,
                    obj=obj,
                    rank=rank * target.weight,
                    target=target,
                    stems=stems,
                    language=language,
                )
            )
    found.results.sort(key=lambda r: -r.rank)
    return found


def _postgres_matches(target, terms, alternatives):
    """Rows whose stored `search_document` matches (the GIN index finds them), ranked against that column.

    The column and its index are made by the migrations named `search_document` from the same fields
    as `target.fields_en` (english configuration) and `fields_ru + fields_any` (russian). For a kind
    with `newest_first`, the newest matches are taken in date order, which PostgreSQL reads from the
    date index and stops after the limit, and only those are ranked: ranking every match of a common
    word at archive size reads tens of thousands of documents.
    """
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
    from django.db.models.expressions import RawSQL

    queryset = target.queryset()
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    document = RawSQL(f"{table}.search_document", [], output_field=SearchVectorField())
    search_query = None
    for term in terms:
        # Each word in either configuration, or (Russian) any of its dictionary forms; every word must match.
        # A Russian word is looked up in the russian configuration only, so that its stop words ("для", "по")
        # drop out as they do in the stored column, instead of being required in the English part.
        either = SearchQuery(term, config="russian", search_type="plain")
        if not CYRILLIC.search(term):
            either = SearchQuery(term, config="english", search_type="plain") | either
        elif _has_dictionary_forms(term):
            for lemma in sorted(russian.lemmas(term)):
                either |= SearchQuery(lemma, config="russian", search_type="plain")
        search_query = either if search_query is None else search_query & either
    rows = (
        queryset.alias(search_document=document)
        .filter(search_document=search_query)
        .annotate(search_rank=SearchRank(document, search_query))
        .order_by(*(target.newest_first or ["-search_rank"]))[: settings.SEARCH_RESULT_LIMIT + 1]
    )
    # Words found in the title break ties between rows that PostgreSQL ranks alike.
    rows = list(rows)
    ranked = [
        (row, row.search_rank + _title_hits(row, target, alternatives) / 100)
        for row in rows[: settings.SEARCH_RESULT_LIMIT]
    ]
    return sorted(ranked, key=lambda match: -match[1]), len(rows) > settings.SEARCH_RESULT_LIMIT


def _prefix(term, term_stem):
    """The part of a word its other forms share: the common prefix of the word and its stem."""
    word = term.lower().replace("ё", "е")
    # English stems end in i where the words end in y or ies ("ceremoni": "ceremony", "ceremonies").
    term_stem = term_stem[:-1] if term_stem.endswith("i") and not CYRILLIC.search(word) else term_stem
    length = 0
    for a, b in zip(word, term_stem, strict=False):
        if a != b:
            break
        length += 1
    return word[: max(length, MIN_TERM_LENGTH)]


def _python_matches(target, terms, alternatives):
    """SQL narrows by each word's stem prefixes (case variants, since SQLite folds ASCII only); Python confirms."""
    queryset = target.queryset()
    for term, term_stems_ in zip(terms, alternatives, strict=True):
        condition = Q()
        for prefix in {_prefix(term, term_stem) for term_stem in term_stems_}:
            for variant in {prefix, prefix.capitalize(), prefix.upper()}:
                for name in target.fields():
                    condition |= Q(**{f"{name}__contains": variant})
        queryset = queryset.filter(condition)
    if target.newest_first:
        queryset = queryset.order_by(*target.newest_first)
    scan_limit = settings.SEARCH_RESULT_LIMIT * 5
    rows = list(queryset[:scan_limit])
    matches = [(row, hits) for row in rows if (hits := _term_hits(row, target, alternatives))]
    # A full scan may have left confirmed matches unread: report the kind as cut short, as PostgreSQL's does.
    cut_short = len(rows) >= scan_limit or len(matches) > settings.SEARCH_RESULT_LIMIT
    return sorted(matches[: settings.SEARCH_RESULT_LIMIT], key=lambda match: -match[1]), cut_short


def _stems_of(text):
    return {stem(word) for word in WORD.findall(text or "")}


def _title_hits(row, target, alternatives):
    """How many of the query's words the record's title has, in either language."""
    titles = [_stems_of(getattr(row, f"{target.title_field}_{code}", "")) for code in ("en", "ru")]
    return sum(1 for title in titles for stems in alternatives if title & stems)


def _term_hits(row, target, alternatives):
    """How many fields mention the query's words, 0 unless every word (in one of its forms) occurs in the record."""
    found = set()
    hits = 0
    for name in target.fields():
        text = _stems_of(getattr(row, name, ""))
        present = {index for index, stems in enumerate(alternatives) if text & stems}
        if present:
            hits += len(present) * (3 if name.startswith(target.title_field) else 1)
            found |= present
    return hits if len(found) == len(alternatives) else 0


def title_for(obj, target, stems, language):
    """(HTML, language) of the record's title in the visitor's language (else the other one), words marked."""
    other = "ru" if language == "en" else "en"
    text = getattr(obj, f"{target.title_field}_{language}", "")
    text_language = language
    if not text:
        text, text_language = getattr(obj, f"{target.title_field}_{other}", ""), other
    return highlight(text, stems, words=len(text)) or escape(text), text_language


def snippet_for(obj, target, stems, language):
    """(HTML, language) of about thirty words around the first match, the words wrapped in <mark>.

    Text in the visitor's language is preferred, then the verbatim original, then the other language;
    the language is empty when it is not known (other spellings of a name mix both).
    """
    other_language = "ru" if language == "en" else "en"
    own = target.fields_en if language == "en" else target.fields_ru
    other = target.fields_ru if language == "en" else target.fields_en
    original_language = getattr(obj, "original_language", "")
    candidates = [(name, language) for name in own]
    candidates += [(name, original_language) for name in target.fields_any]
    candidates += [(name, other_language) for name in other]
    for name, text_language in candidates:
        text = getattr(obj, name, "") or ""
        if name.startswith(target.title_field + "_") or not text:
            continue
        html = highlight(text, stems)
        if html is not None:
            return html, text_language
    return "", ""


def highlight(text, stems, words=SNIPPET_WORDS):
    """A window of `text` around the first word whose stem is searched for, matches marked; None if none."""
    wanted = set(stems)
    tokens = list(WORD.finditer(text))
    first = next((i for i, m in enumerate(tokens) if stem(m.group()) in wanted), None)
    if first is None:
        return None
    start_index = max(first - words // 3, 0)
    end_index = min(start_index + words, len(tokens)) - 1
    start = tokens[start_index].start()
    end = tokens[end_index].end()
    parts = ["…" if start > 0 else ""]
    position = start
    for match in tokens[start_index : end_index + 1]:
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if stem(match.group()) in wanted else word)
        position = match.end()
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))
