"""Logic that lives on the models: partial dates, visibility, translations, anniversaries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from archive.dates import DatePrecision, format_partial_date
from archive.models import AnniversaryMention, Article
from events.models import Event
from publishing.models import Status
from tests.factories import make_article, make_event, make_occasion

pytestmark = pytest.mark.django_db


def test_a_year_only_date_must_be_stored_as_the_first_of_january():
    article = make_article(
        published_on=datetime.date(2024, 2, 26),
        published_on_precision="year",
        published_on_basis="inferred",
        published_on_note_en="Why",
        published_on_note_ru="Почему",
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "published_on" in error.value.message_dict


def test_a_month_only_date_must_be_stored_as_the_first_of_the_month():
    event = make_event(
        held_on=datetime.date(2025, 2, 26), held_on_precision="month", held_on_note_en="Why", held_on_note_ru="Почему"
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "held_on" in error.value.message_dict


def test_an_inferred_date_without_a_reason_is_refused():
    event = make_event(held_on=datetime.date(2025, 1, 1), held_on_precision="year", held_on_basis="inferred")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "held_on_note_en" in error.value.message_dict
    event.held_on_note_en = "The report gives only the anniversary."
    event.held_on_note_ru = "В сообщении указана только годовщина."
    event.full_clean()


def test_an_exact_stated_date_needs_no_note():
    make_article(published_on=datetime.date(2025, 2, 26)).full_clean()


@pytest.mark.parametrize(
    ("precision", "language", "expected"),
    [
        (DatePrecision.YEAR, "en", "2025"),
        (DatePrecision.MONTH, "en", "February 2025"),
        (DatePrecision.DAY, "en", "Feb. 26, 2025"),
        (DatePrecision.MONTH, "ru", "Февраль 2025"),
        (DatePrecision.DAY, "ru", "26 февраля 2025"),
    ],
)
def test_partial_dates_are_shown_no_more_precisely_than_known(precision, language, expected):
    day = datetime.date(2025, 2, 26) if precision == DatePrecision.DAY else datetime.date(2025, 2, 1)
    with translation.override(language):
        assert format_partial_date(day, precision).startswith(expected)


def test_only_published_content_that_is_due_is_public():
    now = timezone.now()
    visible = make_event(status=Status.PUBLISHED)
    make_event(status=Status.DRAFT)
    make_event(status=Status.IN_REVIEW)
    make_event(status=Status.WITHDRAWN)
    scheduled = make_event(status=Status.PUBLISHED, public_from=now + datetime.timedelta(hours=1))
    due = make_event(status=Status.PUBLISHED, public_from=now - datetime.timedelta(minutes=1))
    assert set(Event.objects.published()) == {visible, due}
    assert not scheduled.is_public and due.is_public


def test_an_events_anniversary_is_computed_from_its_date_and_the_occasion():
    occasion = make_occasion(began_on=datetime.date(1992, 2, 25))
    assert make_event(occasion=occasion, held_on=datetime.date(2026, 1, 1)).anniversary == 34


def test_an_anniversary_mention_knows_the_year_it_implies():
    occasion = make_occasion(began_on=datetime.date(1992, 2, 25))
    article = make_article(published_on=datetime.date(2024, 1, 1))
    mention = AnniversaryMention.objects.create(
        article=article, occasion=occasion, kind="years_elapsed", number=22, passage="Twenty-two years"
    )
    assert mention.implied_year == 2014
    assert article.date_conflicts == [mention]
    mention.number = 32
    mention.save()
    assert Article.objects.get(pk=article.pk).date_conflicts == []


def test_a_translated_field_follows_the_active_language():
    article = make_article(title_en="Seminar", title_ru="Семинар")
    with translation.override("ru"):
        assert Article.objects.get(pk=article.pk).title == "Семинар"
    with translation.override("en"):
        assert Article.objects.get(pk=article.pk).title == "Seminar"


def test_saving_content_moves_its_updated_time():
    article = make_article()
    first = article.updated_at
    article.save()
    assert article.updated_at > first
