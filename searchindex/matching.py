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

from django.db import connection
from django.db.models import BooleanField, Count, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from archive.models import Article
from events.models import Event

from . import documents
from .models import Entry, Word

SIMILARITY = 0.3
CANDIDATES = 20


def public_records(kind):
    """The records of a kind visitors may see, through its `published()` or `public()` queryset."""
    model = documents.model(kind)
    manager = model.objects
    return manager.published() if hasattr(manager, "published") else manager.public()


def public_q(kinds=documents.KINDS):
    """Entries of public records whose rows, if taken from an article (and an event), are public too."""
    records = Q()
    for kind in kinds:
        records |= Q(kind=kind, object_id__in=public_records(kind).values("pk"))
    article = Q(article_id__isnull=True) | Q(article_id__in=Article.objects.published().values("pk"))
    event = Q(event_id__isnull=True) | Q(event_id__in=Event.objects.published().values("pk"))
    return records & article & event


def _word_condition(alternatives):
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Entry._meta.db_table)
        return RawSQL(f"{table}.term_array && %s::text[]", (sorted(alternatives),), output_field=BooleanField())
    condition = Q()
    for token in sorted(alternatives):
        condition |= Q(terms__contains=f" {token} ")
    return condition


def matching(alternatives, kinds=documents.KINDS):
    """Entries of public records in which every query word (one of its alternative tokens) occurs."""
    entries = Entry.objects.filter(public_q(kinds))
    for word_alternatives in alternatives:
        entries = entries.filter(_word_condition(word_alternatives))
    return entries


@dataclass
class Facets:
    """How many records match, by kind, by year and by the language of the original (for articles)."""

    kinds: Counter = field(default_factory=Counter)
    years: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)


def facets(alternatives, kind=None, year=None, language=None):
    """Counts of matching records for each facet, each with the other facets' choices applied."""

    def narrowed(*, by_kind=True, by_year=True, by_language=True):
        entries = matching(alternatives, [kind] if kind and by_kind else documents.KINDS)
        if year and by_year:
            entries = entries.filter(year=year)
        if language and by_language:
            entries = entries.filter(original_language=language)
        return entries

    def count(entries, name):
        rows = entries.values(name).annotate(records=Count("object_id", distinct=True)).order_by()
        return Counter({row[name]: row["records"] for row in rows if row[name] not in (None, "")})

    kinds_ = Counter()
    for row in narrowed(by_kind=False).values("kind").annotate(records=Count("object_id", distinct=True)).order_by():
        kinds_[row["kind"]] = row["records"]
    return Facets(
        kinds=kinds_,
        years=count(narrowed(by_year=False), "year"),
        languages=count(narrowed(by_language=False).filter(kind="article"), "original_language"),
    )


@dataclass
class Candidate:
    """A matching record as the index describes it, before it is read: which of its texts matched."""

    kind: str
    object_id: int
    sort_date: object = None
    names: set = field(default_factory=set)
    parts: list = field(default_factory=list)


def candidates(alternatives, kind, limit, year=None, language=None):
    """The newest `limit` matching records of a kind (and whether more match), with their matching entries."""
    entries = matching(alternatives, [kind])
    if year:
        entries = entries.filter(year=year)
    if language:
        entries = entries.filter(original_language=language)
    rows = entries.order_by("-sort_date", "-object_id", "pk").values(
        "pk", "object_id", "sort_date", "names", "part", "text_en", "text_ru", "text_original"
    )
    found = {}
    for row in rows[: limit * 4]:
        candidate = found.get(row["object_id"])
        if candidate is None:
            if len(found) == limit:
                return list(found.values()), True
            candidate = found[row["object_id"]] = Candidate(kind, row["object_id"], row["sort_date"])
        candidate.names |= set(row["names"].split())
        if row["part"]:
            candidate.parts.append(row)
    return list(found.values()), False


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
    return Entry.objects.filter(_word_condition(alternatives)).exists()


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
