"""The relevance set (tests/search_relevance.tsv): queries typed the way visitors type them, each with the record
it must find on the first page of results. The set itself is checked here; the search is scored against it through
the search page, the score per category is printed (in the terminal summary, and with -s), and issue 14's gate says
that at least 95% of the queries must find their record on this backend.
"""

from collections import Counter

import pytest
from django.db import connection

from tests import search_scoring

MIN_QUERIES = 80
MIN_PER_CATEGORY = 8
GATE = 0.95
CATEGORIES = {
    "inflected names",
    "other spellings",
    "other script",
    "typos",
    "word forms",
    "phrases",
    "numbers",
    "inside events",
}

pytestmark = pytest.mark.django_db


def test_the_set_has_enough_queries_in_every_category_and_in_both_languages():
    queries = search_scoring.load()
    assert len(queries) >= MIN_QUERIES
    per_category = Counter(query.category for query in queries)
    assert set(per_category) == CATEGORIES
    assert all(count >= MIN_PER_CATEGORY for count in per_category.values()), per_category
    assert {query.language for query in queries} == {"en", "ru"}
    asked = Counter((query.language, query.text) for query in queries)
    # A query may expect two records (two rows), but the same row twice would count twice.
    rows = Counter((query.language, query.text, query.expected) for query in queries)
    assert [row for row, count in rows.items() if count > 1] == []
    assert len(asked) >= MIN_QUERIES


def test_a_malformed_row_is_refused_with_its_line(tmp_path):
    path = tmp_path / "set.tsv"
    path.write_text("\t".join(search_scoring.COLUMNS) + "\ntypos\tde\tKazakstan\tvenue:x\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        search_scoring.load(path)


def test_every_expected_record_exists_and_its_page_is_public(archive, client):
    missing = []
    for expected in sorted({query.expected for query in search_scoring.load()}):
        for language in ("en", "ru"):
            response = client.get(search_scoring.record_url(expected, language))
            if response.status_code != 200:
                missing.append((expected, language, response.status_code))
    assert missing == []


def test_the_scorer_counts_a_record_on_the_first_page_and_names_what_came_first_on_a_miss(archive):
    found = search_scoring.Query("numbers", "en", "Vladivostok", "venue:vladivostok")
    missed = search_scoring.Query("numbers", "ru", "Vladivostok", "person:khazar-farhadov")
    score = search_scoring.score([found, missed])
    assert [outcome.found for outcome in score.outcomes] == [True, False]
    assert score.outcomes[0].position >= 1
    assert "venue:vladivostok" in score.outcomes[1].shown
    assert score.categories() == {"numbers": (1, 2)}
    assert score.overall == 0.5
    assert "“Vladivostok” → person:khazar-farhadov: not on the first page; first: " in score.failure_list()
    assert "venue:vladivostok" in score.failure_list()


def test_only_links_to_records_count_as_results():
    html = """<header><a href="/en/people/nav-person/">nav</a></header><main>
      <a href="/en/search/?q=Vladivostok">Did you mean Vladivostok?</a><a href="/en/events/">all events</a>
      <a class="item-title" href="/en/venues/vladivostok/">Vladivostok</a>
      <a href="/en/venues/vladivostok/">again</a><a href="https://example.org/en/people/x/">elsewhere</a>
      <a href="/en/articles/some-report/#figures">a report</a></main>"""
    assert search_scoring.records_linked(html, "en") == ["venue:vladivostok", "article:some-report"]


def test_the_search_finds_the_expected_record_on_the_first_page_for_95_percent_of_the_set(archive, record_property):
    score = search_scoring.score()
    table = score.table(f"search relevance on {connection.vendor}")
    # tests/conftest.py prints the table in the terminal summary (from xdist workers too); -s shows the failures.
    record_property("search relevance", table)
    print(f"{table}\n\nnot on the first page:\n{score.failure_list()}")
    assert score.overall >= GATE, f"{table}\n\nnot on the first page:\n{score.failure_list()}"
