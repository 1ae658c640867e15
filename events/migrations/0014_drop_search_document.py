"""Search reads the `searchindex` app's index now: the generated `search_document` columns go."""

from django.db import migrations

from archive.search_document import drop_search_documents

SEARCH_DOCUMENTS = {
    "events_event": (
        ("title_en", "description_en", "audience_en"),
        ("title_ru", "description_ru", "audience_ru"),
    ),
    "events_person": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants", "other_spellings")),
    "events_venue": (
        ("name_en", "city_en", "country_en", "description_en"),
        ("name_ru", "city_ru", "country_ru", "description_ru"),
    ),
    "events_organization": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants", "other_spellings")),
}


class Migration(migrations.Migration):
    dependencies = [("events", "0013_organizer_role_labels")]

    operations = [drop_search_documents(SEARCH_DOCUMENTS)]
