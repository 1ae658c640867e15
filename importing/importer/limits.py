"""What one document may be, and what it may produce; a document over a limit is refused or cut, and says so."""

import itertools
from dataclasses import dataclass

#: Largest document accepted, in bytes. A news page is a few kilobytes; anything this big is not one.
MAX_DOCUMENT_BYTES = 1_000_000


class DocumentError(Exception):
    """A document that cannot be imported; the message says why and what to do."""


#: What one document may produce. A news page has a few of each; a document over a limit keeps the first ones and
#: says what was left out, so that no upload can fill the archive or make an article's admin page unusable.
MAX_FIGURE_SUGGESTIONS = 100
MAX_NAME_SUGGESTIONS = 100
MAX_MENTIONS = 50
MAX_CITATIONS = 50
#: The longest verbatim passage kept around a match, in characters.
MAX_PASSAGE_CHARS = 600


@dataclass
class Kept:
    """The first things found in a text, up to a limit, and whether the text had more that were left out."""

    items: list
    more: bool = False


def keep_first(found, limit):
    """The first `limit` of an iterable, reading at most one more to tell whether anything was left out."""
    items = list(itertools.islice(found, limit + 1))
    return Kept(items[:limit], len(items) > limit)
