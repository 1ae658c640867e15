"""The importer suggests who a new document names ("named in"), and confirming one adds it to the record's page."""

import pytest
from django.core.management import call_command

from archive.models import Article
from events.models import Mention, Person
from importing.models import ImportSuggestion
from publishing.models import Status
from tests.factories import make_event, make_participation, make_report

pytestmark = pytest.mark.django_db

SUGGESTIONS = "/en/admin/importing/importsuggestion/"

# Not one of the five seed documents: a new report, naming the president in an oblique case in each language.
EN_REPORT = (
    "date 2026-02-27\n"
    "Khojaly victims remembered in Tbilisi\n\n"
    "A memorial evening marking the 34th anniversary of the Khojaly tragedy was held in Tbilisi, Trend reports.\n\n"
    "The speakers recalled the decision of Azerbaijan’s Milli Majlis and President Ilham Aliyev’s visit to Khojaly "
    "in October 2023.\n\n"
    "Guests watched a documentary."
)
RU_REPORT = (
    "date 2026-02-27\n"
    "В Тбилиси почтили память жертв Ходжалы\n\n"
    "В Тбилиси прошёл вечер памяти, приуроченный к 34-й годовщине Ходжалинской трагедии.\n\n"
    "Выступавшие напомнили о визите президента Ильхама Алиева в Ходжалы и о кампании, начатой Лейлой Алиевой "
    "в 2008 году.\n\n"
    "Гостям показали документальный фильм."
)


@pytest.fixture
def reference(db):
    """The directory of the fixtures (the people and bodies the seed reports name included), but no article."""
    call_command(
        "loaddata", "01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds", verbosity=0
    )


def imported(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_documents", str(path), no_progress=True, verbosity=0)
    return Article.objects.get(source_filename=name)


def named_in(article):
    return {
        (s.text, (s.person or s.organization).slug): s
        for s in article.suggestions.filter(kind=ImportSuggestion.Kind.NAMED_IN)
    }


def test_a_new_english_report_suggests_the_people_and_bodies_it_names(reference, tmp_path):
    article = imported(tmp_path, "tbilisi-en.txt", EN_REPORT)
    suggested = named_in(article)
    # The name as written, possessive included.
    assert set(suggested) == {("Milli Majlis", "milli-majlis"), ("Ilham Aliyev’s", "ilham-aliyev")}
    for suggestion in suggested.values():
        assert suggestion.decision == "pending" and suggestion.passage in article.original_text
    assert suggested["Ilham Aliyev’s", "ilham-aliyev"].passage.startswith("The speakers recalled")
    # The outlet the report names is the report's own chain, not someone it names.
    assert not article.suggestions.filter(kind="named_in", organization__slug="trend").exists()
    assert article.suggestions.filter(kind="organization", organization__slug="trend").exists()
    assert not Mention.objects.exists()  # suggestions only: nothing is added until an editor confirms


def test_a_russian_report_naming_them_in_oblique_cases_finds_their_records(reference, tmp_path):
    article = imported(tmp_path, "tbilisi-ru.txt", RU_REPORT)
    suggested = named_in(article)
    assert set(suggested) == {("Ильхама Алиева", "ilham-aliyev"), ("Лейлой Алиевой", "leyla-aliyeva")}
    assert all(s.passage in article.original_text for s in suggested.values())
    # "Алиева" is also Mehriban Aliyeva's surname: the first name decides.
    assert not article.suggestions.filter(person__slug="mehriban-aliyeva").exists()


def test_confirming_a_named_in_suggestion_adds_the_passage_to_the_persons_page(admin_client, reference, tmp_path):
    article = imported(tmp_path, "tbilisi-ru.txt", RU_REPORT)
    suggestion = article.suggestions.get(kind="named_in", person__slug="ilham-aliyev")

    response = admin_client.post(SUGGESTIONS, {"action": "confirm", "_selected_action": [suggestion.pk]})

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.decision == "confirmed"
    [mention] = Mention.objects.filter(article=article)
    assert (mention.person.slug, mention.organization, mention.passage) == ("ilham-aliyev", None, suggestion.passage)
    # A draft's mention stays off the page until the article is published.
    assert admin_client.get("/en/people/ilham-aliyev/").status_code == 404
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    page = admin_client.get("/ru/people/ilham-aliyev/").content.decode()
    assert "Выступавшие напомнили о визите президента Ильхама Алиева" in page


def test_a_named_person_who_takes_part_in_an_event_of_the_report_is_not_made_a_mention(
    admin_client, reference, tmp_path
):
    article = imported(tmp_path, "tbilisi-en.txt", EN_REPORT)
    event = make_event()
    make_report(event, article)
    make_participation(event, article, person=Person.objects.get(slug="ilham-aliyev"))
    suggestion = article.suggestions.get(kind="named_in", person__slug="ilham-aliyev")

    response = admin_client.post(SUGGESTIONS, {"action": "confirm", "_selected_action": [suggestion.pk]}, follow=True)

    assert "names were left to be confirmed" in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.decision == "pending"
    assert not Mention.objects.exists()
