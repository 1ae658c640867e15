"""The admin says whose it is, in the editor's language: the archive's name, not "Django administration"."""

import pytest


@pytest.mark.parametrize(
    ("language", "name", "app"),
    [("en", "Commemoration Archive", "Publishing"), ("ru", "Архив памятных мероприятий", "Публикация")],
)
def test_the_admin_header_and_title_name_the_archive_in_the_editors_language(admin_client, language, name, app):
    html = admin_client.get(f"/{language}/admin/").content.decode()
    header = html.split('id="site-name"', 1)[1].split("</div>", 1)[0]
    assert name in header
    assert "<title>" in html and name in html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Django" not in header
    assert app in html  # the apps' own names are translated too


def test_the_login_page_names_the_archive_as_well(client, db):
    html = client.get("/ru/admin/login/").content.decode()
    branding = html.split('id="branding"', 1)[1].split("</div>", 1)[0]
    assert "Архив памятных мероприятий" in branding and "Django" not in branding
