"""New records get readable Latin slugs, Russian titles transliterated."""

import pytest

from archive.models import Article
from archive.slugs import slug_for, unique_slug_for
from tests.factories import make_article


def test_russian_titles_are_transliterated():
    assert slug_for("Памятное мероприятие в Казахстане") == "pamyatnoe-meropriyatie-v-kazakhstane"
    assert slug_for("Ходжалинская трагедия: 34-я годовщина") == "khodzhalinskaya-tragediya-34-ya-godovshchina"


def test_english_titles_keep_their_words_and_long_titles_are_cut_at_a_word():
    assert slug_for("Victims of the Khojaly tragedy commemorated") == "victims-of-the-khojaly-tragedy-commemorated"
    slug = slug_for("word " * 60, max_length=20)
    assert len(slug) <= 20 and not slug.endswith("-")


@pytest.mark.django_db
def test_a_taken_slug_gets_a_number():
    make_article(slug="seminar-v-pakistane")
    assert unique_slug_for(Article, "Семинар в Пакистане") == "seminar-v-pakistane-2"
