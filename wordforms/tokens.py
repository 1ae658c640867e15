"""Text into words, and each word into what a search compares: its lemmas and its name key.

A word is a run of Unicode letters and digits; a hyphen or an apostrophe between two of them stays inside it, so
names such as "Гусейн-заде", "Nagorno-Karabakh" and "O'Brien" are one word. Cyrillic words are lemmatized as
Russian (`russian.py`), every other word as English (`english.py`); every word has a name key (`phonetic.py`).
"""

import re
import unicodedata
from typing import NamedTuple

from . import english, phonetic, russian

WORD = re.compile(r"[^\W_]+(?:[-‐‑'’][^\W_]+)*")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")
HYPHENS = re.compile("[-‐‑]")


class AnalysedWord(NamedTuple):
    """One word of a text as it is written, the lemmas it may stand for, and its spelling-independent name key."""

    surface: str
    lemmas: frozenset
    key: str


def words(text):
    """The words of a text in order, as written (composed to NFC, so "й" typed as и + breve is one letter)."""
    return WORD.findall(unicodedata.normalize("NFC", text))


def lemmas(word):
    """The lemmas of one word in its language: Russian for Cyrillic, English otherwise. A hyphenated word has its
    parts' lemmas too, so "Karabakh" meets "Nagorno-Karabakh"."""
    analyse_word = russian.lemmas if CYRILLIC.search(word) else english.lemmas
    found = analyse_word(word)
    if HYPHENS.search(word):
        found = found.union(*(analyse_word(part) for part in HYPHENS.split(word) if part))
    return found


def analyse(text):
    """Each word of a text with its lemmas and name key, in order."""
    return [AnalysedWord(word, lemmas(word), phonetic.name_key(word)) for word in words(text)]
