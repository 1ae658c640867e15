"""One name key across spellings and scripts: "Khojaly", "Khodjaly", "Xocalı", "Xocali" and "Ходжалы" give one key.

A word is first written in Latin letters (Russian through the project's one table, `transliteration.py`; the
Azerbaijani, Kazakh and Turkish letters through `LATIN_LETTERS`), then folded to a skeleton of sounds:

- Velars and glottals are one sound, `k`: k, g, h, kh, gh, x, q, ğ, г, х, к. Russian writes the Azerbaijani h as г
  ("Huseynov", "Гусейнов") and the Azerbaijani x as х ("Xocalı", "Ходжалы"), and English writes х as kh or h
  ("Farkhadov", "Farhadov") and sometimes as k ("Kazakstan"): the only key on which all of them meet puts the whole
  row together. The price is that "Khan", "Han" and "Gan" share a key.
- j, dj, dzh, zh, ж, дж and the Azerbaijani and Turkish c are `j`; sh, ş, ш are `w`; ch, ç, ч are `c`; ts and ц
  are `q` (a Latin c before e, i, y too, the way Russian writes Latin names: "Cicero", "Цицерон"); щ is `wc`.
- y, i, ı, й, ы are `i`; ə and ä are `a`; ö is `o`, ü is `u`; w is `v`; ph is `f`; English th is `t`.
- A glide between vowels and before a vowel at the start goes: "Tamoyev", "Tamoev" and "Тамоев" meet, and so do
  "Yuri", "Yury" and "Юрий".
- A Latin yo after a consonant is е, as ё is ("Pyotr", "Пётр", "Петр").
- A doubled letter counts once ("Mammadov", "Mamadov").

The x and c of a Latin word depend on its alphabet: in a word with an Azerbaijani, Kazakh or Turkish letter (ə, ı,
ş, ç, ğ, ö, ü, q, ä, ñ, ū) or one starting with x, x is kh and c is dzh ("Xocali"); otherwise they are read the
English way, x as ks and c as k, or ts before e, i and y ("Alexander", "Victor"). A plain-Latin Azerbaijani
spelling with a medial x and nothing else to tell it apart ("Axundov") is therefore read as English.

Endings are not removed: "Aliyev" and "Aliyeva" keep different keys, since they name different people; matching
inflected forms is the business of the lemmas (`russian.py`). A derived word keeps its stem's key as a prefix:
"Ходжалинский" gives "kojalinski", which starts with the key of "Khojaly", "kojali".
"""

import functools
import re
import unicodedata

from .transliteration import transliterate

# The letters of the Azerbaijani, Kazakh and Turkish Latin alphabets that English does not have, in the key's
# own letters where they stand for a sound of their own (upper case: a sound already folded, see FOLDS).
LATIN_LETTERS = {
    "ə": "a", "ä": "a", "ı": "i", "ş": "W", "ç": "C", "ğ": "K", "ö": "o", "ü": "u", "ñ": "n", "ū": "u", "q": "K",
}  # fmt: skip
TURKIC = re.compile("[" + "".join(LATIN_LETTERS) + "]|^x")

# Letter groups folded to one sound, longest first; upper-case letters are sounds already decided, so a later
# rule cannot read them again (the h of a folded "sh" is not a velar). Applied after LATIN_LETTERS.
FOLDS = [
    ("w", "v"),
    ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("j", "J"),
    ("shch", "WC"), ("sch", "W"), ("tch", "C"),
    ("kh", "K"), ("gh", "K"),
    ("sh", "W"), ("ch", "C"), ("ph", "f"), ("th", "t"), ("ts", "Q"),
]  # fmt: skip
ENGLISH_FOLDS = [("ck", "K"), ("x", "Ks"), ("ce", "Qe"), ("ci", "Qi"), ("cy", "Qi"), ("c", "K")]
TURKIC_FOLDS = [("x", "K"), ("c", "J")]
VELARS = re.compile("[kghq]")
GLIDE = re.compile("(?:(?<=[aeiou])|^)i(?=[aeiou])")
# A Latin "yo" after a consonant is a Russian ё, which the key reads as е ("Pyotr", "Пётр", "Петр").
YO = re.compile("(?<=[bcdfghjklmnpqrstvwxz])yo")
REPEATED = re.compile(r"(.)\1+")
NOT_KEY = re.compile("[^a-zA-Z0-9]")
POSSESSIVE = re.compile("['’]s?$")


def _without_marks(text):
    """Latin letters with their diacritics taken off ("é" → "e"), after the letters that matter were mapped."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=200_000)
def name_key(word):
    """The spelling-independent key of one word: the same for its spellings in Cyrillic and the Latin alphabets."""
    text = POSSESSIVE.sub("", unicodedata.normalize("NFC", word).lower().replace("ё", "е"))
    text = transliterate(text)
    turkic = bool(TURKIC.search(text))
    text = "".join(LATIN_LETTERS.get(c, c) for c in text)
    text = YO.sub("e", NOT_KEY.sub("", _without_marks(text)))
    for old, new in FOLDS + (TURKIC_FOLDS if turkic else ENGLISH_FOLDS):
        text = text.replace(old, new)
    text = VELARS.sub("k", text).replace("y", "i")
    text = GLIDE.sub("", text)
    return REPEATED.sub(r"\1", text.lower())
