"""The whole admin × the four roles, over HTTP: every registered model, every inline, every action and custom view.

The cases are built from `admin.site._registry`, so a model, inline, bulk action or custom admin page added
later has no entry here and its case fails until someone says who may use it. Each case reads as a story
("an Author may not change an image that published content shows"): allowed means the page answered and the
database changed; refused means a 403 (or a message) and the database exactly as it was, every table of it.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import reversion
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from archive.models import AnniversaryMention, Article, SourceCitation, SourceRevision
from events.models import Mention
from gallery.models import ArticleImage, EventImage, Portrait
from importing.models import ImportJob
from publishing.models import Status, WorkflowLogEntry
from publishing.workflow import TRANSITIONS
from tests.admin_forms import admin_form_data
from tests.database_state import changed_tables, database_state
from tests.factories import (
    image_bytes,
    make_article,
    make_document,
    make_event,
    make_figure,
    make_figure_kind,
    make_image,
    make_occasion,
    make_organization,
    make_participation,
    make_person,
    make_report,
    make_suggestion,
    make_user,
    make_venue,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db

DOCUMENT = Path(__file__).resolve().parents[1] / "fixtures" / "documents" / "000_1b1bc390bcf16a8c.txt"

A, T, E, D = "Author", "Translator", "Editor", "Administrator"
ROLES = (A, T, E, D)
EVERYONE = {A, T, E, D}
NOBODY = set()
STANDARD_VIEWS = {"changelist", "add", "history", "delete", "change"}
# "draft": nothing published shows the object; "published": a published article or event shows it.
DRAFT, PUBLISHED = "draft", "published"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


# --- the objects each model's cases act on -----------------------------------------------------------------


def _status(state):
    return {DRAFT: Status.DRAFT, PUBLISHED: Status.PUBLISHED}.get(state, state)


def _article(state=DRAFT):
    return make_article(status=_status(state))


def _event(state=DRAFT):
    return make_event(status=_status(state))


def _citation(state):
    return SourceCitation.objects.create(
        article=_article(state),
        relation="cites_agency",
        description_en="AZERTAC",
        description_ru="АЗЕРТАДЖ",
        passage="p",
    )


def _mention(state):
    return AnniversaryMention.objects.create(
        article=_article(state), occasion=make_occasion(), kind="anniversary", number=30, passage="30th"
    )


def _participation(state):
    return make_participation(_event(state), _article(state))


def _named_in(state):
    return Mention.objects.create(article=_article(state), person=make_person(), title_en="President", passage="p")


def _named_in_row(parent):
    """A mention inline on an article, a person or an organization; its article as public as the parent."""
    if isinstance(parent, Article):
        return Mention.objects.create(article=parent, person=make_person(), passage="p")
    shown = type(parent)._default_manager.public().filter(pk=parent.pk).exists()
    article = _article(PUBLISHED if shown else DRAFT)
    return Mention.objects.create(article=article, passage="p", **{type(parent)._meta.model_name: parent})


def _public_person():
    person = make_person()
    make_participation(_event(PUBLISHED), _article(PUBLISHED), person=person)
    return person


def _person(state):
    return _public_person() if state == PUBLISHED else make_person()


def _venue(state):
    venue = make_venue()
    if state == PUBLISHED:
        make_event(status=Status.PUBLISHED, venue=venue)
    return venue


def _organization(state):
    organization = make_organization()
    if state == PUBLISHED:
        make_article(status=Status.PUBLISHED, outlet=organization)
    return organization


def _image(state):
    image = make_image()
    if state == PUBLISHED:
        ArticleImage.objects.create(article=_article(PUBLISHED), image=image)
    return image


def _source_revision(state):
    return SourceRevision.objects.create(
        article=_article(state), source_filename="a.txt", source_sha256="0" * 64, original_text="Changed."
    )


def _task_result(state):
    """A finished background task as the database backend records it (the suite runs tasks at once)."""
    return DBTaskResult.objects.create(
        status="SUCCESSFUL",
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="importing.tasks.import_documents",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def _log_entry(state):
    article = _article(PUBLISHED)
    return WorkflowLogEntry.objects.create(
        item=article, action="publish", from_status="in_review", to_status="published", at=article.created_at
    )


@dataclass
class Spec:
    """How to make an object of the model, what a change and an addition post, and who may do what."""

    make: object
    change: dict = field(default_factory=dict)
    add: object = None  # () -> form fields for the add page, files included
    rights: dict = field(default_factory=dict)
    states: tuple = (DRAFT, PUBLISHED)


def _content(add=(A, E), translator_translates=True, extra=None):
    """Articles' and events' rows, people, venues, organizations, images, documents: authors until published."""
    draft = {A, E, T} if translator_translates else {A, E}
    return {
        "changelist": EVERYONE,
        "history": EVERYONE,
        "add": set(add),
        f"change:{DRAFT}": draft,
        f"change:{PUBLISHED}": {E},
        f"delete:{DRAFT}": {D},
        f"delete:{PUBLISHED}": NOBODY,
        f"action:delete_selected:{DRAFT}": {D},
        f"action:delete_selected:{PUBLISHED}": NOBODY,
        **(extra or {}),
    }


def _item_rights():
    rights = _content(translator_translates=True)
    rights.update(
        {
            "action:submit_selected:draft": {A, E},
            "action:publish_selected:in_review": {E},
            "action:withdraw_selected:published": {E},
            "transition:submit:draft": {A, E},
            "transition:request_changes:in_review": {E},
            "transition:publish:in_review": {E},
            "transition:withdraw:published": {E},
            "transition:reopen:withdrawn": {E},
            "preview:draft": EVERYONE,
            "compare:published": EVERYONE,
            "restore:published": {E},
            "import": {A, E},
            "import_job": {A, E},
        }
    )
    return rights


REFERENCE = {
    "changelist": EVERYONE,
    "history": EVERYONE,
    "add": {E},
    f"change:{DRAFT}": {E},
    f"delete:{DRAFT}": {D},
    f"action:delete_selected:{DRAFT}": {D},
}
READ_ONLY = {
    "changelist": EVERYONE,
    "history": EVERYONE,
    "add": NOBODY,
    f"change:{DRAFT}": NOBODY,
    f"change:{PUBLISHED}": NOBODY,
    f"delete:{DRAFT}": {D},
    f"delete:{PUBLISHED}": NOBODY,
    f"action:delete_selected:{DRAFT}": {D},
    f"action:delete_selected:{PUBLISHED}": NOBODY,
}
USERS = {
    "changelist": {D},
    "history": {D},
    "add": {D},
    f"change:{DRAFT}": {D},
    f"delete:{DRAFT}": {D},
    f"action:delete_selected:{DRAFT}": {D},
    "password_change:draft": {D},
}


def _add_article():
    return {
        "slug": "added-item",
        "title_en": "Added item",
        "lead_en": "A lead.",
        "body_en": "A body.",
        "original_language": "en",
        "original_text": "A lead.\n\nA body.",
        "published_on": "2025-02-26",
    }


def _add_event():
    return {
        "slug": "added-item",
        "title_en": "Added item",
        "description_en": "According to the report, an event was held.",
        "occasion": make_occasion().pk,
        "venue": make_venue().pk,
        "held_on": "2025-02-26",
    }


SPECS = {
    "archive.article": Spec(_article, {"title_ru": "Перевод"}, _add_article, _item_rights()),
    "events.event": Spec(_event, {"title_ru": "Перевод"}, _add_event, _item_rights()),
    "archive.reportedfigure": Spec(
        lambda state: make_figure(_article(state)),
        {"note_ru": "Примечание"},
        lambda: {
            "article": _article().pk,
            "position": 99,
            "kind": make_figure_kind().pk,
            "value": 5,
            "passage": "five",
        },
        _content(),
    ),
    "archive.sourcecitation": Spec(
        _citation,
        {"description_ru": "Агентство"},
        lambda: {"article": _article().pk, "relation": "cites_agency", "description_en": "Agency", "passage": "p"},
        _content(),
    ),
    "archive.anniversarymention": Spec(
        _mention,
        {"number": 31},
        lambda: {
            "article": _article().pk,
            "occasion": make_occasion().pk,
            "kind": "anniversary",
            "number": 32,
            "passage": "32nd",
        },
        _content(translator_translates=False),
    ),
    "importing.importsuggestion": Spec(
        lambda state: make_suggestion(_article(state)),
        {"value": 1_000_000},
        None,
        _content(
            add=(),
            translator_translates=False,
            extra={
                f"action:confirm:{DRAFT}": {A, E},
                f"action:confirm:{PUBLISHED}": {E},
                f"action:reject:{DRAFT}": {A, E},
                f"action:reject:{PUBLISHED}": {E},
            },
        ),
    ),
    "archive.sourcerevision": Spec(_source_revision, {"source_filename": "forged.txt"}, None, READ_ONLY),
    # The worker's results: administrators read them; nobody changes them (the package's admin allows no change).
    "django_tasks_database.dbtaskresult": Spec(
        _task_result,
        {"task_path": "forged"},
        None,
        {
            "changelist": {D},
            "history": {D},
            "add": NOBODY,
            f"change:{DRAFT}": NOBODY,
            f"delete:{DRAFT}": NOBODY,
            f"action:delete_selected:{DRAFT}": NOBODY,
        },
        states=(DRAFT,),
    ),
    "publishing.workflowlogentry": Spec(
        _log_entry,
        {"comment": "forged"},
        None,
        {**READ_ONLY, f"delete:{DRAFT}": NOBODY, f"action:delete_selected:{DRAFT}": NOBODY},
    ),
    "archive.figurekind": Spec(
        lambda state: make_figure_kind(),
        {"name_ru": "Новое имя"},
        lambda: {"slug": "added-kind", "name_en": "Added kind", "unit": "people", "position": 9},
        REFERENCE,
        states=(DRAFT,),
    ),
    "events.occasion": Spec(
        lambda state: make_occasion(),
        {"name_ru": "Новое имя"},
        lambda: {
            "slug": "added-occasion",
            "name_en": "Added",
            "description_en": "An occasion.",
            "place_en": "Town",
            "began_on": "1992-02-25",
            "ended_on": "1992-02-26",
        },
        REFERENCE,
        states=(DRAFT,),
    ),
    "events.person": Spec(_person, {"name_ru": "Новое имя"}, lambda: {"slug": "added", "name_en": "Added"}, _content()),
    "events.venue": Spec(
        _venue,
        {"name_ru": "Новое имя"},
        lambda: {
            "slug": "added",
            "name_en": "Added",
            "kind": "other",
            "country_en": "Kazakhstan",
            "country_code": "KZ",
        },
        _content(),
    ),
    "events.organization": Spec(
        _organization,
        {"name_ru": "Новое имя"},
        lambda: {"slug": "added", "name_en": "Added", "kind": "embassy"},
        _content(),
    ),
    "events.participation": Spec(
        _participation,
        {"title_ru": "Посол"},
        lambda: {
            "event": _event().pk,
            "article": _article().pk,
            "person": make_person().pk,
            "position": 7,
            "role": "speaker",
            "title_en": "Ambassador",
            "summary_en": "According to the report, spoke.",
            "passage": "spoke",
        },
        _content(),
    ),
    "events.mention": Spec(
        _named_in,
        {"title_ru": "Президент"},
        lambda: {"article": _article().pk, "person": make_person().pk, "title_en": "President", "passage": "p"},
        _content(),
    ),
    "gallery.image": Spec(
        _image,
        {"credit": "Forged credit"},
        lambda: {
            "caption_en": "Added",
            "alt_text_en": "Added",
            "file": SimpleUploadedFile("added.jpg", image_bytes()),
        },
        _content(translator_translates=False),
    ),
    "gallery.document": Spec(
        lambda state: make_document(event=_event(state)),
        {"title_ru": "Программа"},
        lambda: {
            "title_en": "Added",
            "source": "Embassy",
            "event": _event().pk,
            "position": 0,
            "file": SimpleUploadedFile("added.pdf", pdf_bytes(), content_type="application/pdf"),
        },
        _content(translator_translates=False),  # translated inside the item's form (see the inline cases)
    ),
    "auth.user": Spec(
        lambda state: make_user(),
        {"first_name": "Renamed", "date_joined_0": "2025-01-01", "date_joined_1": "10:00:00"},
        lambda: {"username": "added-user", "password1": "a-long-pass-phrase-9", "password2": "a-long-pass-phrase-9"},
        USERS,
        states=(DRAFT,),
    ),
    "auth.group": Spec(
        lambda state: Group.objects.create(name=f"group-{state}"),
        {"name": "Renamed group"},
        lambda: {"name": "Added group", "permissions": []},
        USERS,
        states=(DRAFT,),
    ),
}

# Rows edited inside another model's form: how to make one on the parent, and what a change posts.
INLINES = {
    "archive.sourcecitation": (
        lambda a: SourceCitation.objects.create(
            article=a, relation="bureau", passage="p", description_en="d", description_ru="д"
        ),
        "description_ru",
        "Агентство",
        True,
    ),
    "archive.anniversarymention": (
        lambda a: AnniversaryMention.objects.create(
            article=a, occasion=make_occasion(), kind="anniversary", number=30, passage="p"
        ),
        "number",
        31,
        False,
    ),
    "archive.reportedfigure": (lambda a: make_figure(a), "note_ru", "Примечание", True),
    "gallery.articleimage": (
        lambda a: ArticleImage.objects.create(article=a, image=make_image()),
        "position",
        5,
        False,
    ),
    "gallery.document": (None, "title_ru", "Программа", True),
    "events.eventreport": (lambda e: make_report(e, _article(PUBLISHED)), "passage", "Forged passage", False),
    "events.eventorganizer": (
        lambda e: e.organizers.create(
            organization=make_organization(), role="host", article=_article(PUBLISHED), passage="p"
        ),
        "passage",
        "Forged passage",
        False,
    ),
    "events.programmeitem": (
        lambda e: e.programme.create(
            position=1,
            kind="speeches",
            description_en="d",
            description_ru="д",
            article=_article(PUBLISHED),
            passage="p",
        ),
        "description_ru",
        "Речи",
        True,
    ),
    "events.participation": (lambda e: make_participation(e, _article(PUBLISHED)), "title_ru", "Бывший посол", True),
    "events.mention": (_named_in_row, "title_ru", "Президент", True),
    "gallery.eventimage": (lambda e: EventImage.objects.create(event=e, image=make_image()), "position", 5, False),
    "gallery.portrait": (lambda p: Portrait.objects.create(person=p, image=make_image()), "image", None, False),
}


# --- the cases, read off the admin site ------------------------------------------------------------------------


def _label(model):
    return model._meta.label_lower


def _actions(model_admin):
    site_actions = [name for name, _action in admin.site.actions]
    own = [action if isinstance(action, str) else action.__name__ for action in (model_admin.actions or ())]
    return [*site_actions, *own]


def _custom_views(model, model_admin):
    prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
    names = [url.name.removeprefix(prefix) for url in model_admin.get_urls() if url.name]
    return [name for name in names if name not in STANDARD_VIEWS]


def _operations(model, model_admin):
    spec = SPECS.get(_label(model))
    states = spec.states if spec else (DRAFT, PUBLISHED)
    operations = ["changelist", "add", "history"]
    operations += [f"{op}:{state}" for op in ("change", "delete") for state in states]
    for action in _actions(model_admin):
        item_states = {"submit_selected": DRAFT, "publish_selected": "in_review", "withdraw_selected": PUBLISHED}
        if action in item_states:
            operations.append(f"action:{action}:{item_states[action]}")
        else:
            operations += [f"action:{action}:{state}" for state in states]
    for view in _custom_views(model, model_admin):
        if view == "transition":
            operations += [f"transition:{t.action}:{t.sources[0]}" for t in TRANSITIONS.values()]
        elif view in ("import", "import_job"):
            operations.append(view)
        elif view in ("preview",):
            operations.append(f"{view}:draft")
        elif view in ("compare", "restore"):
            operations.append(f"{view}:published")
        else:
            operations.append(f"{view}:draft")
    return operations


def _story(role, allowed, operation, model):
    """ "Author may not change a image on published content": the case's name, read as a user story."""
    op, _, rest = operation.partition(":")
    step, _, state = rest.rpartition(":") if op in ("action", "transition") else ("", "", rest)
    name, plural = model._meta.verbose_name, model._meta.verbose_name_plural
    what = {
        "changelist": f"list the {plural}",
        "add": f"add a {name}",
        "history": f"read the history of a {name}",
        "change": f"change a {name}",
        "delete": f"delete a {name}",
        "action": f"run {step} on a {name}",
        "transition": f"{step} a {name}",
        "preview": f"preview a {name}",
        "compare": f"compare versions of a {name}",
        "restore": f"restore an old version of a {name}",
        "import": f"import documents as {plural}",
        "import_job": f"follow an import of {plural}",
        "password_change": f"set the password of a {name}",
    }.get(op, operation)
    where = {DRAFT: " not on published content", PUBLISHED: " on published content"}.get(state, f" {state}")
    return f"{role} {'may' if allowed else 'may not'} {what}{where if state else ''}".replace("_", " ")


