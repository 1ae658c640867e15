"""The hand-built archive says no more than the reports do: its translations, descriptions and spellings (issue 17).

The verbatim originals are checked in test_fixtures.py; these tests read the archive's own text against them.
"""

import re

import pytest
from modeltranslation.translator import translator

from archive.models import Article, FigureKind, ReportedFigure
from events.models import Event, EventOrganizer, Organization, Participation, Person
from wordforms import tokens

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


# -- what the reports write, and what the archive writes --------------------------------------------------


def report_words():
    """The words of every verbatim original in the archive, one list per article."""
    return [tokens.words(a.original_title + "\n" + a.original_text) for a in Article.objects.all()]


def same_word(spelling_word, report_word):
    """Latin words as written (any case); a Russian word in any of its case forms ("посольство", "посольстве")."""
    if spelling_word.casefold() == report_word.casefold():
        return True
    return bool(CYRILLIC.search(spelling_word)) and bool(tokens.lemmas(spelling_word) & tokens.lemmas(report_word))


def places_used(spelling, documents):
    """(document index, word index) of each place a report writes `spelling`, word for word."""
    wanted = tokens.words(spelling)
    return [
        (d, i)
        for d, words in enumerate(documents)
        for i in range(len(words) - len(wanted) + 1)
        if all(same_word(w, words[i + j]) for j, w in enumerate(wanted))
    ]


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_the_reports_own(article, name):
    """An article's lead and body in its original language are the report's words, and its headline unless supplied."""
    return name in ("lead", "body") or (name == "title" and not article.title_supplied)


def archive_texts(language):
    """(label, text) of every translated field the archive writes itself in `language`: all registered fields
    except an article's headline, lead and body in its original language, which are the report's own words."""
    for model in translator.get_registered_models():
        if model._meta.abstract or model._meta.proxy or model._meta.app_label not in ("archive", "events"):
            continue
        fields = translator.get_options_for_model(model).fields
        for obj in model._default_manager.all():
            for name in fields:
                if model is Article and obj.original_language == language and is_the_reports_own(obj, name):
                    continue
                text = getattr(obj, f"{name}_{language}") or ""
                if text:
                    yield f"{model.__name__} {getattr(obj, 'slug', obj.pk)} {name}_{language}", name, text


# -- spellings: the reports' own, and the archive's addition ----------------------------------------------


def test_every_spelling_in_the_reports_is_written_in_some_report(archive):
    documents = report_words()
    assert len(documents) == 5
    for model in (Person, Organization):
        for record in model.objects.all():
            for spelling in lines(record.name_variants):
                assert places_used(spelling, documents), (
                    f"{model.__name__} {record.slug}: no report writes {spelling!r}; "
                    "a spelling the archive adds belongs in other_spellings"
                )


def test_a_spelling_the_archive_adds_is_one_no_report_uses(archive):
    documents = report_words()
    added = 0
    for model in (Person, Organization):
        for record in model.objects.all():
            for spelling in lines(record.other_spellings):
                added += 1
                assert not places_used(spelling, documents), (
                    f"{model.__name__} {record.slug}: a report writes {spelling!r}; it belongs in name_variants"
                )
    assert added == 5


def test_the_spellings_no_report_uses_are_kept_apart_as_the_archives(archive):
    assert lines(Person.objects.get(slug="aghalar-atamoghlanov").other_spellings) == ["Agalar Atamoglanov"]
    assert lines(Person.objects.get(slug="rizvan-huseynov").other_spellings) == ["Rizvan Guseynov"]
    assert lines(Organization.objects.get(slug="friendship-vladivostok").other_spellings) == ["Дружба"]
    assert lines(Organization.objects.get(slug="azertac").other_spellings) == ["Азертадж"]


def test_nazim_aliyev_has_no_bare_surname_that_names_every_other_aliyev(archive):
    nazim = Person.objects.get(slug="nazim-aliyev")
    assert "Aliyev" not in lines(nazim.name_variants) + lines(nazim.other_spellings)


