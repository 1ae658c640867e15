"""Looking people, organizations and venues up by a name spelled as some document spells it."""

import pytest
from django.db import connection

from events.models import Organization, Person, Venue
from tests.factories import make_venue

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def people():
    Person.objects.create(slug="rizvan-huseynov", name_en="Rizvan Huseynov", name_ru="Ризван Гусейнов")
    Person.objects.create(slug="hikmet-hajiyev", name_en="Hikmet Hajiyev", name_ru="Хикмет Гаджиев")
    Person.objects.create(
        slug="aghalar-atamoghlanov",
        name_en="Aghalar Atamoghlanov",
        name_ru="Агалар Атамогланов",
        name_variants="Atamoghlanov",
        other_spellings="Agalar Atamoglanov",
    )


def test_a_misspelled_transliteration_finds_the_person(people):
    """PostgreSQL matches by trigram similarity; SQLite's documented fallback needs an exact substring."""
    found = list(Person.objects.named_like("Rizvan Guseinov").values_list("slug", flat=True))
    if ON_POSTGRESQL:
        assert found == ["rizvan-huseynov"]
    else:
        assert found == []
        assert list(Person.objects.named_like("huseyn").values_list("slug", flat=True)) == ["rizvan-huseynov"]


def test_a_russian_spelling_and_a_variant_find_the_person(people):
    russian = "Хикмет Гаджиев" if not ON_POSTGRESQL else "Хикмат Гаджиев"
    assert list(Person.objects.named_like(russian).values_list("slug", flat=True)) == ["hikmet-hajiyev"]
    variant = "Atamoglanov" if not ON_POSTGRESQL else "Agalar Atamoglanov"
    assert list(Person.objects.named_like(variant).values_list("slug", flat=True)) == ["aghalar-atamoghlanov"]


def test_a_spelling_the_archive_added_finds_the_person_as_the_reports_spellings_do(people):
    """`other_spellings` is not evidence, but a name look-up reads it: "Agalar Atamoglanov" is in no other field."""
    Person.objects.create(slug="someone-else", name_en="Someone Else", name_ru="Кто-то другой")
    found = Person.objects.named_like("Agalar Atamoglanov").values_list("slug", flat=True)
    assert list(found)[:1] == ["aghalar-atamoghlanov"]
    Person.objects.filter(slug="aghalar-atamoghlanov").update(other_spellings="")
    if not ON_POSTGRESQL:  # trigram similarity still finds the name's own spelling; the substring match does not
        assert not Person.objects.named_like("Agalar Atamoglanov").exists()


def test_unrelated_names_and_empty_text_find_nobody(people):
    assert not Person.objects.named_like("Margaret Thatcher").exists()
    assert not Person.objects.named_like("   ").exists()


def test_organizations_and_venues_are_found_by_name_too():
    Organization.objects.create(slug="azertac", name_en="AZERTAC", name_ru="АЗЕРТАДЖ", kind="news_agency")
    make_venue(slug="embassy-astana", name_en="Embassy of Azerbaijan in Kazakhstan", name_ru="Посольство")
    organization = "Azertadj" if ON_POSTGRESQL else "azertac"
    assert list(Organization.objects.named_like(organization).values_list("slug", flat=True)) == ["azertac"]
    venue = "Embassy of Azerbaidjan" if ON_POSTGRESQL else "of Azerbaijan"
    assert list(Venue.objects.named_like(venue).values_list("slug", flat=True)) == ["embassy-astana"]


def test_trigram_indexes_exist_only_on_postgresql():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "events_person")
    trigram = sorted(name for name in indexes if name.endswith("_trgm"))
    expected = [
        "events_person_name_en_trgm",
        "events_person_name_ru_trgm",
        "events_person_name_variants_trgm",
        "events_person_other_spellings_trgm",
    ]
    assert trigram == (expected if ON_POSTGRESQL else [])
