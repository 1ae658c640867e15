"""One transliteration of Russian into Latin letters for the whole project: slugs and name matching both use it.

The spelling is close to the BGN/PCGN and passport conventions most readers know ("Щёкино" → "shchyokino",
"Хачатурян" → "khachaturyan"). Name matching folds spellings further on top of it (`wordforms.phonetic.name_key`).
"""

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text):
    """Cyrillic letters replaced by lowercase Latin ones; everything else left as it is."""
    return "".join(CYRILLIC_TO_LATIN.get(char, CYRILLIC_TO_LATIN.get(char.lower(), char)) for char in text)
