"""An article dated by the event its first sentence reports says so on its page, in both languages and in JSON-LD."""

import datetime
import json
import re

import pytest

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def event_dated_article():
    return make_article(
        published_on=datetime.date(2025, 2, 26),
        published_on_basis="event",
        published_on_note_en="No date of its own. “26 February 2025” is the date in the first sentence.",
        published_on_note_ru="Своей даты на странице нет. «26 февраля 2025» — дата из первого предложения.",
    )


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


def test_an_article_dated_by_its_first_sentence_shows_the_events_date_with_the_note(client):
    article = event_dated_article()
    html = client.get(f"/en/articles/{article.slug}/").content.decode()
    assert '<span class="date-quality">(exact day, the event&#x27;s date, from the text)</span>' in html
    assert "is the date in the first sentence" in html
    ru = client.get(f"/ru/articles/{article.slug}/").content.decode()
    assert "(точный день, дата события, из текста)" in ru


def test_its_json_ld_gives_the_date_as_the_time_the_report_describes_not_as_its_publication(client):
    article = event_dated_article()
    (data,) = json_ld(client.get(f"/en/articles/{article.slug}/").content.decode())
    assert data["contentReferenceTime"] == "2025-02-26" and "datePublished" not in data
    (stated,) = json_ld(client.get(f"/en/articles/{make_article().slug}/").content.decode())
    assert stated["datePublished"] == "2025-02-26" and "contentReferenceTime" not in stated
