"""Finding index entries: every query word must match (any of its tokens), only public records and the rows of
published articles count, and the few best of each kind are read; plus counts for the facets and, for words the
archive does not contain, the closest words it does ("Did you mean …?").

The two backends compare the same tokens: PostgreSQL with the `&&` (overlap) operator on a text array the
migration generates from `terms`, served by a GIN index; SQLite by looking for " token " in `terms`. Suggestions
take candidates by trigram similarity (pg_trgm's index on PostgreSQL, the word lengths on SQLite) and choose
among them with the same similarity computed here, so both backends suggest the same word.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from archive.models import Article
from events.models import Event

from . import documents
from .models import Entry, Word

SIMILARITY = 0.3
# Matches read for one search: enough for every result page and exact counts but for the commonest words.
MAX_MATCHES = 1000
CANDIDATES = 20


def public_records(kind):
    """The records of a kind visitors may see, through its `published()` or `public()` queryset."""
    model = documents.model(kind)
    manager = model.objects
    return manager.published() if hasattr(manager, "published") else manager.public()


def _word_condition(alternatives):
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Entry._meta.db_table)
        return RawSQL(f"{table}.term_array && %s::text[]", (sorted(alternatives),), output_field=BooleanField())
    condition = Q()
    for token in sorted(alternatives):
        condition |= Q(terms__contains=f" {token} ")
    return condition


class Match(NamedTuple):
    """One matching entry, in the few columns ranking, facets and visibility need."""

    pk: int
    kind: str
    object_id: int
    article_id: int
    event_id: int
    year: int
    original_language: str
    sort_date: object


@dataclass
class Matches:
    """The public entries in which every query word occurs, newest first; `capped` when more matched than were read."""

    entries: list
    capped: bool = False


def _undated_first(entries, limit):
    """Up to `limit` of `entries` without a date (the names of people, venues and organizations), in record order.

    Read apart from the dated ones: in one walk of the order index, newest first with the undated before them, a
    word no name has passed every undated entry first (107,000 at 100,000 articles) before meeting its first
    match. On PostgreSQL they are found through the GIN index of undated entries (migration 0004); the order
    index holds only dated entries, so it cannot be walked for them.
    """
    undated = entries.filter(sort_date__isnull=True).order_by("-object_id", "pk")
    return [Match(*row) for row in undated.values_list(*Match._fields)[:limit]]


def matches(alternatives):
    """Entries in which every query word (one of its alternative tokens) occurs, of public records only.

    The index finds the entries (at most MAX_MATCHES: names, which have no date, first, then the newest), and only
    then is it decided which of them visitors may see, for just the records and articles that matched: asking
    "which people are public" of the whole archive costs far more than of the handful a search finds.
    """
    entries = Entry.objects.all()
    for word_alternatives in alternatives:
        entries = entries.filter(_word_condition(word_alternatives))
    rows = _undated_first(entries, MAX_MATCHES + 1)
    if len(rows) <= MAX_MATCHES:
        # Newest first: a common word's matches are met at once walking the order index from the newest.
        dated = entries.filter(sort_date__isnull=False).order_by(F("sort_date").desc(), "-object_id", "pk")
        rows += [Match(*row) for row in dated.values_list(*Match._fields)[: MAX_MATCHES + 1 - len(rows)]]
    capped = len(rows) > MAX_MATCHES
    rows = rows[:MAX_MATCHES]
    public = {}
    for kind in documents.KINDS:
        ids = {row.object_id for row in rows if row.kind == kind}
        public[kind] = set(public_records(kind).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    articles = {row.article_id for row in rows if row.article_id is not None}
    events = {row.event_id for row in rows if row.event_id is not None}
    articles = (
        set(Article.objects.published().filter(pk__in=articles).values_list("pk", flat=True)) if articles else set()
    )
    events = set(Event.objects.published().filter(pk__in=events).values_list("pk", flat=True)) if events else set()
    visible = [
        row
        for row in rows
        if row.object_id in public[row.kind]
        and (row.article_id is None or row.article_id in articles)
        and (row.event_id is None or row.event_id in events)
    ]
    return Matches(visible, capped)


def narrowed(found, kind=None, year=None, language=None):
    """The matches of one kind, year and language of the original (each only when given)."""
    return [
        row
        for row in found.entries
        if (not kind or row.kind == kind)
        and (not year or row.year == year)
        and (not language or row.original_language == language)
    ]


def _count(rows, attribute):
    records = {}
    for row in rows:
        value = getattr(row, attribute)
        if value not in (None, ""):
            records.setdefault(value, set()).add((row.kind, row.object_id))
    return Counter({value: len(keys) for value, keys in records.items()})


@dataclass
class Facets:
    """How many records match, by kind, by year and by the language of the original (for articles)."""

    kinds: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)


def facets(found, kind=None, year=None, language=None):
    """Counts of matching records for each facet, each with the other facets' choices applied."""
    return Facets(
        kinds=_count(narrowed(found, None, year, language), "kind"),
        years=_count(narrowed(found, kind, None, language), "year"),
        languages=_count(narrowed(found, "article", year, None), "original_language"),
    )


@dataclass
class Candidate:
    """A matching record as the index describes it, before it is read: which of its texts matched."""

    kind: str
    object_id: int
    names: set = field(default_factory=set)
    parts: list = field(default_factory=list)


def candidates(found, kind, limit, year=None, language=None):
    """The newest `limit` matching records of a kind (and whether more match), with their matching entries."""
    chosen = {}
    more = False
    for row in narrowed(found, kind, year, language):
        if row.object_id not in chosen:
            if len(chosen) == limit:
                more = True
                break
            chosen[row.object_id] = []
        chosen[row.object_id].append(row.pk)
    return chosen, more


def read_candidates(chosen_by_kind):
    """{(kind, object_id): Candidate} with the names and texts of the chosen entries, in one query."""
    pks = [pk for chosen in chosen_by_kind.values() for pks in chosen.values() for pk in pks]
    rows = (
        Entry.objects.filter(pk__in=pks).values(
            "kind", "object_id", "names", "part", "text_en", "text_ru", "text_original"
        )
        if pks
        else []
    )
    found = {}
    for row in rows:
        key = (row["kind"], row["object_id"])
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = Candidate(row["kind"], row["object_id"])
        candidate.names |= set(row["names"].split())
        if row["part"]:
            candidate.parts.append(row)
    return found


def trigrams(word):
    """pg_trgm's trigrams of one word: lower case, two spaces before and one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def occurs(alternatives):
    """Whether any text of the index has one of these tokens (public or not: this only decides whether to look
    for a correction, and a correction is offered only if it finds public records)."""
    entries = Entry.objects.filter(_word_condition(alternatives))
    if connection.vendor != "postgresql":
        return entries.exists()
    # Asked for one row, PostgreSQL would scan the table hoping to meet one soon, which for a word no text has
    # means reading all of it (a second at 100,000 articles); the GIN index answers at once.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return entries.exists()


def closest_word(word):
    """The archive's word most like `word` (trigram similarity at least 0.3), or None."""
    word = word.lower().replace("ё", "е")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        pool = (
            Word.objects.filter(word__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("word", word))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)[:CANDIDATES]
        )
    else:
        pool = (
            Word.objects.annotate(length=Length("word"))
            .filter(length__range=(len(word) - 3, len(word) + 3))
            .values_list("word", flat=True)
        )
    scored = [(similarity(word, other), other) for other in pool if other != word]
    scored = [(score, other) for score, other in scored if score >= SIMILARITY]
    return max(scored, key=lambda pair: (pair[0], [-ord(c) for c in pair[1]]))[1] if scored else None
