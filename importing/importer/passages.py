"""The verbatim passage around a match: the sentence that an editor reads to judge a suggestion.

Every search here is confined to a window of `MAX_PASSAGE_CHARS` around the match, so the cost of one passage does
not depend on the length of the text: a text without sentence breaks would otherwise be rescanned to its ends for
every match, which made importing it quadratic.
"""

from .limits import MAX_PASSAGE_CHARS

# How far either side of a match a sentence is looked for; what is left of the limit is for the match itself.
REACH = (MAX_PASSAGE_CHARS - 100) // 2
ELLIPSIS = "…"


def sentence_around(text, start, end):
    """The sentence of `text` containing the span, verbatim; cut at a word with "…" when it runs on too far."""
    low, high = max(0, start - REACH), min(len(text), end + REACH)
    left = max(text.rfind(". ", low, start), text.rfind("\n", low, start), text.rfind("! ", low, start))
    cut_left = left < 0 and low > 0
    if left >= 0:
        left += 1 if text[left] == "\n" else 2
    elif cut_left:
        space = text.find(" ", low, start)
        left = space + 1 if space >= 0 else low
    else:
        left = 0
    right = high
    for stop in (". ", ".\n", "!", "?", "\n"):
        pos = text.find(stop, end, high)
        if pos != -1:
            right = min(right, pos + (1 if stop[0] in ".!?" else 0))
    cut_right = right == high and high < len(text)
    if cut_right:
        space = text.rfind(" ", end, high)
        right = space if space >= 0 else high
    passage = f"{ELLIPSIS if cut_left else ''}{text[left:right].strip()}{ELLIPSIS if cut_right else ''}"
    return passage if len(passage) <= MAX_PASSAGE_CHARS else passage[: MAX_PASSAGE_CHARS - 1] + ELLIPSIS


def clause_after(text, start, end, stops):
    """The text from `start` to the first of `stops` after `end`, within the passage limit."""
    high = min(len(text), end + REACH)
    right = high
    for stop in stops:
        pos = text.find(stop, end, high)
        if pos != -1 and not (stop == "." and text[pos - 3 : pos + 1] == "U.S."):
            right = min(right, pos)
    return text[start:right].strip()[:MAX_PASSAGE_CHARS]
