"""What one document may cost and produce: pathological texts import in bounded work with capped output.

No test here is timed. Output is capped and says what was left out; linearity is checked by recording how much
text every regular-expression search in the importer is handed (and how long every passage cut around a match is):
twice the text must not mean more passes over the whole of it, and every other search must read a window of
bounded size.
"""

import pkgutil
import re
import sys

import pytest
from django.core.management import call_command

import importing.importer
from archive.models import AnniversaryMention, Article, SourceCitation
from importing.importer import MAX_DOCUMENT_BYTES, DocumentImporter
from importing.importer.limits import (
    MAX_CITATIONS,
    MAX_FIGURE_SUGGESTIONS,
    MAX_MENTIONS,
    MAX_NAME_SUGGESTIONS,
    MAX_PASSAGE_CHARS,
)
from importing.models import ImportSuggestion

pytestmark = pytest.mark.django_db

REFERENCE_FIXTURES = ["01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds"]
HEADLINE = "Khojaly victims remembered\n\n"
# Sentences that never end: the whole document is one line without a full stop.
NO_SENTENCE_BREAKS = (
    "and the 33rd anniversary of the Khojaly genocide was marked by Ambassador Aghalar Atamoghlanov "
    "with Ramiz Zeynalov as News.Az reports citing Azertac "
)
FULL_OF_NUMBERS = "613 victims 1,275 hostages 8 children 150 families "


@pytest.fixture
def reference(db):
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)


