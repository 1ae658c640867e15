"""The search page's results: what `searchindex` finds, ranked, grouped by kind, with facets, highlighted snippets
and, when the words are not the archive's, "Did you mean …?".

Every query word must occur in a record (as any of its word forms, or under its name key: another spelling or
script), in its own fields or in the rows its page shows from a published article. Records are read through their
kind's `published()` / `public()` queryset, so a record that is not public never appears whatever the index says.
Names come first: a record whose name or title holds every word outranks one that only mentions them.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from searchindex import analysis, documents, matching
from wordforms import tokens

SNIPPET_WORDS = 30
GROUP_SIZE = 5


@dataclass(frozen=True)
class Kind:
    """One kind of searchable record: how it is labelled, which fields hold its name, text and original."""

    name: str
    label: str
    plural: str
    title_field: str
    fields: tuple
    original_fields: tuple = ()
    variant_fields: tuple = ()
    weight: float = 1.0

    @property
    def is_name(self):
        return self.name in ("person", "venue", "organization")


# Other spellings of a name: the reports' own, and the archive's (shown when they are what matched).
VARIANTS = ("name_variants", "other_spellings")
KINDS = {
    kind.name: kind
    for kind in (
        Kind("person", _("Person"), _("People"), "name", ("description",), variant_fields=VARIANTS, weight=1.5),
        Kind("venue", _("Venue"), _("Venues"), "name", ("city", "region", "country", "description"), weight=1.3),
        Kind("organization", _("Organization"), _("Organizations"), "name", ("description",), (), VARIANTS, 1.3),
        Kind("event", _("Event"), _("Events"), "title", ("description", "audience"), weight=1.2),
        Kind("article", _("Article"), _("Articles"), "title", ("lead", "body"), ("original_text",)),
    )
}


class Marker:
    """Which written words answer a query: those sharing a token with one of its words."""

    def __init__(self, alternatives):
        self.tokens = frozenset().union(*alternatives) if alternatives else frozenset()

    def marks(self, word):
        return bool(analysis.word_tokens(word, keyed=True) & self.tokens)


@dataclass
class Result:
    """One record found; its highlighted title and snippets are made only if the result is shown."""

    kind: Kind
    obj: object
    score: float
    marker: Marker
    language: str
    parts: list = field(default_factory=list)

    label = property(lambda self: self.kind.label)

    @cached_property
    def url(self):
        return self.obj.get_absolute_url()

    @cached_property
    def _title(self):
        other = "ru" if self.language == "en" else "en"
        for code in (self.language, other):
            text = getattr(self.obj, f"{self.kind.title_field}_{code}", "") or ""
            if text:
                return highlight(text, self.marker, words=len(text)) or escape(text), code
        return "", ""

    title = property(lambda self: self._title[0])
    title_language = property(lambda self: self._title[1])

    @cached_property
    def _snippets(self):
        """(translation snippet, its language, original snippet, its language)."""
        language = self.language
        other = "ru" if language == "en" else "en"
        original_language = getattr(self.obj, "original_language", "")
        translated = [(getattr(self.obj, f"{name}_{language}", ""), language) for name in self.kind.fields]
        translated += [(part[f"text_{language}"], language) for part in self.parts]
        translated += [(getattr(self.obj, f"{name}_{other}", ""), other) for name in self.kind.fields]
        translated += [(part[f"text_{other}"], other) for part in self.parts]
        originals = [(getattr(self.obj, name, ""), original_language) for name in self.kind.original_fields]
        originals += [(part["text_original"], "") for part in self.parts]
        snippet = _first_snippet(translated, self.marker)
        original = _first_snippet(originals, self.marker)
        if original[0] and (not snippet[0] or (original_language and original_language != snippet[1])):
            return (*snippet, *original)
        if not snippet[0]:
            names = [(getattr(self.obj, name, ""), "") for name in self.kind.variant_fields]
            snippet = _first_snippet(names, self.marker)
        return (*snippet, "", "")

    snippet = property(lambda self: self._snippets[0])
    snippet_language = property(lambda self: self._snippets[1])
    original_snippet = property(lambda self: self._snippets[2])
    original_language = property(lambda self: self._snippets[3])


@dataclass
class Group:
    """The results of one kind: how many records match, and the best ones."""

    kind: Kind
    count: int
    results: list


@dataclass
class Found:
    """Everything the search page shows."""

    words: list = field(default_factory=list)
    results: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    facets: matching.Facets = field(default_factory=matching.Facets)
    cut_short: list = field(default_factory=list)
    suggestion: str = ""
    # True when nothing matched the query as typed and the results are those of `suggestion`.
    showing_suggestion: bool = False
    # True when more entries matched than are read (matching.MAX_MATCHES): the counts are then at least these.
    capped: bool = False

    @property
    def total(self):
        return sum(self.facets.kinds.values())


def search(query, language, kind=None, year=None, original_language=None):
    """Public records matching every word of the query, best first, grouped by kind, with facet counts.

    At most SEARCH_RESULT_LIMIT records of each kind are ranked: for articles and events, the newest that match,
    so a word found in half the archive costs no more than a rare one; `cut_short` names the kinds where more
    matched. `language` is the visitor's: titles and snippets come from text in that language when it matches.
    """
    words = analysis.query_words(query)
    found = _find(words, language, kind, year, original_language)
    # Nothing found: the words the archive has in no form are probably mistyped. (Only then, so that a search
    # that finds something costs the same number of queries however much it finds.)
    if found.total or not words or (corrected := _corrected(words)) is None:
        return found
    retry = _find(analysis.query_words(corrected), language, kind, year, original_language)
    if not retry.total:
        return found
    retry.suggestion, retry.showing_suggestion = corrected, True
    return retry


def _find(words, language, kind, year, original_language):
    found = Found(words=words)
    if not words:
        return found
    alternatives = [analysis.query_alternatives(word) for word in words]
    marker = Marker(alternatives)
    matched = matching.matches(alternatives)
    found.capped = matched.capped
    found.facets = matching.facets(matched, kind, year, original_language)
    looks_like_a_name = all(word[:1].isupper() or word.isdigit() for word in words)
    kinds = [KINDS[kind]] if kind in KINDS else list(KINDS.values())
    chosen = {}
    for kind_ in kinds:
        chosen[kind_.name], more = matching.candidates(
            matched, kind_.name, settings.SEARCH_RESULT_LIMIT, year, original_language
        )
        if more:
            found.cut_short.append(kind_)
    described = matching.read_candidates(chosen)
    for kind_ in kinds:
        ids = list(chosen[kind_.name])
        # `matching.matches` kept only entries of public records: read them, without asking again.
        records = documents.model(kind_.name).objects.in_bulk(ids) if ids else {}
        results = []
        for object_id in ids:
            record, candidate = records.get(object_id), described.get((kind_.name, object_id))
            if record is None or candidate is None:
                continue
            in_name = sum(1 for options in alternatives if options & candidate.names)
            score = kind_.weight + 10 * in_name / len(words)
            if in_name == len(words):
                score += 100 if kind_.is_name or looks_like_a_name else 20
            results.append(Result(kind_, record, score, marker, language, candidate.parts))
        results.sort(key=lambda result: -result.score)  # stable: the newest first among equals
        found.results += results
        if results:
            found.groups.append(Group(kind_, found.facets.kinds.get(kind_.name, len(results)), results[:GROUP_SIZE]))
    found.results.sort(key=lambda result: -result.score)
    found.groups.sort(key=lambda group: -group.results[0].score)
    return found


def _corrected(words):
    """The query with each word the archive has nowhere (in no form, under no key) replaced by the closest word it
    has, in the case the visitor typed; None when there is nothing to replace."""
    corrected = []
    changed = False
    for word in words:
        replacement = None
        if not word.isdigit() and len(word) >= 4 and not matching.occurs(analysis.query_alternatives(word)):
            replacement = matching.closest_word(word)
        if replacement and word[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        corrected.append(replacement or word)
        changed |= replacement is not None
    return " ".join(corrected) if changed else None


def _first_snippet(candidates, marker):
    for text, text_language in candidates:
        if text and (html := highlight(text, marker)) is not None:
            return html, text_language
    return "", ""


def highlight(text, marker, words=SNIPPET_WORDS):
    """A window of `text` around the first word the query matches, matches marked; None if none matches."""
    spans = list(tokens.WORD.finditer(text))
    first = next((i for i, match in enumerate(spans) if marker.marks(match.group())), None)
    if first is None:
        return None
    start_index = max(first - words // 3, 0)
    end_index = min(start_index + words, len(spans)) - 1
    start = spans[start_index].start()
    end = spans[end_index].end()
    parts = ["…" if start > 0 else ""]
    position = start
    for match in spans[start_index : end_index + 1]:
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if marker.marks(match.group()) else word)
        position = match.end()
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))
