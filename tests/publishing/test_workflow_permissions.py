"""The permission matrix, walked through the admin over HTTP: each role × each action on articles and events.

Every cell is either allowed (the database changed), forbidden (403, nothing changed) or refused with a
message on the page (nothing changed). A 500 fails the test, since the test client re-raises it.
"""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from archive.models import Article
from events.models import Event
from publishing.models import Status
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_event, make_occasion, make_user, make_venue

pytestmark = pytest.mark.django_db

ALLOWED, FORBIDDEN, REFUSED = "allowed", "403", "refused"

ACTIONS = [
    "create",
    "edit_own_draft",
    "edit_published",
    "submit",
    "publish",
    "schedule",
    "withdraw",
    "restore",
    "delete",
    "edit_original_text",
]

# OK: allowed and saved; NO: 403 and nothing changed; MSG: refused with a message on the page, nothing changed.
OK, NO, MSG = ALLOWED, FORBIDDEN, REFUSED
#               create own-draft published submit publish schedule withdraw restore delete original-text
MATRIX = {
    "Author":        [OK, OK,  NO, OK, NO, NO, NO, NO, NO, MSG],
    "Translator":    [NO, MSG, NO, NO, NO, NO, NO, NO, NO, MSG],
    "Editor":        [OK, OK,  OK, OK, OK, OK, OK, OK, NO, MSG],
    "Administrator": [NO, NO,  NO, NO, NO, NO, NO, NO, OK, NO],
}  # fmt: skip

CASES = [
    (model, role, action, expected)
    for model in ("article", "event")
    for role, outcomes in MATRIX.items()
    for action, expected in zip(ACTIONS, outcomes, strict=True)
    if not (model == "event" and action == "edit_original_text")  # events have no original text
]


def _make(model, **fields):
    return make_article(**fields) if model == "article" else make_event(**fields)


def _url(model, name, *args):
    app = "archive" if model == "article" else "events"
    return reverse(f"admin:{app}_{model}_{name}", args=args)


def _create_data(model, chief):
    page = chief.get(_url(model, "add"))
    if model == "article":
        fields = {
            "slug": "new-item",
            "title_en": "New item",
            "lead_en": "A lead.",
            "body_en": "A body.",
            "original_language": "en",
            "original_text": "A lead.\n\nA body.",
            "published_on": "2025-02-26",
        }
    else:
        fields = {
            "slug": "new-item",
            "title_en": "New item",
            "description_en": "According to the report, an event was held.",
            "occasion": str(make_occasion().pk),
            "venue": str(make_venue().pk),
            "held_on": "2025-02-26",
        }
    return admin_form_data(page, **fields)


def _with_two_versions(model):
    item = _make(model, status=Status.PUBLISHED)
    with reversion.create_revision():
        item.save()
    item.title_en = "Later title"
    with reversion.create_revision():
        item.save()
    return item


