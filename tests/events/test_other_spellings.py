"""The reports' spellings of a name and the archive's own additions: kept apart on pages, both found by search."""

import re

import pytest

pytestmark = pytest.mark.django_db

REPORTS_LABEL = {"en": "Other spellings in the reports:", "ru": "Другие написания в сообщениях:"}
ARCHIVE_LABEL = {
    "en": "Other spellings added by the archive (not from the reports):",
    "ru": "Другие написания, добавленные архивом (не из сообщений):",
}
ORGANIZATION_REPORTS_LABEL = {"en": "Other names in the reports:", "ru": "Другие названия в сообщениях:"}


def paragraph_after(html, label):
    """The text of the paragraph that begins with `label`, tags removed; "" when the page has none."""
    match = re.search(re.escape(label) + r"(.*?)</p>", html, re.DOTALL)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_person_page_shows_the_archives_spellings_apart_from_the_reports(archive, client, language):
    html = client.get(f"/{language}/people/aghalar-atamoghlanov/").content.decode()
    reports = paragraph_after(html, REPORTS_LABEL[language])
    added = paragraph_after(html, ARCHIVE_LABEL[language])
    assert "Atamoghlanov" in reports and "Атамогланов" in reports and "Agalar Atamoglanov" not in reports
    assert added.strip() == "Agalar Atamoglanov"
    assert '<p class="note archive-addition">' in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_organization_page_shows_the_archives_spellings_apart_from_the_reports(archive, client, language):
    html = client.get(f"/{language}/organizations/azertac/").content.decode()
    assert paragraph_after(html, ORGANIZATION_REPORTS_LABEL[language]).strip() == "Azertac"
    assert paragraph_after(html, ARCHIVE_LABEL[language]).strip() == "Азертадж"


def test_a_record_without_spellings_of_the_archives_shows_no_such_line(archive, client):
    html = client.get("/en/people/daniyar-kasimov/").content.decode()
    assert ARCHIVE_LABEL["en"] not in html
    assert "archive-addition" not in html


def test_the_json_ld_of_a_person_names_every_spelling_once(archive, client):
    html = client.get("/en/people/aghalar-atamoghlanov/").content.decode()
    alternate = re.search(r'"alternateName": \[(.*?)\]', html).group(1)
    assert alternate.count("Agalar Atamoglanov") == 1 and "Атамогланов" in alternate


@pytest.mark.parametrize(("query", "slug"), [("Atamoglanov", "aghalar-atamoghlanov"), ("Guseynov", "rizvan-huseynov")])
def test_search_finds_a_record_by_a_spelling_only_the_archive_adds(archive, client, query, slug):
    html = client.get("/en/search/", {"q": query}).content.decode()
    assert f"/{slug}/" in html


def test_the_admin_labels_the_two_fields_for_what_they_hold(admin_client):
    html = admin_client.get("/en/admin/events/person/add/").content.decode()
    assert "Spellings in the reports" in html
    assert "Other spellings (the archive&#x27;s addition)" in html
    assert "never as evidence" in html
