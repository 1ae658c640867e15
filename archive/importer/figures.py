"""Numbers the text reports ("613 victims", "some 1,275 hostages"), as suggestions of reported figures."""

import re
from dataclasses import dataclass

from .passages import sentence_around
from .printed_dates import EN_MONTH, EN_MONTHS


@dataclass
class FigureFound:
    value: int
    approximate: bool
    text: str
    passage: str
    kind_slug: str = ""


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