def _attempt(model, action, client, chief):
    """Run one action as `client`; return (response, whether the database changed)."""
    manager = Article.objects if model == "article" else Event.objects
    if action == "create":
        data = _create_data(model, chief)
        response = client.post(_url(model, "add"), data)
        return response, manager.filter(slug="new-item").exists()
    if action in ("edit_own_draft", "edit_published", "edit_original_text"):
        item = _make(model, status=Status.DRAFT if action != "edit_published" else Status.PUBLISHED)
        data = admin_form_data(chief.get(_url(model, "change", item.pk)), title_en="Edited by role")
        if action == "edit_original_text":
            data = admin_form_data(chief.get(_url(model, "change", item.pk)), original_text="Tampered.")
        response = client.post(_url(model, "change", item.pk), data)
        item.refresh_from_db()
        changed = item.title_en == "Edited by role" or getattr(item, "original_text", "") == "Tampered."
        return response, changed
    if action in ("submit", "publish", "schedule", "withdraw"):
        status = {"submit": Status.DRAFT, "withdraw": Status.PUBLISHED}.get(action, Status.IN_REVIEW)
        item = _make(model, status=status)
        data = {"comment": "Checked."}
        if action == "schedule":
            data["public_from"] = (timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
        step = "publish" if action == "schedule" else action
        response = client.post(_url(model, "transition", item.pk, step), data)
        item.refresh_from_db()
        target = {"submit": Status.IN_REVIEW, "withdraw": Status.WITHDRAWN}.get(action, Status.PUBLISHED)
        changed = item.status == target
        if action == "schedule" and changed:
            assert item.public_from > timezone.now()
            assert not manager.published().filter(pk=item.pk).exists()
        return response, changed
    if action == "restore":
        item = _with_two_versions(model)
        oldest = Version.objects.get_for_object(item).last()
        response = client.post(_url(model, "restore", item.pk, oldest.pk))
        item.refresh_from_db()
        return response, item.title_en != "Later title"
    if action == "delete":
        item = _make(model, status=Status.WITHDRAWN)
        response = client.post(_url(model, "delete", item.pk), {"post": "yes"})
        return response, not manager.filter(pk=item.pk).exists()
    raise AssertionError(action)


def _errors(response):
    """The form errors of a re-displayed admin page, or the start of a page that is not a form."""
    context = response.context
    if context and "adminform" in context:
        inline_errors = [f.errors for inline in context["inline_admin_formsets"] for f in inline.formset.forms]
        return context["adminform"].form.errors, inline_errors
    return response.content.decode()[:1500]


@pytest.mark.parametrize(("model", "role", "action", "expected"), CASES)
def test_permission_matrix(roles, client, django_user_model, model, role, action, expected):
    chief = client.__class__()
    chief.force_login(django_user_model.objects.create_superuser("chief", "c@example.org", "pw-for-tests-only"))
    client.force_login(make_user(role))

    response, changed = _attempt(model, action, client, chief)

    if expected == ALLOWED:
        assert response.status_code == 302, _errors(response)
        assert changed
    elif expected == FORBIDDEN:
        assert response.status_code == 403
        assert not changed
    else:
        assert response.status_code == 200
        assert "You may not change" in response.content.decode()
        assert not changed


def test_a_superuser_cannot_change_the_original_text_either(roles, admin_client):
    article = make_article(status=Status.DRAFT)
    url = _url("article", "change", article.pk)
    response = admin_client.post(url, admin_form_data(admin_client.get(url), original_text="Tampered."))
    article.refresh_from_db()
    assert response.status_code == 200
    assert "You may not change “original text”" in response.content.decode()
    assert article.original_text == "A lead.\n\nA body."


def test_the_original_text_is_shown_but_not_editable_for_every_role(roles, client):
    article = make_article(status=Status.DRAFT, original_text="Verbatim words.")
    for role in ("Author", "Translator", "Editor"):
        client.force_login(make_user(role))
        html = client.get(_url("article", "change", article.pk)).content.decode()
        assert "Verbatim words." in html
        assert 'name="original_text"' not in html


def test_a_new_article_starts_as_a_draft_even_if_the_author_posts_another_status(roles, client, admin_client):
    client.force_login(make_user("Author"))
    data = _create_data("article", admin_client)
    data["status"] = Status.PUBLISHED
    response = client.post(_url("article", "add"), data)
    assert response.status_code == 200
    assert "You may not change “status”" in response.content.decode()
    assert not Article.objects.filter(slug="new-item").exists()
    data.pop("status")
    assert client.post(_url("article", "add"), data).status_code == 302
    assert Article.objects.get(slug="new-item").status == Status.DRAFT


def test_a_translator_edits_the_translation_language_and_the_translation_status(roles, client, admin_client):
    article = make_article(status=Status.IN_REVIEW, original_language="en", title_ru="")
    client.force_login(make_user("Translator"))
    url = _url("article", "change", article.pk)
    page = client.get(url).content.decode()
    assert 'name="title_ru"' in page
    assert 'name="title_en"' not in page
    data = admin_form_data(admin_client.get(url), title_ru="Перевод заголовка", translation_status="translated")
    for name in [key for key in data if key.endswith("_en") or key in ("slug", "outlet", "public_from")]:
        data.pop(name)
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    article.refresh_from_db()
    assert (article.title_ru, article.translation_status) == ("Перевод заголовка", "translated")


def test_a_translator_of_a_russian_original_works_in_english(roles, client):
    article = make_article(status=Status.DRAFT, original_language="ru")
    client.force_login(make_user("Translator"))
    page = client.get(_url("article", "change", article.pk)).content.decode()
    assert 'name="title_en"' in page
    assert 'name="title_ru"' not in page


def test_authors_cannot_edit_an_item_in_review_but_editors_can(roles, client):
    article = make_article(status=Status.IN_REVIEW)
    client.force_login(make_user("Author"))
    assert 'name="title_en"' not in client.get(_url("article", "change", article.pk)).content.decode()
    client.force_login(make_user("Editor"))
    assert 'name="title_en"' in client.get(_url("article", "change", article.pk)).content.decode()


def test_authors_edit_a_person_until_published_content_shows_them(roles, client, admin_client):
    from events.models import Participation, Person

    person = Person.objects.create(slug="p", name_en="P", name_ru="П")
    event = make_event(status=Status.DRAFT)
    Participation.objects.create(event=event, person=person, role="speaker", article=make_article(), passage="P")
    client.force_login(make_user("Author"))
    url = reverse("admin:events_person_change", args=[person.pk])
    assert client.post(url, admin_form_data(admin_client.get(url), name_en="Pa")).status_code == 302
    event.status = Status.PUBLISHED
    event.save()
    assert client.post(url, admin_form_data(admin_client.get(url), name_en="Pb")).status_code == 403
    person.refresh_from_db()
    assert person.name_en == "Pa"


def test_an_author_cannot_add_a_figure_to_a_published_article_through_the_figure_admin(roles, client, archive):
    from archive.models import FigureKind, ReportedFigure

    article = Article.objects.published().first()
    client.force_login(make_user("Author"))
    before = ReportedFigure.objects.count()
    data = {
        "article": article.pk,
        "position": 99,
        "kind": FigureKind.objects.first().pk,
        "value": 1,
        "passage": "one",
        "_save": "Save",
    }
    response = client.post(reverse("admin:archive_reportedfigure_add"), data)
    assert response.status_code == 403
    assert ReportedFigure.objects.count() == before


def test_setup_roles_is_idempotent(roles):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    counts = {g.name: g.permissions.count() for g in Group.objects.all()}
    call_command("setup_roles", verbosity=0)
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == counts
    assert set(counts) == {"Author", "Translator", "Editor", "Administrator"}
