"""Numbers the text reports ("613 victims", "some 1,275 hostages"), as suggestions of reported figures."""

import re
from dataclasses import dataclass

from .passages import clause_after, sentence_around
from .printed_dates import EN_MONTH, EN_MONTHS


@dataclass
class FigureFound:
    value: int
    approximate: bool
    text: str
    passage: str
    kind_slug: str = ""


# Every repetition is bounded, so that a run of digit groups or spaces is not re-read from each of its positions.
FIGURE = re.compile(
    r"(?P<hedge>\b(?:some|about|around|approximately|nearly|almost|over|more than|около|почти|более|свыше) )?"
    r"(?<![\d.,/:-])(?P<number>\d{1,3}(?:[,\u00a0 ]\d{3}){1,4}|\d{1,15})(?![\d.,/:-]\d)[\u00a0 ]{1,5}"
    r"(?P<noun>(?:U\.S\. )?[^\W\d_][\w’'-]{0,40})"
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
    (slug, re.compile(pattern, re.IGNORECASE))
    for slug, pattern in [
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
]
KILLING = re.compile(r"kill|murder|death|убит|погиб", re.IGNORECASE)
NON_DIGITS = re.compile(r"\D")


def find_figures(text):
    """The figures of the text, in order, one at a time: the caller stops when it has enough."""
    for m in FIGURE.finditer(text):
        noun = m.group("noun")
        digits = NON_DIGITS.sub("", m.group("number"))
        after_month = PRECEDED_BY_MONTH.search(text, max(0, m.start("number") - 12), m.start("number"))
        is_year = len(digits) == 4 and 1900 <= int(digits) <= 2100 and "," not in m.group()
        if after_month or is_year or NOT_COUNTED.match(noun):
            continue
        passage = clause_after(text, m.start(), m.end(), (",", ".", ";", "\n", " – ", " — ", "("))
        sentence = sentence_around(text, m.start(), m.end())
        kind = next((slug for slug, pattern in FIGURE_KINDS if pattern.search(passage)), "")
        if not kind and KILLING.search(sentence):
            kind = "killed"
        scale = next((f for word, f in SCALES.items() if noun.lower().startswith(word)), 1)
        yield FigureFound(int(digits) * scale, bool(m.group("hedge")), m.group().strip(), passage, kind)
