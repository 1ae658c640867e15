"""English words to their Snowball stems, with the common irregular forms the stemmer cannot know: "ambassadors" →
"ambassador", "women" → "woman" (and "women"), "held" → "hold" (and "held").

The stems are not dictionary words ("embassies" → "embassi"), but every form of a word gets the same one, which is
all a search needs; a possessive "’s" is dropped first ("Aliyev's" → "aliyev").
"""

import functools
import threading

import snowballstemmer

# Irregular plurals and past forms likely in reports of events; regular ones are the stemmer's work.
IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "wives": "wife", "knives": "knife", "lives": "life", "leaves": "leaf",
    "halves": "half", "wolves": "wolf", "thieves": "thief", "shelves": "shelf", "analyses": "analysis",
    "crises": "crisis", "theses": "thesis", "criteria": "criterion", "phenomena": "phenomenon", "media": "medium",
    "data": "datum",
    "was": "be", "were": "be", "been": "be", "is": "be", "are": "be", "am": "be",
    "held": "hold", "met": "meet", "led": "lead", "laid": "lay", "paid": "pay", "said": "say", "made": "make",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "fought": "fight", "fell": "fall",
    "fallen": "fall", "brought": "bring", "began": "begin", "begun": "begin", "saw": "see",
    "seen": "see", "told": "tell", "stood": "stand", "sent": "send", "built": "build", "left": "leave",
    "lost": "lose", "kept": "keep", "found": "find", "thought": "think", "bore": "bear", "borne": "bear",
    "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow",
    "knew": "know", "known": "know", "rose": "rise", "risen": "rise", "shot": "shoot", "sang": "sing",
    "sung": "sing", "won": "win", "ran": "run", "hid": "hide", "hidden": "hide", "forgot": "forget",
    "forgotten": "forget", "chose": "choose", "chosen": "choose",
}  # fmt: skip
POSSESSIVE = ("'s", "’s", "'", "’")

_local = threading.local()


def _stem(word):
    """One word's Snowball stem (a stemmer keeps state while it works, so each thread has its own)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@functools.lru_cache(maxsize=200_000)
def lemmas(word):
    """The stems an English word may stand for, lowercase: its own, and its base form's if it is irregular."""
    lower = word.lower()
    for ending in POSSESSIVE:
        if lower.endswith(ending) and len(lower) > len(ending):
            lower = lower[: -len(ending)]
            break
    found = {_stem(lower)}
    if lower in IRREGULAR:
        found.add(_stem(IRREGULAR[lower]))
    return frozenset(found)


# Words a search does not require, as nearly every English text has them ("ambassador to Pakistan").
FUNCTION_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "it",
        "its",
        "this",
        "that",
        "into",
        "about",
    }
)
