"""Anniversary mentions ("33rd anniversary", "прошло 22 года"), each tied to the occasion it counts from."""

import re
from dataclasses import dataclass

from archive.models import AnniversaryMention

from .limits import MAX_MENTIONS, Kept, keep_first
from .passages import sentence_around

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


@dataclass
class Mention:
    kind: str
    number: int
    passage: str
    occasion: object = None


def occasion_stems(occasion):
    stems = []
    for place in (occasion.place_en, occasion.place_ru):
        word = (place or "").split(",")[0].split()
        if word:
            stem = word[0].rstrip("аеёиоуыэюяyaeiou")
            if len(stem) >= 4:
                stems.append(stem.lower())
    return stems


def find_mentions(doc, occasions, limit=MAX_MENTIONS):
    """The first anniversary mentions in the headline and text, each tied to the occasion it counts from."""
    if not occasions:
        return Kept([])
    stems = [(occasion, occasion_stems(occasion)) for occasion in occasions]
    whole = (doc.original_title + "\n" + doc.original_text).lower()
    named = [o for o, words in stems if any(s in whole for s in words)]
    mentions = []
    for source in (doc.original_title, doc.original_text):
        found = []
        # The first `limit` mentions in the text are among the first `limit` of each pattern: read no further.
        for kind, pattern in ANNIVERSARY_PATTERNS:
            found.extend(keep_first(_mentions_of(pattern, kind, source, stems, named), limit + 1).items)
        mentions.extend(mention for _, mention in sorted(found, key=lambda pair: pair[0]))
    return keep_first(mentions, limit)


def _mentions_of(pattern, kind, source, stems, named):
    for m in pattern.finditer(source):
        number = number_from_words(m.group("n"))
        if not number:
            continue
        sentence = sentence_around(source, m.start(), m.end())
        lower = sentence.lower()
        occasion = next((o for o, words in stems if any(s in lower for s in words)), None)
        occasion = occasion or (named[0] if len(named) == 1 else None)
        if occasion:
            yield m.start(), Mention(kind, number, sentence, occasion)