def _cases():
    cases = []
    for model, model_admin in admin.site._registry.items():
        spec = SPECS.get(_label(model))
        for operation in _operations(model, model_admin):
            rights = spec.rights if spec else {}
            for role in ROLES:
                expected = rights.get(operation, "no entry")
                allowed = expected != "no entry" and role in expected
                story = _story(role, allowed, operation, model)
                cases.append(pytest.param(_label(model), operation, role, id=story))
    return cases


def _inline_cases():
    cases = []
    for model, model_admin in admin.site._registry.items():
        for inline in model_admin.inlines:
            for state in (DRAFT, PUBLISHED):
                for role in ROLES:
                    story = f"{role} changes a {inline.model._meta.verbose_name} in the {model._meta.verbose_name} form"
                    cases.append(pytest.param(_label(model), inline, state, role, id=f"{story} ({state})"))
    return cases


# --- running one case -----------------------------------------------------------------------------------------


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def _form_data(chief, url, changes):
    data = admin_form_data(chief.get(url), **{k: v for k, v in changes.items() if not hasattr(v, "read")})
    data = {k: v for k, v in data.items() if not k.endswith("file")}
    data.update({k: v for k, v in changes.items() if hasattr(v, "read")})
    return data


def _with_two_versions(make):
    item = make(PUBLISHED)
    for title in ("Earlier title", "Later title"):
        item.title_en = title
        with reversion.create_revision():
            item.save()
    return item