def document(unit, size=MAX_DOCUMENT_BYTES):
    """A document of at most `size` bytes: the headline, then `unit` repeated."""
    body = unit * ((size - len(HEADLINE.encode())) // len(unit.encode()))
    return (HEADLINE + body).encode()


def many_names(size):
    """Distinct "First Surnameov" pairs that match no record, for the unknown-people suggestions."""
    syllables = ["ba", "ko", "mi", "ru", "de", "sa", "ta", "lu", "ne", "vo", "zi", "pe"]
    names = (
        f"{a.title()}{b} {c.title()}{d}ov" for a in syllables for b in syllables for c in syllables for d in syllables
    )
    return (HEADLINE + " ".join(names)[:size]).encode()


def import_file(tmp_path, name, raw, capsys):
    path = tmp_path / name
    path.write_bytes(raw)
    call_command("import_documents", str(path), no_progress=True)
    return Article.objects.get(source_filename=name), capsys.readouterr().out


def test_a_megabyte_full_of_numbers_suggests_a_capped_number_of_figures_and_says_what_was_left_out(
    reference, tmp_path, capsys
):
    article, out = import_file(tmp_path, "numbers.txt", document(FULL_OF_NUMBERS), capsys)
    figures = ImportSuggestion.objects.filter(article=article, kind=ImportSuggestion.Kind.FIGURE)
    assert figures.count() == MAX_FIGURE_SUGGESTIONS
    assert f"numbers.txt: only the first {MAX_FIGURE_SUGGESTIONS} figures are suggested" in out
    assert "left out" in out


def test_a_megabyte_without_sentence_breaks_keeps_passages_short_and_mentions_and_citations_capped(
    reference, tmp_path, capsys
):
    article, out = import_file(tmp_path, "endless.txt", document(NO_SENTENCE_BREAKS), capsys)
    mentions = AnniversaryMention.objects.filter(article=article)
    assert mentions.count() == MAX_MENTIONS
    assert SourceCitation.objects.filter(article=article).count() == MAX_CITATIONS
    passages = [
        *mentions.values_list("passage", flat=True),
        *SourceCitation.objects.filter(article=article).values_list("passage", flat=True),
        *ImportSuggestion.objects.filter(article=article).values_list("passage", flat=True),
    ]
    assert passages and max(map(len, passages)) <= MAX_PASSAGE_CHARS
    assert f"endless.txt: only the first {MAX_MENTIONS} anniversary mentions are kept" in out
    assert f"endless.txt: only the first {MAX_CITATIONS} citations are kept" in out


def test_a_megabyte_of_unknown_names_suggests_a_capped_number_of_people(reference, tmp_path, capsys):
    article, out = import_file(tmp_path, "names.txt", many_names(MAX_DOCUMENT_BYTES - 100), capsys)
    people = ImportSuggestion.objects.filter(article=article, kind=ImportSuggestion.Kind.PERSON)
    assert people.count() == MAX_NAME_SUGGESTIONS
    assert f"names.txt: only the first {MAX_NAME_SUGGESTIONS} names are suggested" in out


PASSAGE_HELPERS = ("sentence_around", "clause_after")


class RegexProbe:
    """Wraps every regular expression of the importer (and `re`'s module functions as it calls them) to record
    how many characters each search is given. The real expressions still run: this measures, it replaces nothing.
    """

    METHODS_WITH_POSITIONS = ("search", "match", "fullmatch", "finditer", "findall")

    def __init__(self, monkeypatch):
        self.sizes = []
        modules = [importing.importer] + [
            sys.modules[info.name]
            for info in pkgutil.iter_modules(importing.importer.__path__, "importing.importer.")
            if info.name in sys.modules
        ]
        for module in modules:
            for name, value in vars(module).items():
                wrapped = self.wrap(value)
                if wrapped is not value:
                    monkeypatch.setattr(module, name, wrapped)
        for function in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            monkeypatch.setattr(re, function, self.module_function(getattr(re, function)))
        # The passage helpers read at least what they return: a passage as long as the text was a pass over it.
        for module in modules:
            for name in PASSAGE_HELPERS:
                if callable(getattr(module, name, None)):
                    monkeypatch.setattr(module, name, self.passage_helper(getattr(module, name)))

    def wrap(self, value):
        if isinstance(value, re.Pattern):
            return PatternSpy(value, self.sizes)
        if isinstance(value, list | tuple) and any(isinstance(v, re.Pattern | list | tuple) for v in value):
            items = [self.wrap(v) for v in value]
            return items if isinstance(value, list) else tuple(items)
        return value

    def module_function(self, original):
        sizes = self.sizes

        def recorded(pattern, string, *args, **kwargs):
            if sys._getframe(1).f_globals.get("__name__", "").startswith("importing.importer"):
                sizes.append(len(string) if isinstance(string, str) else 0)
            return original(pattern, string, *args, **kwargs)

        return recorded

    def passage_helper(self, original):
        sizes = self.sizes

        def recorded(*args, **kwargs):
            passage = original(*args, **kwargs)
            sizes.append(len(passage))
            return passage

        return recorded

    def run(self, raw, name):
        self.sizes.clear()
        DocumentImporter(dry_run=True).import_bytes(raw, name)
        return list(self.sizes)


class PatternSpy:
    def __init__(self, pattern, sizes):
        self.pattern, self.sizes = pattern, sizes

    def __getattr__(self, name):
        return getattr(self.pattern, name)

    def _record(self, string, pos=0, endpos=None, found=None):
        # A search stops at its match: a loop of searches stepping through the text reads it once, not once a step.
        end = len(string) if endpos is None else min(endpos, len(string))
        self.sizes.append(max(0, (found.end() if found else end) - pos))

    def search(self, string, pos=0, endpos=sys.maxsize):
        found = self.pattern.search(string, pos, endpos)
        self._record(string, pos, endpos, found)
        return found

    def match(self, string, pos=0, endpos=sys.maxsize):
        found = self.pattern.match(string, pos, endpos)
        self._record(string, pos, endpos, found)
        return found

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        self._record(string, pos, endpos)
        return self.pattern.fullmatch(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        self._record(string, pos, endpos)
        return self.pattern.finditer(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        self._record(string, pos, endpos)
        return self.pattern.findall(string, pos, endpos)

    def sub(self, repl, string, count=0):
        self._record(string)
        return self.pattern.sub(repl, string, count)

    def subn(self, repl, string, count=0):
        self._record(string)
        return self.pattern.subn(repl, string, count)

    def split(self, string, maxsplit=0):
        self._record(string)
        return self.pattern.split(string, maxsplit)


@pytest.mark.parametrize("unit", [NO_SENTENCE_BREAKS, FULL_OF_NUMBERS], ids=["no-sentence-breaks", "numbers"])
def test_twice_the_text_means_no_more_passes_over_it_and_every_other_search_reads_a_bounded_window(
    reference, monkeypatch, unit
):
    probe = RegexProbe(monkeypatch)
    size = 60_000
    small, large = probe.run(document(unit, size), "small.txt"), probe.run(document(unit, 2 * size), "large.txt")

    def whole_text_passes(sizes, n):
        return [s for s in sizes if s > n // 4]

    assert len(whole_text_passes(small, size)) == len(whole_text_passes(large, 2 * size))
    windows = [s for s in large if s <= size // 2]
    assert windows and max(windows) <= 2 * MAX_PASSAGE_CHARS