TITLES = {"ambassador", "historian", "посол", "историк"}


def test_a_one_word_spelling_in_the_reports_names_only_its_own_person(archive):
    """A surname on its own is a spelling of one person only if every report that writes it means that person:
    the word before it is the person's own first name, a title, or not a name at all."""
    documents = report_words()
    for person in Person.objects.all():
        own = {w.casefold() for w in tokens.words(f"{person.name_en} {person.name_ru} {person.name_variants}")}
        for spelling in lines(person.name_variants):
            if len(tokens.words(spelling)) != 1:
                continue
            for d, i in places_used(spelling, documents):
                before = documents[d][i - 1] if i else ""
                assert (
                    not before[:1].isupper()
                    or before.casefold() in TITLES
                    or any(same_word(before, name) for name in own)
                ), f"{person.slug}: {spelling!r} also names “{before} {documents[d][i]}”"


# -- translations and descriptions say what the reports say -----------------------------------------------


def test_the_library_is_said_to_have_hosted_the_seminar_not_to_have_held_it(archive):
    """Document 002: the library hosted the seminar; the embassy and the MUSLIM Institute co-organized it."""
    article = Article.objects.get(slug="news-az-2024-02-27-national-library-of-pakistan")
    assert "библиотека Пакистана провела" not in article.lead_ru
    assert article.lead_ru.startswith("В Национальной библиотеке Пакистана прошёл семинар")


def test_the_russian_translation_adds_no_pejorative_and_keeps_establishment(archive):
    article = Article.objects.get(slug="trend-2025-03-04-russian-regions")
    assert "advocacy efforts" in article.original_text and "propaganda" not in article.original_text
    assert "establishment of historical justice" in article.original_text
    assert "информационно-разъяснительные усилия" in article.body_ru
    assert "установление исторической справедливости" in article.body_ru
    assert "восстановление исторической справедливости" not in article.body_ru


def test_no_translation_says_propaganda_where_its_report_does_not(archive):
    for article in Article.objects.all():
        if "propagand" in article.original_text.lower() or "пропаганд" in article.original_text.lower():
            continue
        for language in ("en", "ru"):
            for name in ("title", "lead", "body"):
                text = getattr(article, f"{name}_{language}").lower()
                assert "propagand" not in text and "пропаганд" not in text, (article.slug, name, language)


def test_the_translation_keeps_successfully_liberated(archive):
    article = Article.objects.get(slug="news-az-2025-02-26-embassy-in-kazakhstan")
    assert "had successfully liberated" in article.original_text
    assert "Азербайджан успешно освободил свои территории" in article.body_ru


def test_an_event_only_hosted_by_an_organization_is_not_said_to_be_held_by_it(archive):
    """The embassy's recorded role in Kazakhstan is host: the reports say an event was held *at* the embassy."""
    hosted = EventOrganizer.objects.filter(role="host", event__venue__organization__kind="embassy")
    events = Event.objects.filter(pk__in=hosted.values("event")).exclude(
        organizers__role__in=["organiser", "co_organiser"]
    )
    assert sorted(events.values_list("slug", flat=True)) == ["embassy-in-kazakhstan-2025", "embassy-in-kazakhstan-2026"]
    for event in events:
        assert "embassy held" not in event.description_en and "held at the embassy" in event.description_en
        assert "посольство провело" not in event.description_ru and "в посольстве прошло" in event.description_ru


def test_the_2025_embassy_description_gives_no_programme_order_the_report_does_not(archive):
    event = Event.objects.get(slug="embassy-in-kazakhstan-2025")
    assert "followed by speeches" not in event.description_en
    assert "the report does not say in what order" in event.description_en
    assert "в каком порядке, в сообщении не сказано" in event.description_ru
    for item in event.programme.filter(kind__in=["exhibition", "screening"]):
        assert "does not say at what point" in item.description_en, item
        assert "в какой момент, в сообщении не сказано" in item.description_ru, item


