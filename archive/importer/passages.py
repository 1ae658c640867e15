"""The verbatim passage around a match: the sentence that an editor reads to judge a suggestion."""


def sentence_around(text, start, end):
    """The sentence of `text` containing the span, verbatim."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + (1 if text[left] == "\n" else 2)
    right = len(text)
    for stop in (". ", ".\n", "!", "?", "\n"):
        pos = text.find(stop, end)
        if pos != -1:
            right = min(right, pos + (1 if stop[0] in ".!?" else 0))
    return text[left:right].strip()