def _perform(label, operation, client, chief):
    """Set up what the operation needs, then do it as `client`; return the response."""
    model, spec = _model(label), SPECS[label]
    op, _, state = operation.partition(":")
    if op == "changelist":
        spec.make(spec.states[0])
        return "GET", lambda: client.get(_url(model, "changelist"))
    if op == "add":
        fields = spec.add() if spec.add else {}
        data = _form_data(chief, _url(model, "add"), fields) if spec.add else {"_save": "Save"}
        return "POST", lambda: client.post(_url(model, "add"), data)
    if op == "history":
        obj = spec.make(spec.states[0])
        return "GET", lambda: client.get(_url(model, "history", obj.pk))
    if op == "password_change":
        obj = spec.make(state)
        data = {"password1": "a-new-pass-phrase-9", "password2": "a-new-pass-phrase-9", "usable_password": "true"}
        return "POST", lambda: client.post(_url(model, "password_change", obj.pk), data)
    if op == "import_job":
        job = ImportJob.objects.create(total=0)
        return "GET", lambda: client.get(_url(model, "import_job", job.pk))
    if op == "import":
        document = SimpleUploadedFile(DOCUMENT.name, DOCUMENT.read_bytes(), "text/plain")
        return "POST", lambda: client.post(_url(model, "import"), {"documents": [document]})
    if op == "preview":
        obj = spec.make(state)
        return "GET", lambda: client.get(_url(model, "preview", obj.pk, "en"))
    if op == "compare":
        obj = _with_two_versions(spec.make)
        newer, older = Version.objects.get_for_object(obj)[:2]
        return "GET", lambda: client.get(_url(model, "compare", obj.pk), {"a": older.pk, "b": newer.pk})
    if op == "restore":
        obj = _with_two_versions(spec.make)
        oldest = Version.objects.get_for_object(obj).last()
        return "POST", lambda: client.post(_url(model, "restore", obj.pk, oldest.pk))
    if op == "transition":
        action, _, state = state.partition(":")
        obj = spec.make(state)
        return "POST", lambda: client.post(_url(model, "transition", obj.pk, action), {"comment": "Checked."})
    if op == "change":
        obj = spec.make(state)
        data = _form_data(chief, _url(model, "change", obj.pk), spec.change)
        return "POST", lambda: client.post(_url(model, "change", obj.pk), data)
    if op == "delete":
        obj = spec.make(state)
        return "POST", lambda: client.post(_url(model, "delete", obj.pk), {"post": "yes"})
    if op == "action":
        action, _, state = state.partition(":")
        obj = spec.make(state)
        data = {"action": action, "_selected_action": [obj.pk], "index": 0, "post": "yes"}
        return "POST", lambda: client.post(_url(model, "changelist"), data)
    raise AssertionError(f"no way to perform {operation}")


