"""The importer's dates over a corpus of date lines and openings as English and Russian news sites print them.

Each row of `date_corpus.tsv` becomes a saved page, and the pages are imported by `import_documents`, the command
editors run. The year must be right for 95% of the dated rows, and no row whose text gives no date may get one.
The score per form is printed after the run (tests/conftest.py).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.models import Article

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).with_name("date_corpus.tsv")
REFERENCE_FIXTURES = ["01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds"]
YEAR_RIGHT_AT_LEAST = 0.95

HEADLINE = {"en": "Memorial ceremony held at the embassy", "ru": "В посольстве почтили память жертв"}
# The text around the row's line: no date, no anniversary, nothing that could date the page by itself.
LEAD = {"en": "The embassy held a ceremony in memory of the victims.", "ru": "В посольстве прошла церемония памяти."}
MORE = {
    "en": "The ambassador spoke about the tragedy and laid flowers.",
    "ru": "Посол рассказал о трагедии и возложил цветы.",
}


@dataclass
class Row:
    """One corpus line: where on the page the text stands, and the date, precision and basis expected."""

    number: int
    form: str
    language: str
    layout: str
    text: str
    date: str
    precision: str
    basis: str

    @property
    def expected(self):
        """The date as stored: a month is kept as its first day, a year as 1 January."""
        if not self.date:
            return None
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return datetime.date(*parts[:3])

    def page(self):
        """The saved page: the line above the headline, in its own block below it, or opening the text."""
        text, lang = self.text.replace("\\n", "\n"), self.language
        if self.layout == "above":
            return f"{text}\n{HEADLINE[lang]}\n\n{LEAD[lang]}\n\n{MORE[lang]}"
        if self.layout == "below":
            return f"{HEADLINE[lang]}\n\n{text}\n\n{LEAD[lang]}\n\n{MORE[lang]}"
        assert self.layout == "lead", self.layout
        return f"{HEADLINE[lang]}\n\n{text}\n\n{MORE[lang]}"


def corpus():
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [Row(number, **dict(zip(header, line.split("\t"), strict=True))) for number, line in enumerate(lines[1:], 1)]


def test_the_corpus_is_large_varied_and_well_formed():
    rows = corpus()
    assert len(rows) >= 60
    assert {row.language for row in rows} == {"en", "ru"}
    assert sum(1 for row in rows if not row.date) >= 10
    for row in rows:
        assert row.layout in {"above", "below", "lead"}, row
        assert (row.precision, row.basis) == ("", "") if not row.date else row.precision in {"day", "month", "year"}
        assert row.basis in {"", "stated", "inferred", "event"}, row
    assert len({row.text for row in rows}) == len(rows), "each line once"


def test_the_importer_dates_the_corpus(tmp_path, record_property):
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)
    rows = corpus()
    for row in rows:
        (tmp_path / f"row_{row.number:03d}.txt").write_text(row.page(), encoding="utf-8")
    call_command("import_documents", str(tmp_path), no_progress=True, verbosity=0)
    articles = {a.source_filename: a for a in Article.objects.all()}
    assert len(articles) == len(rows), "every page imported"

    scores = defaultdict(lambda: {"rows": 0, "year": 0, "exact": 0})
    invented, misses = [], []
    for row in rows:
        article = articles[f"row_{row.number:03d}.txt"]
        got = (article.published_on, article.published_on_precision, article.published_on_basis)
        score = scores[row.form]
        score["rows"] += 1
        if row.expected is None:
            year_right = exact = article.published_on is None
            if not exact:
                invented.append((row.text, got))
        else:
            year_right = article.published_on is not None and article.published_on.year == row.expected.year
            exact = got == (row.expected, row.precision, row.basis)
        score["year"] += year_right
        score["exact"] += exact
        if not exact:
            misses.append(f"  {row.form}: {row.text!r} → {got}, expected {(row.expected, row.precision, row.basis)}")

    table = _table(scores, misses)
    record_property("date corpus", table)
    print(table)
    dated = [row for row in rows if row.expected]
    year_right = sum(
        1
        for row in dated
        if articles[f"row_{row.number:03d}.txt"].published_on
        and articles[f"row_{row.number:03d}.txt"].published_on.year == row.expected.year
    )
    assert year_right / len(dated) >= YEAR_RIGHT_AT_LEAST, table
    assert not invented, f"dates invented where the text gives none: {invented}"


def _table(scores, misses):
    width = max(len(form) for form in scores)
    lines = [f"{'form':<{width}}  rows  year right  date, precision and basis right"]
    totals = {"rows": 0, "year": 0, "exact": 0}
    for form, score in scores.items():
        lines.append(f"{form:<{width}}  {score['rows']:>4}  {score['year']:>10}  {score['exact']:>5}")
        for key in totals:
            totals[key] += score[key]
    lines.append(f"{'all':<{width}}  {totals['rows']:>4}  {totals['year']:>10}  {totals['exact']:>5}")
    lines.append(f"year right: {totals['year'] / totals['rows']:.0%}")
    return "\n".join(lines + (["misses:", *misses] if misses else []))
