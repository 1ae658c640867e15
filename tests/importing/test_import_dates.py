"""How the importer decides a page's date where its rules and dateparser meet: rules first, never overridden, and
a date from the first sentence kept apart as the event's."""

import datetime

import pytest
from django.core.management import call_command

from archive.models import Article

pytestmark = pytest.mark.django_db

REFERENCE_FIXTURES = ["01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds"]
HEADLINE = "Memorial ceremony held at the embassy"
MORE = "The ambassador spoke about the tragedy and laid flowers."


@pytest.fixture
def reference(db):
    call_command("loaddata", *REFERENCE_FIXTURES, verbosity=0)


def imported(tmp_path, content, capsys=None, name="doc.txt"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    call_command("import_documents", str(path), no_progress=True)
    return Article.objects.get(source_filename=name)


def test_a_date_the_rules_read_is_kept_over_what_dateparser_reads_on_the_next_line(reference, tmp_path):
    # The rules read "26.02.2025"; dateparser alone reads the "Updated" line, which must not replace it.
    article = imported(
        tmp_path, f"26.02.2025\nUpdated: Feb 27, 2025 10:15:32 AM\n{HEADLINE}\n\nThe embassy met.\n\n{MORE}"
    )
    assert (article.published_on, article.published_on_basis) == (datetime.date(2025, 2, 26), "stated")
    assert article.published_time is None
    assert "Updated" not in article.original_text


def test_a_printed_date_is_kept_over_the_date_in_the_first_sentence(reference, tmp_path):
    article = imported(tmp_path, f"Feb 27, 2025 10:15:32 AM\n{HEADLINE}\n\nOn 26 February 2025, the embassy met.")
    assert (article.published_on, article.published_time) == (datetime.date(2025, 2, 27), datetime.time(10, 15, 32))
    assert (article.published_on_precision, article.published_on_basis) == ("day", "stated")


def test_a_date_in_the_first_sentence_is_stored_as_the_events_and_says_so(reference, tmp_path, capsys):
    article = imported(tmp_path, f"{HEADLINE}\n\nOn 26 February 2025, a memorial evening was held in Astana.\n\n{MORE}")
    assert (article.published_on, article.published_on_precision) == (datetime.date(2025, 2, 26), "day")
    assert article.published_on_basis == "event"
    assert "describes the event, not necessarily the publication" in article.published_on_note_en
    assert "дата события, не обязательно публикации" in article.published_on_note_ru
    assert "first sentence" in capsys.readouterr().out


def test_a_first_sentence_date_in_another_year_than_the_anniversary_is_not_taken(reference, tmp_path, capsys):
    text = (
        "On February 25, 1992, the town was attacked; the embassy marked the 33rd anniversary of the Khojaly genocide."
    )
    article = imported(tmp_path, f"{HEADLINE}\n\n{text}\n\n{MORE}")
    assert (article.published_on, article.published_on_precision) == (datetime.date(2025, 1, 1), "year")
    assert article.published_on_basis == "inferred"
    assert "not in the year the anniversaries point to" in capsys.readouterr().out


def test_an_updated_line_alone_dates_the_page_as_inferred_with_a_note(reference, tmp_path):
    article = imported(tmp_path, f"Обновлено: 26.02.2025 в 15:40\n{HEADLINE}\n\nВ посольстве прошла церемония.")
    assert (article.published_on, article.published_time) == (datetime.date(2025, 2, 26), datetime.time(15, 40))
    assert article.published_on_basis == "inferred"
    assert "only when it was updated" in article.published_on_note_en


def test_a_month_printed_without_a_day_stays_a_month(reference, tmp_path):
    article = imported(tmp_path, f"February 2025\n{HEADLINE}\n\nThe embassy met.\n\n{MORE}")
    assert (article.published_on, article.published_on_precision) == (datetime.date(2025, 2, 1), "month")
    assert article.published_on_basis == "stated" and "February 2025" in article.published_on_note_en


@pytest.mark.parametrize(
    "opening",
    [
        "Yesterday, the embassy held a ceremony in memory of the victims.",
        "Вчера в посольстве прошла церемония памяти.",
        "On February 26, the embassy held a ceremony in memory of the victims.",
        "В среду в посольстве прошла церемония памяти.",
    ],
)
def test_no_date_is_invented_from_relative_words_or_a_day_without_a_year(reference, tmp_path, opening):
    article = imported(tmp_path, f"{HEADLINE}\n\n{opening}\n\n{MORE}")
    assert article.published_on is None
    assert "editor must set the date" in article.published_on_note_en


def test_a_sentence_opening_with_a_weekday_is_not_a_dateline(reference, tmp_path):
    article = imported(tmp_path, f"{HEADLINE}\n\nВ среду, 26 февраля 2025 года, в посольстве прошла церемония.")
    assert article.dateline == ""
    assert (article.published_on, article.published_on_basis) == (datetime.date(2025, 2, 26), "event")


def test_a_dateline_the_rules_do_not_know_is_read_and_stated(reference, tmp_path):
    article = imported(tmp_path, f"{HEADLINE}\n\nМОСКВА, 26 фев 2025 — РИА Новости. В посольстве прошла церемония.")
    assert article.dateline == "МОСКВА, 26 фев 2025"
    assert (article.published_on, article.published_on_basis) == (datetime.date(2025, 2, 26), "stated")
