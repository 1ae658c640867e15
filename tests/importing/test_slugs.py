"""New records get readable Latin slugs, Russian titles transliterated."""

import pytest
from django.core.management import call_command

from archive.models import Article
from events.models import Person
from importing.slugs import slug_for


def test_russian_titles_are_transliterated():
    assert slug_for("Памятное мероприятие в Казахстане") == "pamyatnoe-meropriyatie-v-kazakhstane"
    assert slug_for("Ходжалинская трагедия: 34-я годовщина") == "khodzhalinskaya-tragediya-34-ya-godovshchina"


def test_english_titles_keep_their_words_and_long_titles_are_cut_at_a_word():
    assert slug_for("Victims of the Khojaly tragedy commemorated") == "victims-of-the-khojaly-tragedy-commemorated"
    slug = slug_for("word " * 60, max_length=20)
    assert len(slug) <= 20 and not slug.endswith("-")


def _import(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    call_command("import_documents", str(path), no_progress=True, verbosity=0)
    return Article.objects.get(source_filename="doc.txt")


@pytest.mark.django_db
def test_the_importer_spells_russian_titles_the_same_way(tmp_path):
    """One transliteration for the whole project: the importer's slugs agree with `slug_for`."""
    article = _import(tmp_path, "date 2025-02-26\n\nЩёкино помнит жертв Ходжалы\n\nВ Щёкино прошёл вечер.\n\nАбзац.")
    assert "-shchyokino-pomnit-" in article.slug
    assert slug_for("Щёкино помнит") in article.slug


@pytest.mark.django_db
def test_a_name_printed_with_e_for_yo_still_finds_the_person(tmp_path):
    person = Person.objects.create(slug="pyotr-shchukin", name_en="Pyotr Shchukin", name_ru="Пётр Щукин")
    article = _import(tmp_path, "date 2025-02-26\n\nВечер в Щёкино\n\nПетр Щукин рассказал о трагедии.\n\nАбзац.")
    [suggestion] = article.suggestions.filter(kind="named_in")
    assert suggestion.person == person and suggestion.text == "Петр Щукин"


@pytest.mark.django_db
def test_an_imported_article_with_a_short_title_keeps_every_word_of_it_in_its_slug(tmp_path):
    article = _import(tmp_path, "date 2025-02-26\n\nSeminar in Pakistan\n\nA seminar was held.\n\nMore.")
    assert article.slug.endswith("-2025-02-26-seminar-in-pakistan")


@pytest.mark.django_db
def test_an_imported_article_with_a_long_title_is_cut_at_a_word(tmp_path):
    title = "Commemoration of the victims held at the embassy with a documentary and an exhibition of photographs"
    article = _import(tmp_path, f"date 2025-02-26\n\n{title}\n\nA ceremony was held.\n\nMore.")
    words = article.slug.split("-2025-02-26-", 1)[1]
    assert len(words) <= 60 and title.lower().replace(" ", "-").startswith(words + "-")
