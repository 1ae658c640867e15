"""Stored full-text `search_document` columns with GIN indexes on events, people, venues and organizations.

PostgreSQL only, as for articles: see archive/search_document.py for why and how.
"""

from django.db import migrations

from archive.search_document import add_search_documents

SEARCH_DOCUMENTS = {
    "events_event": (
        ("title_en", "description_en", "audience_en"),
        ("title_ru", "description_ru", "audience_ru"),
    ),
    "events_person": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
    "events_venue": (
        ("name_en", "city_en", "country_en", "description_en"),
        ("name_ru", "city_ru", "country_ru", "description_ru"),
    ),
    "events_organization": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
}


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_workflow_roles"),
    ]

    operations = [
        add_search_documents(SEARCH_DOCUMENTS),
    ]
