"""Words per second for wordforms' lemmas and name keys over the five fixture documents: figures, not a test.

Run: .venv/bin/python bench/wordforms.py
Each function is measured cold (its cache cleared: every distinct word analysed once, as when an index is built)
and warm (the cache full, as for the repeated words of a running search). The first call also loads pymorphy3's
dictionary, timed on its own.
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wordforms import english, phonetic, russian, tokens  # noqa: E402

REPEATS = 20


def corpus():
    return [
        w
        for path in sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
        for w in tokens.words(path.read_text(encoding="utf-8"))
    ]


def rate(function, words, clear=None):
    """Words per second over the whole list, the cache cleared before each pass when `clear` is given."""
    start = time.perf_counter()
    for _ in range(REPEATS):
        if clear:
            clear()
        for word in words:
            function(word)
    return REPEATS * len(words) / (time.perf_counter() - start)


def main():
    words = corpus()
    cyrillic = [w for w in words if tokens.CYRILLIC.search(w)]
    latin = [w for w in words if not tokens.CYRILLIC.search(w)]
    print(f"{len(words)} words ({len(set(words))} distinct): {len(cyrillic)} Cyrillic, {len(latin)} other")

    start = time.perf_counter()
    russian.analyzer()
    print(f"pymorphy3 dictionary loaded in {1000 * (time.perf_counter() - start):.0f} ms")

    rows = [
        ("russian.lemmas", russian.lemmas, cyrillic),
        ("english.lemmas", english.lemmas, latin),
        ("phonetic.name_key", phonetic.name_key, words),
    ]
    print(f"{'function':<20} {'cold words/s':>14} {'warm words/s':>14}")
    for name, function, sample in rows:
        cold = rate(function, sample, clear=function.cache_clear)
        warm = rate(function, sample)
        print(f"{name:<20} {cold:>14,.0f} {warm:>14,.0f}")
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures" / "documents").glob("*.txt"))
    )
    start = time.perf_counter()
    for _ in range(REPEATS):
        for function in (russian.lemmas, english.lemmas, phonetic.name_key):
            function.cache_clear()
        tokens.analyse(text)
    print(f"{'tokens.analyse':<20} {REPEATS * len(words) / (time.perf_counter() - start):>14,.0f}  (cold, whole text)")


if __name__ == "__main__":
    main()