def _check(method, response, before, allowed):
    after = database_state()
    if method == "GET":
        assert response.status_code == (200 if allowed else 403)
        assert before == after, f"a page view changed {changed_tables(before, after)}"
        return
    assert response.status_code != 500
    if allowed:
        assert response.status_code in (200, 302), response.content.decode()[:2000]
        assert before != after, "an allowed change changed nothing: " + response.content.decode()[:2000]
    else:
        assert before == after, f"a refused request changed {changed_tables(before, after)}"


@pytest.fixture
def chief(django_user_model):
    from django.test import Client

    browser = Client()
    browser.force_login(django_user_model.objects.create_superuser("chief", "c@example.org", "pw-for-tests-only"))
    return browser


@pytest.mark.parametrize(("label", "operation", "role"), _cases())
def test_permission_matrix(roles, client, chief, settings, label, operation, role):
    if label.startswith("django_tasks_database."):
        # The worker's results are read through the database backend, as in production.
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    spec = SPECS.get(label)
    assert spec is not None, f"{label} is in the admin but has no entry in SPECS: say who may do what with it"
    expected = spec.rights.get(operation, "no entry")
    assert expected != "no entry", f"{label}: “{operation}” has no entry in the matrix: say who may do it"
    client.force_login(make_user(role))
    method, perform = _perform(label, operation, client, chief)
    before = database_state()

    response = perform()

    _check(method, response, before, role in expected)


