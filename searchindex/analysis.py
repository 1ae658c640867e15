"""Text into the tokens the index stores, and a query word into the tokens that find it.

A token is a word's lemma (`wordforms`: Russian dictionary forms for Cyrillic words, English stems otherwise) or,
marked with KEY_MARK, its name key (one form across spellings and scripts: "Khodjaly", "Xocalı", "Ходжалы").
Name keys (of a Russian word's dictionary forms too) are stored for names and titles and for capitalised words
anywhere else, which is how a text writes a name; a query word always brings its key, as visitors type names in
lower case too. Both backends compare these tokens exactly, so they find the same records.
"""

import functools
import re
import unicodedata

from wordforms import english, phonetic, russian, tokens

KEY_MARK = "0"
MIN_KEY_LENGTH = 3
MIN_WORD_LENGTH = 2
MAX_QUERY_WORDS = 10
SUGGESTIBLE = re.compile(r"^[^\W\d_]{4,40}$")
# Initials written with full stops are one word, as visitors type them without: "U.S." is "US", "С.Ш.А." "США".
DOTTED_INITIALS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.){2,}")


def _joined_initials(text):
    return DOTTED_INITIALS.sub(lambda match: match.group().replace(".", "") + " ", text or "")


def _is_function_word(word):
    if tokens.CYRILLIC.search(word):
        return russian.is_function_word(word)
    return word.lower() in english.FUNCTION_WORDS


def key_token(word):
    """The word's name key as a token, or None for a word too short or with no letters to key."""
    if word.isdigit():
        return None
    key = phonetic.name_key(word)
    return KEY_MARK + key if len(key) >= MIN_KEY_LENGTH else None


@functools.lru_cache(maxsize=500_000)
def word_tokens(word, keyed):
    """The tokens one written word stands for: its lemmas, and its name key if `keyed`."""
    lemmas = {lemma.replace(" ", "") for lemma in tokens.lemmas(word)}
    found = set(lemmas)
    if keyed:
        # A Russian word's dictionary forms have keys too, so "Рабате" meets "Rabat" and "Атамогланову" "Atamoghlanov".
        keyed_forms = {word} | (lemmas if tokens.CYRILLIC.search(word) else set())
        found |= {key for form in keyed_forms if (key := key_token(form))}
    return frozenset(found)


def text_tokens(text, names=False):
    """Every token of a text; `names` says the whole text is a name or title, so every word gets its key."""
    found = set()
    for word in set(tokens.words(_joined_initials(text))):
        found |= word_tokens(word, keyed=names or word[:1].isupper())
    return found


def suggestible_words(text):
    """The words of a text as a visitor might mistype them: lower case, letters only, four letters or more."""
    return {word.lower().replace("ё", "е") for word in tokens.words(text or "") if SUGGESTIBLE.match(word)}


def query_words(query):
    """The words of a query worth searching for, in order, without repeats; function words ("of", "для") only
    when the query has nothing else."""
    seen = []
    for word in tokens.words(_joined_initials(unicodedata.normalize("NFC", query or ""))):
        long_enough = len(word) >= MIN_WORD_LENGTH or word.isdigit()
        if long_enough and word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    content = [word for word in seen if not _is_function_word(word)]
    return (content or seen)[:MAX_QUERY_WORDS]


def query_alternatives(word):
    """The tokens any one of which lets a text match this query word: its lemmas and its name key."""
    return frozenset(word_tokens(word, keyed=True))


def as_text(token_set):
    """Tokens as the index column stores them: sorted, each between single spaces."""
    return " " + " ".join(sorted(token_set)) + " " if token_set else ""
