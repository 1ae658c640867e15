"""Names across languages and transliterations: the known records in a text, and names with no record yet."""

import bisect
import functools
import re
from dataclasses import dataclass

from events.models import Organization, Person, Venue
from importing.models import ImportSuggestion
from wordforms.phonetic import name_key

# `name_key` is the project's one spelling-independent key (wordforms.phonetic): "Atamoghlanov" and "Атамогланов"
# give the same one. A Cyrillic word is also tried without a case ending, so "Атамогланова" meets it too.
RUSSIAN_ENDINGS = ("ого", "ому", "ой", "ей", "ым", "ом", "ем", "ою", "а", "у", "е", "ы", "и", "ю")
WORD = re.compile(r"[^\W\d_](?:[\w.’'-]*\w)?")
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


# Names ending in -а/-я (first names such as Лейла, women's surnames such as Алиева) lose it in the other cases
# ("Лейлы Алиевой", "Алиеву"): the stem with -а and with -я is tried too, so "Лейлы Алиевой" meets "Лейла Алиева",
# not only the men's "Алиев".
FEMININE_ENDINGS = ("ой", "ою", "ей", "ы", "и", "е", "у", "ю")


@functools.lru_cache(maxsize=100_000)
def token_keys(word):
    keys = {name_key(word)}
    if CYRILLIC.search(word):
        lower = word.lower()
        keys.update(name_key(word[: -len(e)]) for e in RUSSIAN_ENDINGS if lower.endswith(e) and len(lower) > len(e) + 2)
        for ending in FEMININE_ENDINGS:
            if lower.endswith(ending) and len(lower) > len(ending) + 2:
                keys.update(name_key(word[: -len(ending)] + vowel) for vowel in ("а", "я"))
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
                # The archive's own spellings find a record too: matching is a suggestion, not evidence.
                spellings = (getattr(record, field, "") for field in ("name_variants", "other_spellings"))
                names = {record.name_en, record.name_ru, *(line for text in spellings for line in text.splitlines())}
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
        keys = [token_keys(t.group()) for t in tokens]
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


# Bounded words: "Aa-Aa-Aa-…" has a word boundary at every capital, and an unbounded word was re-read from each.
PERSON_NAME = re.compile(r"\b([A-ZА-ЯЁ][a-zа-яё’'-]{1,40}) ([A-ZА-ЯЁ][a-zа-яё’'-]{1,40})\b")
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
    """(name, offset) of "First Surname" pairs that match no record, in order, one at a time: for an editor to link
    to a person or reject; the caller stops when it has enough.

    A rough rule (a capitalised word and a word with a usual surname ending), so these are only ever suggestions.
    `known_spans` are the (start, end) of the names already matched, in order and not overlapping.
    """
    starts = [a for a, _ in known_spans]
    seen = set()
    position = 0
    while m := PERSON_NAME.search(text, position):
        # Step one word on, so "Leader Heydar Aliyev" still finds "Heydar Aliyev".
        position = m.start(2)
        start, end = m.span()
        first, last = m.groups()
        # The last known name starting before this one ends is the only one that can overlap it.
        before = bisect.bisect_left(starts, end) - 1
        if (
            not _looks_like_surname(last)
            or NOT_A_FIRST_NAME.match(first)
            or "’" in first
            or "'" in first
            or any(last.lower().startswith(stem) for stem in not_names)
            or (before >= 0 and known_spans[before][1] > start)
        ):
            continue
        key = tuple(min(token_keys(word), key=len) for word in m.groups())
        if key not in seen:
            seen.add(key)
            yield m.group(), start