@pytest.mark.parametrize(("label", "inline", "state", "role"), _inline_cases())
def test_inline_rows_follow_their_item(roles, client, chief, label, inline, state, role):
    row_label = _label(inline.model)
    assert row_label in INLINES, f"{row_label} (inline of {label}) has no entry in INLINES"
    make_row, field_name, value, translatable = INLINES[row_label]
    parent = SPECS[label].make(state)
    if make_row is None:  # documents: attached by the parent's own field name
        make_document(**{inline.fk_name: parent})
    else:
        make_row(parent)
    if value is None:  # a portrait: choose another image
        value = make_image().pk
    url = _url(type(parent), "change", parent.pk)
    page = chief.get(url)
    [formset] = [f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is inline.model]
    data = _form_data(chief, url, {f"{formset.prefix}-0-{field_name}": value})
    row = formset.forms[0].instance
    client.force_login(make_user(role))
    before = database_state()

    response = client.post(url, data)

    # Rows follow their item: authors and editors on drafts (translators their language), editors once published.
    allowed = ({A, E, T} if translatable else {A, E}) if state == DRAFT else {E}
    saved = type(row)._default_manager.get(pk=row.pk)
    attname = inline.model._meta.get_field(field_name).attname
    changed = getattr(saved, attname) != getattr(row, attname)
    assert response.status_code != 500
    if role in allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert changed
    elif response.status_code == 403:
        after = database_state()
        assert before == after, f"a refused request changed {changed_tables(before, after)}"
    else:
        # A translator saves the item's translation; the row is read-only for them and stays as it was.
        assert not changed


def test_every_registered_model_and_inline_has_an_entry():
    missing = [_label(m) for m in admin.site._registry if _label(m) not in SPECS]
    missing += [
        _label(i.model) for ma in admin.site._registry.values() for i in ma.inlines if _label(i.model) not in INLINES
    ]
    assert missing == []


def test_the_matrix_compares_the_whole_database(roles):
    before = database_state()
    make_article()
    assert changed_tables(before, database_state()) == ["archive.Article"]
