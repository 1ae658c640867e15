"""The API's documentation page, made from the schema by the site's own template: every endpoint, its parameters
and fields, the downloads, the licence and citation; in both languages, with nothing loaded from elsewhere."""

import re

import pytest

from opendata.documentation import openapi_schema

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_documentation_lists_every_endpoint_its_parameters_and_the_downloads(client, language):
    response = client.get(f"/{language}/api/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in openapi_schema()["paths"]:
        assert f"GET {path}" in html, path
    for parameter in ("anniversary", "country", "person", "page_size", "sort"):
        assert f"<code>{parameter}</code>" in html
    assert "<code>not_yet_translated</code>" in html and "<code>edtf</code>" in html
    assert "/api/v1/downloads/figures.csv" in html and "/api/v1/openapi.json" in html
    cited = {"en": "Commemoration Archive, open data", "ru": "Архив памятных мероприятий, открытые данные"}[language]
    assert "CC BY 4.0" in html and f"{cited}, http://testserver/" in html


def test_the_documentation_is_in_russian_under_ru(client):
    html = client.get("/ru/api/").content.decode()
    assert "Открытые данные" in html and '<html lang="ru">' in html


def test_the_documentation_loads_nothing_from_another_site_and_needs_no_inline_script_or_style(client):
    html = client.get("/en/api/").content.decode()
    loaded = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert loaded and all(url.startswith(("/", "http://testserver/")) for url in loaded), loaded
    assert "<script>" not in html and "<style" not in html and " style=" not in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_in_a_browser_the_documentation_makes_no_request_beyond_this_machine_and_no_csp_complaint(
    live_archive, page, language
):
    elsewhere, complaints = [], []

    def only_here(route):
        host = route.request.url.split("/")[2].split(":")[0]
        if host not in ("127.0.0.1", "localhost"):
            elsewhere.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", only_here)
    page.on("console", lambda message: complaints.append(message.text) if "Content Security" in message.text else None)
    response = page.goto(f"/{language}/api/")
    page.wait_for_load_state("load")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert elsewhere == [] and complaints == []
