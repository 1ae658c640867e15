"""Lost updates: every admin form, and every inline row, refuses a save made on an outdated copy and keeps the text.

Two editors open the same form; the second save is refused, the first one's value stays, and the refused
text is still in the form. The same holds for every admin in the project, proved over the whole registry.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from archive.models import AnniversaryMention, SourceCitation, SourceRevision
from events.models import EventOrganizer, Mention, Organization, Person, ProgrammeItem
from gallery.models import ArticleImage, Document, EventImage, Portrait
from importing.models import ImportSuggestion
from publishing import workflow
from publishing.models import Status
from tests.admin_forms import admin_form_data
from tests.factories import (
    make_article,
    make_event,
    make_figure,
    make_image,
    make_organization,
    make_participation,
    make_person,
    make_report,
    make_user,
    make_venue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_bytes():
    """A real one-page PDF, as Pillow writes it."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 80), (255, 255, 255)).save(buffer, format="PDF")
    return buffer.getvalue()


def make_document(**fields):
    document = Document(title_en="Programme", title_ru="Программа", **fields)
    document.file = ContentFile(pdf_bytes(), name="programme.pdf")
    document.save()
    return document


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def editor_client(username):
    client = Client()
    client.force_login(make_user("Editor", username=username))
    return client


@pytest.fixture
def editors(roles):
    return editor_client("editor-a"), editor_client("editor-b")


def row_key(response, row, field):
    """The name an inline row's field has in a parent's change form."""
    for inline in response.context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            if type(form.instance) is type(row) and form.instance.pk == row.pk:
                return form.add_prefix(field)
    raise AssertionError(f"{row!r} is not a row of this form")


# --- each kind of form: A opens, B opens, B saves, A's save is refused ------------------------------------------

# (what to build, the row the page edits, the field B changes, the field A changes on its page)
OWN_PAGE = {
    "person": (lambda: make_person(), "description_en"),
    "venue": (lambda: make_venue(), "description_en"),
    "organization": (lambda: make_organization(), "description_en"),
    "image": (lambda: make_image(), "caption_en"),
    "document": (lambda: make_document(event=make_event(status=Status.DRAFT)), "title_en"),
    "figure": (lambda: make_figure(make_article(status=Status.DRAFT)), "passage"),
    "participation": (
        lambda: make_participation(make_event(status=Status.DRAFT), make_article(status=Status.DRAFT)),
        "summary_en",
    ),
}


