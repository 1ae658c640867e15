"""A stored full-text `search_document` column with a GIN index on articles (PostgreSQL only).

Why and how: archive/search_document.py.
"""

from django.db import migrations

from archive.search_document import add_search_documents

SEARCH_DOCUMENTS = {
    "archive_article": (
        ("title_en", "lead_en", "body_en"),
        ("title_ru", "lead_ru", "body_ru", "original_title", "original_text"),
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_workflow_log_and_roles"),
    ]

    operations = [
        add_search_documents(SEARCH_DOCUMENTS),
    ]
