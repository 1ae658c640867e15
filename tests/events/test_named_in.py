"""Who the reports name: the "Named in" lists of person and organization pages, and the relation's own rules."""

import pytest
from django.db import IntegrityError, transaction

from archive.models import Article
from events.models import Mention, Organization, Person
from importing.importer.names import Gazetteer
from tests.factories import make_article, make_organization, make_person

pytestmark = pytest.mark.django_db

THE_NAMED = {
    Person: ["heydar-aliyev", "ilham-aliyev", "mehriban-aliyeva", "leyla-aliyeva"],
    Organization: ["milli-majlis", "organization-of-islamic-cooperation", "organization-of-turkic-states"],
}


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_leyla_aliyevas_page_gives_the_title_each_report_gives_her(client, archive):
    html = page(client, "/en/people/leyla-aliyeva/")
    assert '<h2 id="named-in">Named in</h2>' in html
    assert html.count("Title the report gives: Vice President of the Heydar Aliyev Foundation") == 2
    assert "General Coordinator for Intercultural Dialogue of the Youth Forum of the Organization" in html
    assert "initiated by Leyla Aliyeva in 2008" in html  # the report that gives her no title is listed too
    # Named is not taking part: she appears at no event.
    assert "No appearance in a published event." in html


def test_the_russian_page_lists_the_same_reports_with_the_russian_titles(client, archive):
    html = page(client, "/ru/people/leyla-aliyeva/")
    assert "Упоминается в сообщениях" in html and "Named in" not in html
    assert html.count("Должность по сообщению: вице-президент Фонда Гейдара Алиева") == 2
    assert "генеральный координатор Молодёжного форума Организации исламской конференции" in html
    # The passage stays in the language of its report, marked as such.
    assert '<blockquote class="passage" lang="en">Since February 2008' in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_oic_page_gathers_both_reports_naming_it_former_name_included(client, archive, language):
    html = page(client, f"/{language}/organizations/organization-of-islamic-cooperation/")
    assert "Соответствующие документы также приняты в рамках Организации исламского сотрудничества" in html
    assert "Youth Forum of the Organization of the Islamic Conference (OIC)" in html
    assert "as well as the Organization of Islamic Cooperation, and the Organization of Turkic States" in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_person_and_body_the_reports_only_name_has_a_page(client, archive, language):
    for model, slugs in THE_NAMED.items():
        for record in model.objects.filter(slug__in=slugs):
            assert record.mentions.exists() and not record.participations.exists(), record.slug
            html = page(client, f"/{language}{record.get_absolute_url()[3:]}")
            assert 'id="named-in"' in html, record.slug


def test_a_participant_named_nowhere_else_has_no_named_in_list(client, archive):
    assert 'id="named-in"' not in page(client, "/en/people/khazar-farhadov/")


def test_every_passage_naming_them_in_the_five_reports_is_recorded(archive):
    """The importer's name matching, run over each original, finds no naming the fixtures leave out."""
    records = {(type(r), r.pk) for model, slugs in THE_NAMED.items() for r in model.objects.filter(slug__in=slugs)}
    gazetteer = Gazetteer()
    for article in Article.objects.all():
        text = article.original_title + "\n" + article.original_text
        passages = {}
        for mention in article.mentions.all():
            passages.setdefault((type(mention.record), mention.record.pk), []).append(mention.passage)
        for entry, written, start in gazetteer.find(text):
            key = (type(entry.record), entry.record.pk)
            if key not in records:
                continue
            around = [text.find(p) for p in passages.get(key, [])]
            assert any(
                0 <= at <= start and start + len(written) <= at + len(p)
                for at, p in zip(around, passages.get(key, []), strict=True)
            ), f"{article.slug}: “{written}” at {start} is in no mention of {entry.record.slug}"


def test_a_mention_names_exactly_one_person_or_organization():
    article = make_article()
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, passage="p", person=make_person(), organization=make_organization())
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, passage="p")


def test_a_mention_added_without_a_position_takes_the_next_in_its_article():
    article = make_article()
    first = Mention.objects.create(article=article, person=make_person(), passage="p")
    second = Mention.objects.create(article=article, organization=make_organization(), passage="p")
    assert (first.position, second.position) == (1, 2)


def test_an_editor_adds_a_mention_from_the_persons_page_in_the_admin(admin_client):
    from tests.admin_forms import admin_form_data

    person = make_person(slug="named-person")
    article = make_article(original_text="The report names the Named Person here.", status="draft")
    url = f"/en/admin/events/person/{person.pk}/change/"
    data = admin_form_data(
        admin_client.get(url),
        **{
            "mentions-TOTAL_FORMS": "1",
            "mentions-0-article": str(article.pk),
            "mentions-0-title_en": "Ambassador",
            "mentions-0-title_ru": "посол",
            "mentions-0-passage": "names the Named Person here",
        },
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    [mention] = person.mentions.all()
    assert (mention.article, mention.position, mention.title_ru) == (article, 1, "посол")


def test_the_article_admin_shows_who_it_names(admin_client, archive):
    article = Article.objects.get(slug="undated-azerbaijan-marks-32nd-anniversary")
    html = admin_client.get(f"/en/admin/archive/article/{article.pk}/change/").content.decode()
    assert 'id="mentions-group"' in html and "Organization of the Islamic Conference (OIC)" in html
