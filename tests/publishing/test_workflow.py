"""The editorial workflow: the publish guard, scheduling, lost updates, history, the log, bulk actions, preview."""

import datetime

import pytest
import reversion
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from archive.models import Article, SourceCitation
from events.models import Event, ProgrammeItem
from publishing import workflow
from publishing.models import Status, WorkflowLogEntry
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_event, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(roles):
    return make_user("Editor", username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# --- the publish guard -----------------------------------------------------------------------------------


def test_the_publish_guard_names_each_missing_field_and_language():
    article = make_article(status=Status.IN_REVIEW, title_ru="", body_ru="  ")
    problems = workflow.publication_problems(article)
    assert len(problems) == 1
    assert "title" in problems[0] and "body" in problems[0] and "Russian" in problems[0]
    assert "lead" not in problems[0]


def test_the_publish_guard_checks_the_rows_of_an_event_and_what_it_links_to():
    event = make_event(status=Status.IN_REVIEW)
    ProgrammeItem.objects.create(
        event=event, position=1, kind="speeches", description_en="Speeches.", article=make_article(), passage="p"
    )
    event.venue.name_ru = ""
    event.venue.save()
    problems = " | ".join(workflow.publication_problems(event))
    assert "Programme item" in problems and "description" in problems
    assert "Venue" in problems and "name" in problems


def test_the_publish_guard_accepts_a_complete_article():
    assert workflow.publication_problems(make_article(status=Status.IN_REVIEW)) == []


def test_another_app_can_register_a_publication_check():
    @workflow.publication_check
    def no_images_without_alt_text(obj):
        return ["An image lacks alt text."] if obj.slug == "with-bad-image" else []

    try:
        assert workflow.publication_problems(make_article(slug="with-bad-image")) == ["An image lacks alt text."]
        assert workflow.publication_problems(make_article()) == []
    finally:
        workflow.PUBLICATION_CHECKS.remove(no_images_without_alt_text)


def test_publishing_an_incomplete_article_is_refused_with_the_missing_fields(editor_client):
    article = make_article(status=Status.IN_REVIEW, lead_ru="")
    url = reverse("admin:archive_article_transition", args=[article.pk, "publish"])
    response = editor_client.post(url, {"comment": ""}, follow=True)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert "cannot be published yet" in response.content.decode()
    assert "lead missing in Russian" in response.content.decode()


def test_bulk_publish_applies_the_guard_to_each_item_and_reports_both(editor_client):
    good = make_article(status=Status.IN_REVIEW, title_en="Complete report")
    bad = make_article(status=Status.IN_REVIEW, title_en="Half-translated report", title_ru="")
    draft = make_article(status=Status.DRAFT, title_en="Unsubmitted report")
    response = editor_client.post(
        reverse("admin:archive_article_changelist"),
        {"action": "publish_selected", "_selected_action": [good.pk, bad.pk, draft.pk]},
        follow=True,
    )
    html = response.content.decode()
    statuses = dict(Article.objects.values_list("title_en", "status"))
    assert statuses == {
        "Complete report": Status.PUBLISHED,
        "Half-translated report": Status.IN_REVIEW,
        "Unsubmitted report": Status.DRAFT,
    }
    assert "Published (1): Complete report." in html
    assert "Half-translated report” cannot be published yet" in html
    assert "applies only to in review items" in html


def test_bulk_submit_and_withdraw_report_what_they_did(editor_client):
    drafts = [make_event(status=Status.DRAFT) for _ in range(2)]
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "submit_selected", "_selected_action": [e.pk for e in drafts]},
        follow=True,
    )
    assert "Submitted for review (2)" in response.content.decode()
    assert set(Event.objects.values_list("status", flat=True)) == {Status.IN_REVIEW}
    published = make_event(status=Status.PUBLISHED)
    editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "withdraw_selected", "_selected_action": [published.pk]},
    )
    published.refresh_from_db()
    assert published.status == Status.WITHDRAWN


