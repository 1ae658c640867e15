"""Search reads the `searchindex` app's index now: the articles' generated `search_document` column goes."""

from django.db import migrations

from archive.search_document import drop_search_documents


SEARCH_DOCUMENTS = {
    "archive_article": (
        ("title_en", "lead_en", "body_en"),
        ("title_ru", "lead_ru", "body_ru", "original_title", "original_text"),
    ),
}


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_move_workflow_log_and_import_models")]

    operations = [drop_search_documents(SEARCH_DOCUMENTS)]
