"""Which imported document a file is: the same bytes again, a changed text of the same page, or a new page.

A file name alone does not say: uploads are reduced to their last path component (and long names cut), so pages
saved in different folders, or with long names alike at the start, arrive under one name. A text under the name
of an imported document is a revision of it only if it is recognisably the same page.
"""

import re

#: How much of each text is compared: a revision is corrected or extended, and its opening stays the page's own.
OPENING_CHARS = 5000
#: Share of word sequences the shorter opening must have in common with the other to be the same page.
SAME_PAGE_SHARE = 0.5

TOKEN = re.compile(r"\w+")


def word_triples(text):
    words = TOKEN.findall(text[:OPENING_CHARS].casefold())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def is_same_page(opening, other_opening):
    """Whether two texts (headline and text, or their openings) are versions of one page."""
    mine, theirs = word_triples(opening), word_triples(other_opening)
    if not mine or not theirs:
        return opening.strip().casefold() == other_opening.strip().casefold()
    return len(mine & theirs) >= SAME_PAGE_SHARE * min(len(mine), len(theirs))