def test_authors_do_not_get_the_publish_action_and_cannot_post_it(roles, client):
    client.force_login(make_user("Author"))
    article = make_article(status=Status.IN_REVIEW)
    changelist = reverse("admin:archive_article_changelist")
    assert "publish_selected" not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "publish_selected", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_an_editor_cannot_blank_a_translation_of_a_published_article(editor_client):
    article = make_article(status=Status.PUBLISHED)
    url = reverse("admin:archive_article_change", args=[article.pk])
    response = editor_client.post(url, admin_form_data(editor_client.get(url), title_ru=""))
    assert response.status_code == 200
    assert "Required in every language while the item is published." in response.content.decode()
    article.refresh_from_db()
    assert article.title_ru


# --- scheduled publishing --------------------------------------------------------------------------------


def test_a_scheduled_article_is_public_only_from_its_time(editor, client):
    article = make_article(status=Status.IN_REVIEW)
    later = timezone.now() + datetime.timedelta(hours=2)
    entry = workflow.apply_transition(article, "publish", editor, public_from=later)
    assert entry.action == WorkflowLogEntry.Action.SCHEDULE
    assert article.status == Status.PUBLISHED
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert client.get(f"/en/articles/{article.slug}/").status_code == 404
    Article.objects.filter(pk=article.pk).update(public_from=timezone.now() - datetime.timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert client.get(f"/en/articles/{article.slug}/").status_code == 200


def test_the_change_list_shows_a_scheduled_item_as_scheduled(editor, editor_client):
    article = make_article(status=Status.IN_REVIEW)
    workflow.apply_transition(article, "publish", editor, public_from=timezone.now() + datetime.timedelta(days=1))
    html = editor_client.get(reverse("admin:archive_article_changelist") + "?publication=scheduled").content.decode()
    assert "Scheduled for" in html
    assert article.title_en in html


def test_scheduled_means_published_with_a_time_still_to_come_in_the_list_filter_and_the_change_form(
    editor, editor_client
):
    later = timezone.now() + datetime.timedelta(days=1)
    scheduled = make_article(title_en="Waiting article", public_from=later)
    make_article(title_en="Public article", public_from=timezone.now() - datetime.timedelta(minutes=1))
    make_article(title_en="Draft article", status=Status.DRAFT, public_from=later)
    changelist = reverse("admin:archive_article_changelist")

    def listed(publication):
        html = editor_client.get(f"{changelist}?publication={publication}").content.decode()
        return {title for title in ("Waiting article", "Public article", "Draft article") if title in html}

    assert listed("scheduled") == {"Waiting article"}
    assert listed("public") == {"Public article"}
    assert listed("not_public") == {"Waiting article", "Draft article"}
    assert list(Article.objects.scheduled()) == [scheduled]
    change_form = editor_client.get(reverse("admin:archive_article_change", args=[scheduled.pk])).content.decode()
    assert "scheduled: public from" in change_form
    Article.objects.filter(pk=scheduled.pk).update(public_from=timezone.now() - datetime.timedelta(seconds=1))
    assert listed("scheduled") == set()
    change_form = editor_client.get(reverse("admin:archive_article_change", args=[scheduled.pk])).content.decode()
    assert "scheduled: public from" not in change_form and "visitors see it now" in change_form


# --- the transition log ----------------------------------------------------------------------------------


def test_each_transition_records_who_when_and_the_comment_and_the_change_page_shows_it(
    roles, editor, editor_client, client
):
    author = make_user("Author", username="author")
    article = make_article(status=Status.DRAFT)
    workflow.apply_transition(article, "submit", author, comment="Ready, I think.")
    url = reverse("admin:archive_article_transition", args=[article.pk, "request_changes"])
    assert editor_client.post(url, {"comment": ""}).status_code == 200  # a comment is required here
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    editor_client.post(url, {"comment": "Give the source of the figure."})
    workflow.apply_transition(article, "submit", author)
    workflow.apply_transition(article, "publish", editor)
    entries = list(workflow.log_entries(article).order_by("at", "pk"))
    assert [(e.action, e.from_status, e.to_status, e.user.username) for e in entries] == [
        ("submit", "draft", "in_review", "author"),
        ("request_changes", "in_review", "draft", "editor"),
        ("submit", "draft", "in_review", "author"),
        ("publish", "in_review", "published", "editor"),
    ]
    assert entries[1].comment == "Give the source of the figure."
    assert all(e.at <= timezone.now() for e in entries)
    html = editor_client.get(reverse("admin:archive_article_change", args=[article.pk])).content.decode()
    assert "Give the source of the figure." in html
    assert "Ready, I think." in html


def test_a_refused_transition_changes_nothing_and_logs_nothing(roles):
    author = make_user("Author")
    article = make_article(status=Status.IN_REVIEW)
    with pytest.raises(workflow.TransitionRefused, match="for editors"):
        workflow.apply_transition(article, "publish", author)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not WorkflowLogEntry.objects.exists()


def test_withdrawn_content_is_kept_and_hidden(editor, client):
    article = make_article(status=Status.PUBLISHED)
    workflow.apply_transition(article, "withdraw", editor, comment="Source retracted the report.")
    assert Article.objects.filter(pk=article.pk, status=Status.WITHDRAWN).exists()
    assert client.get(f"/en/articles/{article.slug}/").status_code == 404


# --- lost updates ----------------------------------------------------------------------------------------


def test_a_save_based_on_a_form_loaded_before_another_save_is_refused_and_both_texts_survive(roles, client):
    article = make_article(status=Status.DRAFT, body_en="Original body.")
    url = reverse("admin:archive_article_change", args=[article.pk])
    first, second = make_user("Author", username="first"), make_user("Editor", username="second")
    first_client, second_client = client.__class__(), client.__class__()
    first_client.force_login(first)
    second_client.force_login(second)
    first_form = first_client.get(url)
    second_form = second_client.get(url)

    with reversion.create_revision():  # the admin keeps a version per save
        assert first_client.post(url, admin_form_data(first_form, body_en="First editor's body.")).status_code == 302
    response = second_client.post(url, admin_form_data(second_form, body_en="Second editor's body."))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Not saved: first saved this article after you opened it." in html
    assert "Second editor&#x27;s body." in html  # the refused text is still in the form
    article.refresh_from_db()
    assert article.body_en == "First editor's body."
    # Having seen the message, the second editor may save deliberately: the form now carries the new version.
    form_data = admin_form_data(response, body_en="Merged body.")
    assert second_client.post(url, form_data).status_code == 302
    article.refresh_from_db()
    assert article.body_en == "Merged body."
    assert any(v.field_dict["body_en"] == "First editor's body." for v in Version.objects.get_for_object(article))


def test_a_workflow_step_after_the_form_was_loaded_also_makes_the_form_stale(editor, editor_client):
    article = make_article(status=Status.IN_REVIEW)
    url = reverse("admin:archive_article_change", args=[article.pk])
    form = editor_client.get(url)
    workflow.apply_transition(article, "publish", editor)
    response = editor_client.post(url, admin_form_data(form, title_en="Late edit"))
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title_en != "Late edit"


def test_a_post_without_the_version_token_is_refused(editor_client):
    article = make_article(status=Status.DRAFT)
    url = reverse("admin:archive_article_change", args=[article.pk])
    data = admin_form_data(editor_client.get(url), title_en="Edited")
    del data["edit_token"]
    assert editor_client.post(url, data).status_code == 200
    article.refresh_from_db()
    assert article.title_en != "Edited"


# --- history ---------------------------------------------------------------------------------------------


def _save_through_admin(client, obj, **changes):
    app, model = obj._meta.app_label, obj._meta.model_name
    url = reverse(f"admin:{app}_{model}_change", args=[obj.pk])
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302
    obj.refresh_from_db()


def test_every_admin_save_is_a_version_and_an_editor_restores_one_with_its_rows(editor_client):
    article = make_article(status=Status.PUBLISHED, title_en="First title")
    SourceCitation.objects.create(
        article=article, relation="cites_agency", description_en="AZERTAC", description_ru="АЗЕРТАДЖ", passage="p"
    )
    _save_through_admin(editor_client, article, title_en="Second title")
    _save_through_admin(
        editor_client, article, title_en="Third title", **{"citations-0-description_en": "Trend agency"}
    )
    versions = list(Version.objects.get_for_object(article))
    assert [v.field_dict["title_en"] for v in versions] == ["Third title", "Second title"]

    url = reverse("admin:archive_article_restore", args=[article.pk, versions[1].pk])
    response = editor_client.post(url, follow=True)
    assert "The old version is restored" in response.content.decode()
    article.refresh_from_db()
    assert article.title_en == "Second title"
    assert article.status == Status.PUBLISHED  # restoring content keeps the workflow state
    assert article.citations.get().description_en == "AZERTAC"
    assert workflow.log_entries(article).get().action == WorkflowLogEntry.Action.RESTORE
    # The replaced text is itself a version, so the restore can be undone.
    assert any(v.field_dict["title_en"] == "Third title" for v in Version.objects.get_for_object(article))


def test_restoring_is_refused_when_the_old_version_could_not_be_published(editor, editor_client):
    article = make_article(status=Status.DRAFT, title_ru="")
    with reversion.create_revision():
        article.save()
    article.title_ru = "Заголовок"
    article.status = Status.PUBLISHED
    article.save()
    old = Version.objects.get_for_object(article).get()
    response = editor_client.post(reverse("admin:archive_article_restore", args=[article.pk, old.pk]), follow=True)
    assert "cannot replace published content" in response.content.decode()
    article.refresh_from_db()
    assert article.title_ru == "Заголовок"


def test_the_history_lists_versions_and_compares_two_field_by_field(editor_client):
    article = make_article(status=Status.DRAFT, body_en="The embassy held a ceremony.")
    _save_through_admin(editor_client, article, body_en="The embassy held a solemn ceremony.")
    _save_through_admin(editor_client, article, title_ru="Новый заголовок")
    history = editor_client.get(reverse("admin:archive_article_history", args=[article.pk]))
    assert history.status_code == 200
    assert history.content.decode().count('name="a"') == 2
    newer, older = Version.objects.get_for_object(article)
    compare = reverse("admin:archive_article_compare", args=[article.pk])
    html = editor_client.get(compare, {"a": older.pk, "b": newer.pk}).content.decode()
    assert "<ins>Новый заголовок</ins>" in html
    assert "Title [ru]" in html
    changes = html.split('class="wf-compare"', 1)[1].split("</table>")[0]
    assert "Body [en]" not in changes  # unchanged in this step, so left out
    assert "Updated" not in changes


def test_the_comparison_form_carries_no_csrf_token_and_each_restore_button_posts_its_own(editor_client):
    article = make_article(status=Status.DRAFT, body_en="First text.")
    _save_through_admin(editor_client, article, body_en="Second text.")
    _save_through_admin(editor_client, article, body_en="Third text.")
    html = editor_client.get(reverse("admin:archive_article_history", args=[article.pk])).content.decode()
    compare_form = html.split('<form method="get"', 1)[1].split("</form>", 1)[0]
    assert "csrfmiddlewaretoken" not in compare_form  # a GET: the token would be in the address, and so in logs
    older = Version.objects.get_for_object(article).last()
    restore = reverse("admin:archive_article_restore", args=[article.pk, older.pk])
    restore_form = html.split(f'action="{restore}"', 1)[1].split("</form>", 1)[0]
    assert 'method="post"' in html.split(f'action="{restore}"', 1)[0].rsplit("<form", 1)[1]
    assert "csrfmiddlewaretoken" in restore_form
    assert f'form="restore-{older.pk}"' in compare_form


# --- preview ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
def test_staff_preview_a_draft_in_either_language_while_visitors_get_404(roles, client, language):
    article = make_article(status=Status.DRAFT, title_en="Draft headline", title_ru="Черновой заголовок")
    assert client.get(f"/{language}/articles/{article.slug}/").status_code == 404
    client.force_login(make_user("Translator"))
    response = client.get(reverse("admin:archive_article_preview", args=[article.pk, language]))
    html = response.content.decode()
    assert response.status_code == 200
    assert ("Draft headline" if language == "en" else "Черновой заголовок") in html
    assert f'<html lang="{language}">' in html
    assert "visitors cannot see this page" in html or "посетители не видят" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_an_event_preview_and_its_link_on_the_change_form(editor_client):
    event = make_event(status=Status.IN_REVIEW, title_en="Event under review")
    preview = reverse("admin:events_event_preview", args=[event.pk, "en"])
    assert preview in editor_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert "Event under review" in editor_client.get(preview).content.decode()


def test_the_preview_is_for_staff_only(client, django_user_model):
    article = make_article(status=Status.DRAFT)
    url = reverse("admin:archive_article_preview", args=[article.pk, "en"])
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(django_user_model.objects.create_user("visitor", password="pw-for-tests-only"))
    assert client.get(url).status_code == 302


# --- a pleasant admin ------------------------------------------------------------------------------------


def test_the_change_list_shows_english_and_russian_completeness(editor_client):
    make_article(title_en="Fully translated")
    make_article(title_en="Russian missing", title_ru="", body_ru="")
    html = editor_client.get("/en/admin/archive/article/").content.decode()
    assert html.count('class="wf-missing"') == 1
    assert "Missing: title, body" in html


CHANGE_LISTS = sorted(
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
    for model in admin.site._registry
    if model._meta.app_label in ("archive", "events")
)


@pytest.mark.parametrize("url_name", CHANGE_LISTS)
def test_change_lists_issue_as_many_queries_for_100_rows_as_for_10(editor, editor_client, url_name):
    from archive.models import AnniversaryMention, FigureKind, ReportedFigure, SourceRevision
    from events.models import Mention, Organization, Participation, Person
    from importing.models import ImportSuggestion

    def add_rows(count):
        for _ in range(count):
            article, event = make_article(status=Status.IN_REVIEW), make_event()
            n = article.pk
            outlet = Organization.objects.create(slug=f"o-{n}", name_en="O", name_ru="О", kind="news_outlet")
            Article.objects.filter(pk=n).update(outlet=outlet)
            person = Person.objects.create(slug=f"p-{n}", name_en="P", name_ru="П")
            Participation.objects.create(
                event=event, person=person, role="speaker", organization=outlet, article=article, passage="p"
            )
            kind = FigureKind.objects.create(slug=f"k-{n}", name_en="K", unit="people")
            ReportedFigure.objects.create(
                article=article, kind=kind, value=1, passage="p", stated_by=person, event=event
            )
            SourceCitation.objects.create(
                article=article,
                relation="cites_agency",
                organization=outlet,
                description_en="D",
                description_ru="Д",
                passage="p",
            )
            AnniversaryMention.objects.create(
                article=article, occasion=event.occasion, kind="anniversary", number=33, passage="p"
            )
            ImportSuggestion.objects.create(
                article=article, kind="person", text="P", passage="p", person=person, organization=outlet
            )
            Mention.objects.create(article=article, person=person, title_en="P", passage="p")
            SourceRevision.objects.create(
                article=article, source_filename=f"{n}.txt", source_sha256=f"{n:064d}", original_text="t"
            )
            workflow.apply_transition(article, "publish", editor)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(reverse(url_name))
            assert response.status_code == 200
        return len(queries), response.context["cl"].result_count

    add_rows(10)
    ten, rows_before = count()
    add_rows(90)
    hundred, rows_after = count()
    assert rows_after > rows_before >= 10
    assert hundred == ten


def test_a_translator_fills_the_russian_rows_of_an_event_but_cannot_add_or_delete_rows(roles, client, admin_client):
    event = make_event(status=Status.IN_REVIEW)
    item = ProgrammeItem.objects.create(
        event=event, position=1, kind="speeches", description_en="Speeches.", article=make_article(), passage="p"
    )
    url = reverse("admin:events_event_change", args=[event.pk])
    client.force_login(make_user("Translator"))
    page = client.get(url).content.decode()
    assert 'name="programme-0-description_ru"' in page
    assert 'name="programme-0-description_en"' not in page
    data = admin_form_data(client.get(url), **{"programme-0-description_ru": "Выступления."})
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert (item.description_en, item.description_ru) == ("Speeches.", "Выступления.")
    # Deleting a row is not a translator's job: the request is answered, and the row stays.
    data = admin_form_data(client.get(url), **{"programme-0-DELETE": "on"})
    client.post(url, data)
    assert ProgrammeItem.objects.filter(pk=item.pk).exists()


def test_the_comparison_escapes_what_it_shows(editor_client):
    article = make_article(status=Status.DRAFT, body_en="Plain.")
    _save_through_admin(editor_client, article, body_en="Plain. <script>alert(1)</script>")
    _save_through_admin(editor_client, article, body_en="Plain. <b>bold</b>")
    newer, older = Version.objects.get_for_object(article)
    html = editor_client.get(
        reverse("admin:archive_article_compare", args=[article.pk]), {"a": older.pk, "b": newer.pk}
    ).content.decode()
    assert "&lt;script&gt;" in html
    assert "<script>alert" not in html


def test_the_admin_speaks_russian_under_ru(editor_client):
    article = make_article(status=Status.IN_REVIEW)
    html = editor_client.get(f"/ru/admin/archive/article/{article.pk}/change/").content.decode()
    assert "Редакционный процесс" in html
    assert "Одобрить и опубликовать" in html


def test_moving_the_publication_time_of_a_published_item_is_logged(editor_client):
    article = make_article(status=Status.PUBLISHED)
    url = reverse("admin:archive_article_change", args=[article.pk])
    later = timezone.now() + datetime.timedelta(days=2)
    data = admin_form_data(
        editor_client.get(url), public_from_0=later.strftime("%Y-%m-%d"), public_from_1=later.strftime("%H:%M:%S")
    )
    assert editor_client.post(url, data).status_code == 302
    entry = workflow.log_entries(article).get()
    assert entry.action == WorkflowLogEntry.Action.SCHEDULE
    assert "was: at once" in entry.comment
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_translators_are_not_offered_bulk_steps(roles, client):
    client.force_login(make_user("Translator"))
    html = client.get(reverse("admin:archive_article_changelist")).content.decode()
    assert "submit_selected" not in html and "publish_selected" not in html


def test_bulk_publish_keeps_a_publication_time_set_on_the_item(editor_client):
    later = timezone.now() + datetime.timedelta(days=1)
    article = make_article(status=Status.IN_REVIEW, public_from=later)
    editor_client.post(
        reverse("admin:archive_article_changelist"), {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert (article.status, article.public_from) == (Status.PUBLISHED, later)
    assert workflow.log_entries(article).get().action == WorkflowLogEntry.Action.SCHEDULE


def test_restoring_an_event_brings_back_its_programme(editor_client):
    event = make_event(status=Status.DRAFT)
    ProgrammeItem.objects.create(
        event=event,
        position=1,
        kind="speeches",
        description_en="Speeches.",
        description_ru="Выступления.",
        article=make_article(),
        passage="p",
    )
    _save_through_admin(editor_client, event, title_en="Commemoration at the embassy")
    _save_through_admin(editor_client, event, **{"programme-0-DELETE": "on"})
    assert not event.programme.exists()
    _newer, older = Version.objects.get_for_object(event)
    response = editor_client.post(reverse("admin:events_event_restore", args=[event.pk, older.pk]), follow=True)
    assert "The old version is restored" in response.content.decode()
    assert event.programme.get().description_ru == "Выступления."