@pytest.mark.parametrize("kind", OWN_PAGE)
def test_a_save_on_an_outdated_copy_of_a_form_is_refused_and_keeps_the_refused_text(editors, kind):
    build, field = OWN_PAGE[kind]
    obj = build()
    a, b = editors
    url = change_url(obj)
    a_form, b_form = a.get(url), b.get(url)

    assert b.post(url, admin_form_data(b_form, **{field: "Corrected by B"})).status_code == 302
    response = a.post(url, admin_form_data(a_form, **{field: "Typed by A"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Not saved: editor-b saved this {obj._meta.verbose_name} after you opened it." in html
    assert "Copy your changes, reload the page" in html
    assert "Typed by A" in html
    obj.refresh_from_db()
    assert getattr(obj, field) == "Corrected by B"


@pytest.mark.parametrize("kind", OWN_PAGE)
def test_a_save_on_a_current_copy_of_a_form_is_accepted(editors, kind):
    build, field = OWN_PAGE[kind]
    obj = build()
    a, _b = editors
    url = change_url(obj)
    assert a.post(url, admin_form_data(a.get(url), **{field: "Typed by A"})).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == "Typed by A"
    # Saved once, the form opened now carries the new version: a second round works too.
    assert a.post(url, admin_form_data(a.get(url), **{field: "Typed by A again"})).status_code == 302


def figure_in_article():
    article = make_article(status=Status.DRAFT)
    return article, make_figure(article), "passage"


def participation_in_event():
    event = make_event(status=Status.DRAFT)
    return event, make_participation(event, make_article(status=Status.DRAFT)), "summary_en"


INLINE = {"figure in the article form": figure_in_article, "participation in the event form": participation_in_event}


@pytest.mark.parametrize("kind", INLINE)
def test_a_row_corrected_on_its_own_page_is_not_put_back_by_a_parent_form_opened_before(editors, kind):
    parent, row, field = INLINE[kind]()
    a, b = editors
    a_form = a.get(change_url(parent))
    b_form = b.get(change_url(row))
    title = parent.title_en

    assert b.post(change_url(row), admin_form_data(b_form, **{field: "Corrected by B"})).status_code == 302
    # A changes only the parent's title; the row in A's form still has the old text.
    response = a.post(change_url(parent), admin_form_data(a_form, title_en="Title typed by A"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Not saved: editor-b saved the {row._meta.verbose_name} “{row}” after you opened this form." in html
    assert "Title typed by A" in html
    row.refresh_from_db()
    parent.refresh_from_db()
    assert getattr(row, field) == "Corrected by B"
    assert parent.title_en == title  # nothing of the page was saved


@pytest.mark.parametrize("kind", INLINE)
def test_a_row_edited_in_a_parent_form_opened_before_another_save_of_it_is_refused(editors, kind):
    parent, row, field = INLINE[kind]()
    a, b = editors
    url = change_url(parent)
    a_form, b_form = a.get(url), b.get(url)
    a_key, b_key = row_key(a_form, row, field), row_key(b_form, row, field)

    assert b.post(url, admin_form_data(b_form, **{b_key: "Corrected by B"})).status_code == 302
    response = a.post(url, admin_form_data(a_form, **{a_key: "Typed by A"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Not saved: editor-b saved the {row._meta.verbose_name}" in html
    assert "Typed by A" in html
    row.refresh_from_db()
    assert getattr(row, field) == "Corrected by B"
    # Having read the message, A may save deliberately: the refused form now carries the saved version.
    assert a.post(url, admin_form_data(response, **{a_key: "Merged by A"})).status_code == 302
    row.refresh_from_db()
    assert getattr(row, field) == "Merged by A"


@pytest.mark.parametrize("kind", INLINE)
def test_deleting_a_row_that_someone_changed_since_the_form_was_opened_is_refused(editors, kind):
    parent, row, field = INLINE[kind]()
    a, b = editors
    a_form = a.get(change_url(parent))
    assert b.post(change_url(row), admin_form_data(b.get(change_url(row)), **{field: "Kept"})).status_code == 302

    response = a.post(change_url(parent), admin_form_data(a_form, **{row_key(a_form, row, "DELETE"): "on"}))

    assert response.status_code == 200
    assert "Not saved: editor-b saved the" in response.content.decode()
    row.refresh_from_db()
    assert getattr(row, field) == "Kept"


def test_a_figure_form_opened_before_the_article_form_changed_the_figure_is_refused(editors):
    article, figure, _field = figure_in_article()
    a, b = editors
    a_form = a.get(change_url(figure))
    b_form = b.get(change_url(article))
    key = row_key(b_form, figure, "passage")
    assert b.post(change_url(article), admin_form_data(b_form, **{key: "Corrected by B"})).status_code == 302

    response = a.post(change_url(figure), admin_form_data(a_form, passage="Typed by A"))

    assert response.status_code == 200
    assert "Not saved: editor-b saved this reported figure after you opened it." in response.content.decode()
    figure.refresh_from_db()
    assert figure.passage == "Corrected by B"


def test_rejecting_a_suggestion_in_bulk_makes_its_open_forms_outdated(admin_client):
    suggestion = ImportSuggestion.objects.create(
        article=make_article(status=Status.DRAFT), kind="figure", text="600", passage="600 people"
    )
    form = admin_client.get(change_url(suggestion))
    changelist = reverse("admin:importing_importsuggestion_changelist")
    admin_client.post(changelist, {"action": "reject", "_selected_action": [suggestion.pk]})

    response = admin_client.post(change_url(suggestion), admin_form_data(form, value="600"))

    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert suggestion.decision == ImportSuggestion.Decision.REJECTED


def test_restoring_an_old_version_gives_its_rows_a_version_no_open_form_carries(roles, admin_client):
    import reversion
    from reversion.models import Version

    editor = make_user("Editor", username="editor-r")
    article, figure, _field = figure_in_article()
    with reversion.create_revision():
        article.save()
    old_form = admin_client.get(change_url(figure))  # carries the figure's version of that revision
    with reversion.create_revision():
        figure.passage = "Changed later"
        figure.save()
        article.save()

    workflow.restore_version(article, Version.objects.get_for_object(article).last(), editor)
    response = admin_client.post(change_url(figure), admin_form_data(old_form, passage="Typed on the old form"))

    assert response.status_code == 200
    figure.refresh_from_db()
    assert figure.passage != "Typed on the old form"


def test_the_message_names_who_saved_through_the_log_of_the_admin(editors):
    person = make_person()
    a, b = editors
    a_form = a.get(change_url(person))
    assert b.post(change_url(person), admin_form_data(b.get(change_url(person)))).status_code == 302
    assert LogEntry.objects.filter(object_id=str(person.pk), user__username="editor-b").exists()
    assert "Not saved: editor-b saved" in a.post(change_url(person), admin_form_data(a_form)).content.decode()


# --- every admin in the project: the form and each inline row carry the version, and a stale one is refused ----


# Admins whose pages change nothing: there is no save to refuse. Any other admin must carry the version.
READ_ONLY = {"publishing.WorkflowLogEntry", "archive.SourceRevision"}


def project_admins(read_only=False):
    """Every model admin of the project's own apps (not Django's), the editable ones or the read-only ones."""
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if Path(model._meta.app_config.path).parent == Path(settings.BASE_DIR)
        and (model._meta.label in READ_ONLY) == read_only
    ]


@pytest.fixture
def every_kind_of_row(roles, media_root):
    """At least one row of every model the project's admin shows, with every kind of inline row."""
    article, event = make_article(status=Status.DRAFT), make_event(status=Status.DRAFT)
    organization = make_organization()
    make_report(event, article)
    EventOrganizer.objects.create(event=event, organization=organization, role="host", article=article, passage="p")
    ProgrammeItem.objects.create(
        event=event, position=1, kind="speeches", description_en="Speeches.", article=article, passage="p"
    )
    participation = make_participation(event, article)
    figure = make_figure(article)
    SourceCitation.objects.create(article=article, relation="told_by", description_en="An informant", passage="p")
    AnniversaryMention.objects.create(
        article=article, occasion=event.occasion, kind="anniversary", number=33, passage="p"
    )
    image = make_image()
    ArticleImage.objects.create(article=article, image=image)
    EventImage.objects.create(event=event, image=image)
    Portrait.objects.create(person=participation.person, image=image)
    make_document(event=event)
    make_document(article=article)
    ImportSuggestion.objects.create(article=article, kind="figure", text="600", passage="600 people", figure_kind=None)
    # Who the article names: rows of the article's, every person's and every organization's form.
    for person in Person.objects.all():
        Mention.objects.create(article=article, person=person, passage="p")
    for named in Organization.objects.all():
        Mention.objects.create(article=article, organization=named, passage="p")
    SourceRevision.objects.create(article=article, source_filename="a.txt", source_sha256="0" * 64, original_text="t")
    workflow.apply_transition(article, "submit", make_user("Editor"))
    workflow.apply_transition(article, "request_changes", make_user("Editor"), comment="Check the figure.")
    return figure


def _page(admin_client, model_admin):
    obj = model_admin.model._default_manager.first()
    assert obj is not None, f"add a {model_admin.model._meta.label} to every_kind_of_row"
    response = admin_client.get(change_url(obj))
    assert response.status_code == 200
    return obj, response


@pytest.mark.parametrize("model_admin", project_admins(read_only=True), ids=lambda a: a.model._meta.label)
def test_an_admin_left_without_the_version_changes_nothing(every_kind_of_row, admin_client, model_admin):
    obj, response = _page(admin_client, model_admin)
    request = response.wsgi_request
    form = model_admin.get_form(request, obj, change=True)
    assert not model_admin.has_change_permission(request, obj) or not form.base_fields


def _token_inputs(response):
    """{input name: value} of every version token on the page."""
    html = response.content.decode()
    return dict(re.findall(r'<input type="hidden" name="([\w-]*edit_token)" value="([^"]*)"', html))


@pytest.mark.parametrize("model_admin", project_admins(), ids=lambda a: a.model._meta.label)
def test_every_change_form_and_each_of_its_rows_carries_the_version_it_was_opened_on(
    every_kind_of_row, admin_client, model_admin
):
    obj, response = _page(admin_client, model_admin)
    tokens = _token_inputs(response)
    assert tokens.get("edit_token") == obj.updated_at.isoformat(), "the change form carries no version"
    rows = 0
    for inline in response.context["inline_admin_formsets"]:
        for form in inline.formset.initial_forms:
            rows += 1
            assert tokens.get(form.add_prefix("edit_token")) == form.instance.updated_at.isoformat(), (
                f"the {form.instance._meta.label} rows of this form carry no version"
            )
    assert rows or not response.context["inline_admin_formsets"], "every_kind_of_row should give this form rows"


@pytest.mark.parametrize("model_admin", project_admins(), ids=lambda a: a.model._meta.label)
def test_every_change_form_refuses_a_save_when_its_row_or_any_inline_row_was_saved_since(
    every_kind_of_row, admin_client, model_admin
):
    obj, opened = _page(admin_client, model_admin)
    url = change_url(obj)
    inlines = opened.context["inline_admin_formsets"]
    rows = [form.instance for inline in inlines for form in inline.formset.initial_forms]
    for saved_elsewhere in [obj, *rows]:
        saved_elsewhere.save()
        version = type(saved_elsewhere).objects.values_list("updated_at", flat=True).get(pk=saved_elsewhere.pk)
        before = timezone.now()
        response = admin_client.post(url, admin_form_data(opened))
        assert response.status_code == 200, f"a stale save over a changed {saved_elsewhere._meta.label} was accepted"
        assert "Not saved:" in response.content.decode()
        assert type(saved_elsewhere).objects.filter(pk=saved_elsewhere.pk, updated_at=version).exists()
        assert not type(obj).objects.filter(pk=obj.pk, updated_at__gte=before).exists()
        _obj, opened = _page(admin_client, model_admin)
    # The same form, opened now, saves.
    assert admin_client.post(url, admin_form_data(opened)).status_code == 302


def test_a_translator_saves_an_article_whose_image_and_document_rows_they_may_only_view(roles):
    article = make_article(status=Status.DRAFT, title_ru="")
    ArticleImage.objects.create(article=article, image=make_image())
    make_document(article=article)
    translator = Client()
    translator.force_login(make_user("Translator", username="translator"))
    url = change_url(article)

    response = translator.post(url, admin_form_data(translator.get(url), title_ru="Перевод заголовка"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_ru == "Перевод заголовка"


@pytest.mark.django_db(transaction=True)
def test_rows_saved_before_the_version_existed_get_one_from_the_migration():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.operations import AddField

    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    adding = next(
        key
        for key, migration in graph.nodes.items()
        if any(
            isinstance(op, AddField) and (op.model_name, op.name) == ("person", "updated_at")
            for op in migration.operations
        )
    )
    before = next(parent.key for parent in graph.node_map[adding].parents if parent.key[0] == "events")
    executor.migrate([before])
    old_person = executor.loader.project_state([before]).apps.get_model("events", "Person")
    old_person.objects.create(slug="old", name_en="Old", name_ru="Старый")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from events.models import Person

    assert Person.objects.get(slug="old").updated_at is not None