def test_the_end_of_the_occupation_is_the_ambassadors_words(archive):
    speech = Participation.objects.get(event__slug="national-library-of-pakistan-2024", position=1)
    assert "what he called the end of the Armenian occupation" in speech.summary_en
    assert "что он назвал прекращением армянской оккупации" in speech.summary_ru
    assert "of the end of the occupation" not in speech.summary_en


def test_the_witness_title_is_attributed_to_trend_as_on_the_person_record(archive):
    witness = Participation.objects.get(event__slug="krasnoyarsk-territory-2025", position=2)
    assert witness.person.slug == "nazim-aliyev" and "Described by Trend" in witness.person.description_en
    assert witness.title_en == "Described by Trend as a witness to the events of 1992"
    assert witness.title_ru == "По описанию Trend, свидетель событий 1992 года"


# -- figure kinds fit every report filed under them -------------------------------------------------------

LEGISLATURES = re.compile(r"legislat|parliament|законодат|парламент", re.IGNORECASE)


def test_a_figure_kind_that_names_legislatures_holds_only_reports_that_do(archive):
    """ "the national legislatures of 20 countries" fits such a kind; "adopted in 17 countries and the parliaments
    of 24 U.S. states" does not: its parliaments are the states', named after the number."""
    for kind in FigureKind.objects.all():
        if not LEGISLATURES.search(kind.name_en + kind.name_ru):
            continue
        for figure in ReportedFigure.objects.filter(kind=kind):
            before_number = figure.passage.split(str(figure.value))[0]
            assert LEGISLATURES.search(before_number), f"{kind.slug}: {figure.passage!r} names no legislature"


def test_the_countries_figure_of_document_000_is_labelled_as_the_report_words_it(archive):
    kind = FigureKind.objects.get(slug="countries-resolutions")
    assert kind.name_en == "Countries where resolutions were adopted"
    assert kind.name_ru == "Страны, в которых приняты резолюции"
    seventeen = ReportedFigure.objects.get(kind=kind, value=17)
    assert "adopted in 17 countries" in seventeen.passage and "without saying by whom" in seventeen.note_en


# -- house style ----------------------------------------------------------------------------------------

CAPITALISED_TITLE = re.compile(
    r"(?<=[а-яё,)] )(?:Генеральн|Посол|Посл[аеуо]|Председател|Заместител|Вице-президент|Президент|Директор|"
    r"Руководител|Координатор)\w*"
)


def test_russian_job_titles_inside_a_sentence_are_lowercase(archive):
    for label, _name, text in archive_texts("ru"):
        assert not CAPITALISED_TITLE.search(text), f"{label}: {CAPITALISED_TITLE.search(text).group()!r}"


def test_one_spelling_of_the_organization_of_islamic_cooperation_and_conference_in_russian(archive):
    found = [
        m.group() for _label, _name, text in archive_texts("ru") for m in re.finditer(r"Организаци\w* [Ии]сламск", text)
    ]
    assert found, "the archive's Russian text names the organization"
    assert all(" и" in spelling for spelling in found), found


def test_the_archives_english_spells_organize_with_z(archive):
    """The project writes "organization", "organizer": so the archive's own English does too. A record's name is
    exempt: an organization's name is spelt as the organization spells it."""
    for label, name, text in archive_texts("en"):
        if name == "name":
            continue
        assert not re.search(r"organis", text, re.IGNORECASE), f"{label}: {text!r}"


def test_the_pages_spell_organize_with_z_too(archive, client):
    html = client.get("/en/events/national-library-of-pakistan-2024/").content.decode()
    assert "Organized by" in html and "co-organizer" in html
    assert not re.search(r"organis", html, re.IGNORECASE)
    organization = client.get("/en/organizations/muslim-institute/").content.decode()
    assert "Events it organized or hosted" in organization and "organis" not in organization.lower()
    assert "Организаторы" in client.get("/ru/events/national-library-of-pakistan-2024/").content.decode()
