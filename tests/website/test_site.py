"""Site-wide guards: no pending migrations, every locale renders, one <h1>, steady query counts."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_event

pytestmark = pytest.mark.django_db


def test_no_model_change_lacks_a_migration():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_home_page_renders_in_each_language_with_one_h1(archive, client, language):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1


def test_home_page_is_in_russian_under_ru(archive, client):
    html = client.get("/ru/").content.decode()
    assert "Архив памятных мероприятий" in html
    assert "В посольстве Азербайджана в Казахстане почтили память" in html


def test_home_page_shows_no_draft(client):
    make_event(title_en="Hidden draft event", status="draft")
    make_article(title_en="Hidden draft article", status="draft")
    html = client.get("/en/").content.decode()
    assert "Hidden draft" not in html


def test_home_page_query_count_does_not_grow_with_content(client):
    from publishing.generations import current_generation

    make_event()
    make_article()
    current_generation()  # made once after invalidate_pages(), not by every page: not counted
    with CaptureQueriesContext(connection) as one:
        client.get("/en/")
    for _ in range(29):
        make_event()
        make_article()
    with CaptureQueriesContext(connection) as thirty:
        client.get("/en/")
    assert len(one) == len(thirty)
