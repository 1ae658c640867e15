"""Scores the public search against the relevance set: does each query find its record on the first page?

The set is `tests/search_relevance.tsv` (issue 14): one query a visitor would type per row, with the record it must
find. Each query is asked of the search page itself (`/en/search/?q=…` or `/ru/search/?q=…`) through Django's test
client, and the records the first page links to are read back from its HTML, so the score is what a visitor sees,
whatever the search does inside; nothing here imports the project's apps. Used by
`tests/website/test_search_relevance.py` (the gate) and `bench/search_relevance.py` (the figures, by hand).
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

RELEVANCE_SET = Path(__file__).with_name("search_relevance.tsv")
COLUMNS = ["category", "language", "query", "expected", "note"]
LANGUAGES = ("en", "ru")
# The kinds of record the search finds (website/search.py `_targets()`) and the view of each one's public page.
DETAIL_VIEWS = {
    "article": "archive:article_detail",
    "event": "events:event_detail",
    "person": "events:person_detail",
    "venue": "events:venue_detail",
    "organization": "events:organization_detail",
}
KIND_OF_VIEW = {view: kind for kind, view in DETAIL_VIEWS.items()}
SHOWN_INSTEAD = 3  # how many of the first results a failure names


@dataclass(frozen=True)
class Query:
    """One row of the relevance set: a query typed in `language`'s site and the record (`kind:slug`) it must find."""

    category: str
    language: str
    text: str
    expected: str
    note: str = ""
    line: int = 0

    @property
    def kind(self):
        return self.expected.partition(":")[0]

    @property
    def slug(self):
        return self.expected.partition(":")[2]


def load(path=RELEVANCE_SET):
    """The rows of the relevance set, in file order; a malformed row raises ValueError naming its line."""
    queries = []
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.reader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != COLUMNS:
            raise ValueError(f"{path}: the header must be {COLUMNS}, not {header}")
        for row in reader:
            if not row or not "".join(row).strip():
                continue
            if len(row) not in (len(COLUMNS) - 1, len(COLUMNS)):
                raise ValueError(f"{path}:{reader.line_num}: {len(row)} columns, expected 4 or 5: {row}")
            category, language, text, expected, *note = (cell.strip() for cell in row)
            query = Query(category, language, text, expected, note[0] if note else "", reader.line_num)
            if language not in LANGUAGES or query.kind not in DETAIL_VIEWS or not query.slug or not text:
                raise ValueError(f"{path}:{reader.line_num}: bad language, expected record or empty query: {row}")
            queries.append(query)
    return queries


def record_url(expected, language):
    """The public page of a `kind:slug` record in `language`."""
    kind, _, slug = expected.partition(":")
    with translation.override(language):
        return reverse(DETAIL_VIEWS[kind], kwargs={"slug": slug})


def search_url(language):
    with translation.override(language):
        return reverse("website:search")


class _Links(HTMLParser):
    """The `href` of every link inside the page's <main>, in document order (the whole page if it has none)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.seen_main = False
        self.all_links = []
        self.main_links = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
            self.seen_main = True
        elif tag == "a" and (href := dict(attrs).get("href")):
            self.all_links.append(href)
            if self.depth:
                self.main_links.append(href)

    def handle_endtag(self, tag):
        if tag == "main" and self.depth:
            self.depth -= 1

    @property
    def links(self):
        return self.main_links if self.seen_main else self.all_links


def records_linked(html, language):
    """The records (`kind:slug`) a page links to, each once, in the order the page shows them.

    A link counts when its path is the public page of an article, event, person, venue or organization; links to
    lists, other searches ("Did you mean …?", facets) or anything else are not results and are passed over.
    """
    parser = _Links()
    parser.feed(html)
    records = []
    with translation.override(language):
        for href in parser.links:
            parts = urlsplit(href)
            if parts.netloc and parts.netloc != "testserver":
                continue
            try:
                match = resolve(parts.path)
            except Resolver404:
                continue
            kind = KIND_OF_VIEW.get(match.view_name)
            if kind and "slug" in match.kwargs:
                record = f"{kind}:{match.kwargs['slug']}"
                if record not in records:
                    records.append(record)
    return records


@dataclass
class Outcome:
    """What the first page of results showed for one query."""

    query: Query
    status: int
    shown: list

    @property
    def found(self):
        return self.status == 200 and self.query.expected in self.shown

    @property
    def position(self):
        """1 for the first result; None when the record is not on the first page."""
        return self.shown.index(self.query.expected) + 1 if self.found else None


@dataclass
class Score:
    """The outcomes of a whole run, with the score per category and overall."""

    outcomes: list = field(default_factory=list)

    def categories(self):
        """{category: (found, asked)}, categories in the order the set first names them."""
        counts = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            counts[outcome.query.category][0] += outcome.found
            counts[outcome.query.category][1] += 1
        return {category: tuple(pair) for category, pair in counts.items()}

    def languages(self):
        counts = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            counts[outcome.query.language][0] += outcome.found
            counts[outcome.query.language][1] += 1
        return {language: tuple(pair) for language, pair in counts.items()}

    @property
    def found(self):
        return sum(outcome.found for outcome in self.outcomes)

    @property
    def overall(self):
        """The share of queries whose record was on the first page, 0.0 to 1.0."""
        return self.found / len(self.outcomes) if self.outcomes else 0.0

    @property
    def failures(self):
        return [outcome for outcome in self.outcomes if not outcome.found]

    def table(self, title="search relevance"):
        """The score per category, per language and overall, as plain text for a terminal."""
        lines = [title, f"{'category':18} {'found':>5} {'of':>4} {'score':>7}"]
        rows = [*self.categories().items(), None, *self.languages().items()]
        for row in rows:
            if row is None:
                lines.append("")
                continue
            name, (found, asked) = row
            lines.append(f"{name:18} {found:>5} {asked:>4} {found / asked:>7.1%}")
        lines.append(f"{'overall':18} {self.found:>5} {len(self.outcomes):>4} {self.overall:>7.1%}")
        return "\n".join(lines)

    def failure_list(self):
        """One line per query whose record was not on the first page, with what came first instead."""
        lines = []
        for outcome in self.failures:
            query = outcome.query
            if outcome.status != 200:
                instead = f"HTTP {outcome.status}"
            else:
                instead = ", ".join(outcome.shown[:SHOWN_INSTEAD]) or "nothing"
                if len(outcome.shown) > SHOWN_INSTEAD:
                    instead += f" … ({len(outcome.shown)} on the page)"
            lines.append(
                f"[{query.category}] {query.language} “{query.text}” → {query.expected}: not on the first page; "
                f"first: {instead}"
            )
        return "\n".join(lines)


def ask(client, query):
    """Run one query through the search page of its language and read back the records the first page shows."""
    response = client.get(search_url(query.language), {"q": query.text})
    html = response.content.decode(response.charset or "utf-8") if response.status_code == 200 else ""
    return Outcome(query=query, status=response.status_code, shown=records_linked(html, query.language))


def score(queries=None, client=None):
    """Ask every query of the set (or of `queries`) and return the `Score`; the archive must already be loaded."""
    client = client or Client()
    queries = load() if queries is None else queries
    return Score([ask(client, query) for query in queries])
