"""The search index follows saves and deletes, is rebuilt by one command and by `migrate` when its rules change,
and the search page groups, counts and narrows what it finds."""

import datetime
import re

import pytest
from django.core.management import call_command

from events.models import Participation
from searchindex import indexing, maintenance
from searchindex.models import Entry, IndexState
from tests.factories import make_article, make_event, make_participation, make_person, make_report

pytestmark = pytest.mark.django_db


def found(client, query, site="en", **parameters):
    response = client.get(f"/{site}/search/", {"q": query, **parameters})
    assert response.status_code == 200
    html = response.content.decode()
    return html, set(re.findall(rf'href="/{site}/(\w+/[\w-]+)/"', html.split("<main")[1]))


def test_an_edit_is_found_at_once_and_the_old_wording_is_gone(client):
    article = make_article(slug="wreath-report", title_en="Wreaths laid in Valletta")
    assert "articles/wreath-report" in found(client, "Valletta")[1]
    article.title_en = "Wreaths laid in Mdina"
    article.save()
    assert "articles/wreath-report" in found(client, "Mdina")[1]
    assert "articles/wreath-report" not in found(client, "Valletta")[1]


def test_a_deleted_record_leaves_the_index():
    event = make_event(title_en="Gathering in Gozo")
    assert Entry.objects.filter(kind="event", object_id=event.pk).exists()
    pk = event.pk
    event.delete()
    assert not Entry.objects.filter(kind="event", object_id=pk).exists()


def test_a_participation_moved_to_another_person_leaves_the_first_persons_titles(client):
    event, article = make_event(), make_article()
    make_report(event, article)
    first, second = make_person(slug="first"), make_person(slug="second")
    participation = make_participation(event, article, person=first, title_en="Harbourmaster of Marsaxlokk")
    assert "people/first" in found(client, "Marsaxlokk")[1]
    participation = Participation.objects.get(pk=participation.pk)
    participation.person = second
    participation.save()
    shown = found(client, "Marsaxlokk")[1]
    assert "people/second" in shown and "people/first" not in shown


def test_the_rebuild_command_gives_the_index_the_saves_maintain(archive, capsys):
    def snapshot():
        rows = Entry.objects.values_list("kind", "object_id", "article_id", "event_id", "part", "terms")
        return sorted(rows, key=repr)

    maintained = snapshot()
    Entry.objects.all().delete()
    call_command("rebuild_search_index")
    assert snapshot() == maintained
    assert "Search index rebuilt" in capsys.readouterr().out


def test_migrate_rebuilds_an_index_made_by_other_rules(archive):
    IndexState.objects.update(version=indexing.VERSION - 1)
    Entry.objects.all().delete()
    maintenance.rebuild_if_outdated(verbosity=0)
    assert indexing.is_current()
    assert Entry.objects.filter(kind="article").count() == 5


def test_results_are_grouped_by_kind_with_counts_and_one_kind_can_be_chosen(client, settings):
    for n in range(7):
        make_article(slug=f"report-{n}", title_en=f"Candles in Rabat {n}")
    make_event(slug="rabat-vigil", title_en="Vigil in Rabat")
    html, shown = found(client, "Rabat")
    assert 'Articles <span class="count">(7)</span>' in html and 'Events <span class="count">(1)</span>' in html
    assert len([link for link in shown if link.startswith("articles/")]) == 5  # a group shows its best five
    assert "All Articles (7)" in html
    html, shown = found(client, "Rabat", kind="article")
    assert {link for link in shown if link.startswith("articles/")} == {f"articles/report-{n}" for n in range(7)}
    assert "events/rabat-vigil" not in shown


def test_facets_narrow_by_year_and_by_the_language_of_the_original(client):
    make_article(
        slug="old-ru", title_en="Mosta memorial", published_on=datetime.date(2024, 2, 26), original_language="ru"
    )
    make_article(
        slug="new-en", title_en="Mosta memorial", published_on=datetime.date(2025, 2, 26), original_language="en"
    )
    html, _shown = found(client, "Mosta")
    assert "2024 (1)" in html and "2025 (1)" in html and "Russian (1)" in html and "English (1)" in html
    assert found(client, "Mosta", year=2024)[1] == {"articles/old-ru"}
    assert found(client, "Mosta", language="en")[1] == {"articles/new-en"}


def test_a_record_named_by_the_query_comes_before_records_that_mention_it(client):
    person = make_person(slug="zammit", name_en="Joseph Zammit", name_ru="Джозеф Заммит")
    for n in range(3):
        article = make_article(slug=f"mention-{n}", body_en="A speech by Joseph Zammit was read.")
        event = make_event(slug=f"event-{n}")
        make_report(event, article)
        make_participation(event, article, person=person)
    html, _ = found(client, "Joseph Zammit")
    links = re.findall(r'class="item-title" href="/en/(\w+/[\w-]+)/"', html)
    assert links[0] == "people/zammit"


def test_another_spelling_or_script_of_a_name_finds_it(client):
    person = make_person(slug="huseynov", name_en="Elchin Huseynov", name_ru="Эльчин Гусейнов")
    event, article = make_event(), make_article()
    make_report(event, article)
    make_participation(event, article, person=person)
    for query in ("Guseinov", "Hüseynov", "Гусейнову", "Elçin"):
        assert "people/huseynov" in found(client, query)[1], query


def test_the_match_is_highlighted_in_the_translation_and_in_the_original(client):
    make_article(
        slug="rabat-ru",
        original_language="ru",
        body_en="Flowers were laid in Rabat.",
        original_text="Цветы возложили в Рабате.",
        body_ru="Цветы возложили в Рабате.",
    )
    html, _ = found(client, "Rabat")
    assert "<mark>Rabat</mark>" in html
    assert re.search(r'class="snippet original" lang="ru">.*<mark>Рабате</mark>', html)


def test_a_word_in_more_texts_than_are_read_still_finds_the_names_that_have_it_and_the_newest_texts(
    client, monkeypatch
):
    from searchindex import matching

    monkeypatch.setattr(matching, "MAX_MATCHES", 4)
    for day in range(1, 8):
        make_article(slug=f"osprey-{day}", title_en="Osprey vigil", published_on=datetime.date(2026, 11, day))
    event, article = make_event(), make_article(slug="plain-report", published_on=datetime.date(2020, 1, 1))
    make_report(event, article)
    make_participation(event, article, person=make_person(slug="osprey-keeper", name_en="Ivan Osprey"))
    html, shown = found(client, "osprey")
    assert "people/osprey-keeper" in shown
    assert {"articles/osprey-7", "articles/osprey-6", "articles/osprey-5"} <= shown
    assert "articles/osprey-1" not in shown
    assert "only the newest of them were counted" in html
