"""Readable, stable slugs for new records, with Russian titles transliterated to Latin letters.

Existing slugs (those in fixtures/) are never recomputed: a slug is made once, when a record is
created without one, and stays even if the title changes later.
"""

from django.utils.text import slugify

# Russian to Latin, close to the BGN/PCGN and passport conventions most readers know.
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text):
    """Cyrillic letters replaced by Latin ones; everything else left as it is."""
    return "".join(_RUSSIAN.get(char, _RUSSIAN.get(char.lower(), char)) for char in text)


def slug_for(title, max_length=120):
    """A lowercase ASCII slug for a title in English or Russian, cut at a word boundary."""
    slug = slugify(transliterate(title))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


def unique_slug_for(model, title, max_length=120):
    """`slug_for(title)`, with -2, -3, … appended when another row of `model` already has it."""
    base = slug_for(title, max_length - 4) or "item"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
