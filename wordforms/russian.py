"""Russian words to their dictionary forms, with pymorphy3 and its OpenCorpora dictionary: "послов" → "посол",
"Атамогланову" → "атамогланов", surnames the dictionary has never seen included.

Every reading the analyser finds for a word gives a lemma, since a word out of context is often ambiguous
("стали": "стать" or "сталь"): a search matches when any lemma of the query meets any lemma of the text. Where a
word can be a surname, the readings a surname rules out are dropped: the plural of a first name ("Петров", "of
the Peters"), a possessive adjective ("Иванов дом") and, for words the dictionary does not know, the predictor's
guesses at adjectives ("Атамогланова" as a short "атамоглановый").

A woman's surname is a lemma of its own, as the language keeps it apart: "Алиевой" → "алиева", and "Алиева",
which is also the genitive of "Алиев", → both "алиев" and "алиева". ё is folded into е in every lemma, as Russian
texts often print it without its dots.
"""

import functools
import threading

SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ской")
PROPER = {"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"}
# Readings a word that can be a surname is not taken to have: an unknown word's guessed adjective, a possessive.
NOT_WITH_A_SURNAME = {"Poss", "ADJS"}

_lock = threading.Lock()
_analyzer = None


def analyzer():
    """The one MorphAnalyzer of the process, loaded on first use (its dictionary is mapped, not read, so it is
    quick, but not every process needs it)."""
    global _analyzer
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    return _analyzer


def feminine(surname):
    """The woman's form of a man's surname ("алиев" → "алиева", "троицкий" → "троицкая"); others are the same."""
    if surname.endswith(("ий", "ой")):
        return surname[:-2] + "ая"
    if surname.endswith(SURNAME_ENDINGS):
        return surname + "а"
    return surname


def _looks_like_a_masculine_surname(word, parses):
    """An unknown surname in its dictionary form, which the predictor reads as something else ("атамогланов" as
    the genitive plural of a first name "атамоглан"): every reading is of a proper name or only a guess."""
    return (
        len(word) > 4
        and word.endswith(SURNAME_ENDINGS)
        and all(not p.is_known or PROPER & p.tag.grammemes for p in parses)
    )


@functools.lru_cache(maxsize=200_000)
def lemmas(word):
    """The dictionary forms a Russian word may have, lowercase, ё folded into е."""
    lower = word.lower()
    parses = analyzer().parse(lower)
    surname = any("Surn" in p.tag for p in parses)
    found = set()
    if not surname and _looks_like_a_masculine_surname(lower, parses):
        surname = True
        found.add(lower)
    if "-" in lower:
        found.add(lower)  # hyphenated names are mostly indeclinable ("Гусейн-заде", "Мамед-оглы")
    for parse in parses:
        grammemes = parse.tag.grammemes
        if surname:
            if "Name" in grammemes and "plur" in grammemes:
                continue
            if grammemes & NOT_WITH_A_SURNAME or not (parse.is_known or PROPER & grammemes):
                continue
        if "Surn" in grammemes and "femn" in grammemes and "sing" in grammemes:
            found.add(feminine(parse.normal_form))
        else:
            found.add(parse.normal_form)
    return frozenset(lemma.replace("ё", "е") for lemma in found or {lower})


FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "INTJ"}


@functools.lru_cache(maxsize=20_000)
def is_function_word(word):
    """Whether the word's likeliest reading is a preposition, conjunction, particle or interjection ("для", "по",
    "и"): a search looks such words up as they are, not through other readings ("для" as a form of "длить")."""
    parses = analyzer().parse(word.lower().replace("ё", "е"))
    return bool(parses) and parses[0].tag.POS in FUNCTION_WORDS
