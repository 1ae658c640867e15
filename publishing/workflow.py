"""The editorial workflow: who may edit what, the status transitions, the publish guard and restoring history.

Every rule lives here so that the admin's forms, buttons, bulk actions and views all ask the same
functions, and a request crafted by hand meets the same refusal as a click in the interface.
"""

from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import NotRegistered, translator

from . import exposure, lost_updates
from .models import Publishable, Status, WorkflowLogEntry


class TransitionRefused(Exception):
    """A workflow step that the rules do not allow; the message says why, for the person who tried."""


# ---------------------------------------------------------------------------------------------------------------
# Languages: which one is the source of an item, which one its translator works in.

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_name(code):
    return str(dict(settings.LANGUAGES)[code])


def source_language(obj):
    """The language an item was written in: an article's original language, else the archive's own (English)."""
    return getattr(obj, "original_language", None) or settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def translation_language(obj):
    """The language a translator of this item works in: the one that is not its source."""
    source = source_language(obj)
    return next(code for code in LANGUAGE_CODES if code != source)


def translated_fields(model):
    """Names of the model's fields that exist in each language (the base names, e.g. `title`)."""
    try:
        names = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    return [field.name for field in model._meta.fields if field.name in names]  # in the order of the form


def required_translated_fields(model):
    """Translated fields that may not be blank: each must be filled in every language before publishing."""
    return [name for name in translated_fields(model) if not model._meta.get_field(name).blank]


def missing_translations(obj):
    """{language code: [verbose names of required fields empty in that language]} for the item's own fields."""
    missing = {}
    for code in LANGUAGE_CODES:
        names = [
            str(obj._meta.get_field(name).verbose_name)
            for name in required_translated_fields(type(obj))
            if not (getattr(obj, f"{name}_{code}", "") or "").strip()
        ]
        if names:
            missing[code] = names
    return missing


# ---------------------------------------------------------------------------------------------------------------
# The publish guard: a list of checks other apps can extend (the images app adds "an image lacks alt text").

PUBLICATION_CHECKS = []


def publication_check(check):
    """Register `check(obj) -> iterable of problem strings`; publishing is refused while any check has one."""
    PUBLICATION_CHECKS.append(check)
    return check


def publication_problems(obj):
    """Everything that stops this article or event from being published, as sentences naming the fields."""
    return [problem for check in PUBLICATION_CHECKS for problem in check(obj)]


def _describe_missing(label, obj):
    return [
        _("%(item)s: %(fields)s missing in %(language)s")
        % {"item": label, "fields": ", ".join(names), "language": language_name(code)}
        for code, names in missing_translations(obj).items()
    ]


@publication_check
def every_required_field_in_both_languages(obj):
    """The item's own required fields, those of its rows (citations, programme) and of what it links to."""
    problems = _describe_missing(str(obj._meta.verbose_name).capitalize(), obj)
    for field in obj._meta.get_fields():
        if field.one_to_many and field.auto_created and required_translated_fields(field.related_model):
            for child in getattr(obj, field.get_accessor_name()).all():
                label = f"{str(field.related_model._meta.verbose_name).capitalize()} “{child}”"
                problems += _describe_missing(label, child)
        elif field.many_to_one and field.concrete and required_translated_fields(field.related_model):
            target = getattr(obj, field.name)
            if target is not None:
                label = f"{str(field.verbose_name).capitalize()} “{target}”"
                problems += _describe_missing(label, target)
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Who may edit what.

FULL = "full"
TRANSLATION = "translation"


def permission(model, action):
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(permission(model, "publish"))


def in_published_content(obj):
    """Whether `obj` is published content or published content shows it (publishing/exposure.py).

    "Published" is the status, so an item scheduled for later counts, as it does for the publish guard:
    not `Publishable.is_public`, which asks whether visitors see the item now.
    """
    if isinstance(obj, Publishable):
        return obj.status == Status.PUBLISHED
    return bool(exposure.published_items_showing(obj))


def _weakest(rights):
    if None in rights:
        return None
    return TRANSLATION if TRANSLATION in rights else FULL


def may_change_published(user, items):
    """Whether the user may change every one of these published items as if editing it in its own form."""
    return all(editing_rights(user, item) == FULL for item in items)


def editing_rights(user, obj):
    """FULL, TRANSLATION (only the fields of the translation language) or None for this user and item.

    Articles and events: editors edit in any status; authors edit drafts; translators edit the translation
    of drafts and items in review. A row of an item (a figure, a document, an import suggestion…): the rights
    on the item. Anything else (people, venues, organizations, images): the model's permissions. And nobody
    changes what published content shows (publishing/exposure.py) unless they may change that content: so an
    author edits a person, an image or a figure only until a published item shows it.
    """
    model = type(obj)
    change = user.has_perm(permission(model, "change"))
    translate = user.has_perm(permission(model, "translate"))
    if isinstance(obj, Publishable):
        if change and can_publish(user, model):
            return FULL
        if change and obj.status == Status.DRAFT:
            return FULL
        if translate and obj.status in (Status.DRAFT, Status.IN_REVIEW):
            return TRANSLATION
        return None
    parents = exposure.parents(obj)
    if parents:
        rights = _weakest([editing_rights(user, parent) for parent in parents])
    elif change or translate:
        rights = FULL if change else TRANSLATION
    else:
        return None
    if rights is not None and not may_change_published(user, exposure.published_items_showing(obj)):
        return None
    return rights


def translation_field_names(obj, model=None):
    """The concrete field names a translator of `obj` may edit on `model` (default: obj's own model)."""
    code = translation_language(obj)
    names = [f"{name}_{code}" for name in translated_fields(model or type(obj))]
    if isinstance(obj, Publishable) and (model is None or model is type(obj)):
        names.append("translation_status")
    return names


# ---------------------------------------------------------------------------------------------------------------
# Status transitions.


@dataclass(frozen=True)
class Transition:
    """A named move between statuses and the permission it needs ("change" or "publish")."""

    action: str
    label: str
    sources: tuple
    target: str
    needs: str
    done_message: str


TRANSITIONS = {
    t.action: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Submit for review"),
            (Status.DRAFT,),
            Status.IN_REVIEW,
            "change",
            gettext_lazy("submitted for review"),
        ),
        Transition(
            "request_changes",
            gettext_lazy("Request changes"),
            (Status.IN_REVIEW,),
            Status.DRAFT,
            "publish",
            gettext_lazy("returned to draft with changes requested"),
        ),
        Transition(
            "publish",
            gettext_lazy("Approve and publish"),
            (Status.IN_REVIEW,),
            Status.PUBLISHED,
            "publish",
            gettext_lazy("published"),
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw"),
            (Status.PUBLISHED,),
            Status.WITHDRAWN,
            "publish",
            gettext_lazy("withdrawn"),
        ),
        Transition(
            "reopen",
            gettext_lazy("Return to draft"),
            (Status.WITHDRAWN,),
            Status.DRAFT,
            "publish",
            gettext_lazy("returned to draft"),
        ),
    ]
}


def may_attempt(user, model, transition):
    """Whether the user's role includes this step at all (whatever the item's status)."""
    if transition.needs == "publish":
        return can_publish(user, model)
    return user.has_perm(permission(model, "change")) or can_publish(user, model)


def transition_refusal(user, obj, action):
    """Why `user` may not apply `action` to `obj` now, or None when they may."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        return _("There is no workflow step called “%(action)s”.") % {"action": action}
    if not may_attempt(user, type(obj), transition):
        return _("You may not do this: “%(step)s” is for %(role)s.") % {
            "step": transition.label,
            "role": _("editors") if transition.needs == "publish" else _("authors and editors"),
        }
    if obj.status not in transition.sources:
        return _("“%(item)s” is %(status)s; “%(step)s” applies only to %(sources)s items.") % {
            "item": obj,
            "status": obj.get_status_display().lower(),
            "step": transition.label,
            "sources": ", ".join(str(Status(s).label).lower() for s in transition.sources),
        }
    return None


def available_transitions(user, obj):
    return [t for t in TRANSITIONS.values() if transition_refusal(user, obj, t.action) is None]


def log_entries(obj):
    return WorkflowLogEntry.objects.filter(**{WorkflowLogEntry.item_field(obj): obj}).select_related("user")


KEEP = object()


def apply_transition(obj, action, user, *, comment="", public_from=KEEP):
    """Move `obj` through `action`, record who, when and why, and return the log entry.

    Raises TransitionRefused (nothing changed) when the user lacks the right, the status does not allow the
    step, or, when publishing, the publish guard finds problems. When publishing, `public_from` in the future
    schedules, None publishes at once, and by default the time already set on the item is kept.
    """
    with transaction.atomic(), reversion.create_revision():
        current = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        refusal = transition_refusal(user, current, action)
        if refusal:
            raise TransitionRefused(refusal)
        transition = TRANSITIONS[action]
        now = timezone.now()
        logged_action = action
        if transition.target == Status.PUBLISHED:
            problems = publication_problems(current)
            if problems:
                raise TransitionRefused(
                    _("“%(item)s” cannot be published yet: %(problems)s.")
                    % {"item": current, "problems": "; ".join(problems)}
                )
            if public_from is not KEEP:
                current.public_from = public_from
        previous = current.status
        current.status = transition.target
        if current.is_scheduled:
            logged_action = WorkflowLogEntry.Action.SCHEDULE
        current.save(update_fields=["status", "public_from"])
        reversion.set_user(user)
        reversion.set_comment(str(transition.done_message))
        entry = WorkflowLogEntry.objects.create(
            item=current,
            action=logged_action,
            from_status=previous,
            to_status=current.status,
            public_from=current.public_from,
            user=user,
            at=now,
            comment=comment,
        )
    obj.status, obj.public_from, obj.updated_at = current.status, current.public_from, current.updated_at
    return entry


def log_rescheduling(obj, user, previous_public_from):
    """Record that an editor moved the publication time of a published item in its form."""
    return WorkflowLogEntry.objects.create(
        item=obj,
        action=WorkflowLogEntry.Action.SCHEDULE if obj.is_scheduled else WorkflowLogEntry.Action.PUBLISH,
        from_status=obj.status,
        to_status=obj.status,
        public_from=obj.public_from,
        user=user,
        at=timezone.now(),
        comment=_("Publication time changed in the form (was: %(before)s).")
        % {
            "before": date_format(timezone.localtime(previous_public_from), "DATETIME_FORMAT")
            if previous_public_from
            else _("at once")
        },
    )


def describe_entry(entry):
    """A sentence for messages: "published", or "scheduled for 26 February 2026 10:00"."""
    if entry.action == WorkflowLogEntry.Action.SCHEDULE:
        return format_lazy(
            "{} {}", _("scheduled for"), date_format(timezone.localtime(entry.public_from), "DATETIME_FORMAT")
        )
    return TRANSITIONS[entry.action].done_message if entry.action in TRANSITIONS else entry.get_action_display()


# ---------------------------------------------------------------------------------------------------------------
# History: restoring an old version keeps the workflow state; only editors may do it.


def restore_version(obj, version, user):
    """Bring back the content of `version` (with its rows), keeping obj's status and publication time."""
    model = type(obj)
    if not can_publish(user, model):
        raise TransitionRefused(_("Only editors may restore an old version."))
    if version.content_type_id != ContentType.objects.get_for_model(model).pk or str(version.object_id) != str(obj.pk):
        raise TransitionRefused(_("That version belongs to another item."))
    with transaction.atomic(), reversion.create_revision():
        current = model._default_manager.select_for_update().get(pk=obj.pk)
        status, public_from = current.status, current.public_from
        _revert_item(version, current)
        # The rows come back with the versions they had then, which forms opened then still carry.
        lost_updates.touch_revision(version.revision)
        restored = model._default_manager.get(pk=obj.pk)
        restored.status, restored.public_from = status, public_from
        if status == Status.PUBLISHED:
            problems = publication_problems(restored)
            if problems:
                raise TransitionRefused(
                    _("This version cannot replace published content: %(problems)s.")
                    % {"problems": "; ".join(problems)}
                )
        restored.save()
        when = date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        reversion.set_user(user)
        reversion.set_comment(_("Restored the version of %(when)s.") % {"when": when})
        entry = WorkflowLogEntry.objects.create(
            item=restored,
            action=WorkflowLogEntry.Action.RESTORE,
            from_status=status,
            to_status=status,
            public_from=public_from,
            user=user,
            at=timezone.now(),
            comment=_("Version of %(when)s") % {"when": when},
        )
    return entry


def _revert_item(version, obj):
    """Bring back `obj` and its own rows as `version`'s revision holds them, and nothing else it holds.

    A revision may hold more than the item: an image or a document saved in the same request, or another
    item's rows. Restoring one item must not put those back (an old document version names a file that was
    deleted when it was replaced).
    """
    model = type(obj)
    accessors = reversion.revisions._get_options(model).follow
    rows = [model._meta.get_field(name) for name in accessors]
    row_keys = {(relation.related_model, relation.field.attname) for relation in rows}

    def own(v):
        if v._model is model:
            return str(v.object_id) == str(obj.pk)
        return any(
            v._model is row_model and str(v.field_dict.get(attname)) == str(obj.pk) for row_model, attname in row_keys
        )

    versions = [v for v in version.revision.version_set.all() if own(v)]
    kept = {(v._model, str(v.object_id)) for v in versions}
    for name in accessors:
        for row in getattr(obj, name).all():
            if (type(row), str(row.pk)) not in kept:
                row.delete()
    for v in sorted(versions, key=lambda v: v._model is not model):  # the item first, then its rows
        v.revert()


# ---------------------------------------------------------------------------------------------------------------
# Changes that reach published content from outside the item's own form (publishing/exposure.py says which).


def record_published_change(user, obj, shown, comment):
    """Record a change to `obj` the way editing its item records it, inside the caller's transaction.

    The items `obj` is a row of join the current revision with all their rows (their History then shows the
    change, who made it and the comment), and each published item in `shown` gets a workflow-log entry.
    """
    if reversion.is_active():
        for parent in exposure.parents(obj):
            if isinstance(parent, Publishable) and parent.pk and reversion.is_registered(type(parent)):
                reversion.add_to_revision(type(parent)._default_manager.get(pk=parent.pk))
        reversion.set_user(user)
        reversion.set_comment(comment)
    now = timezone.now()
    return WorkflowLogEntry.objects.bulk_create(
        WorkflowLogEntry(
            item=item,
            action=WorkflowLogEntry.Action.EDIT,
            from_status=item.status,
            to_status=item.status,
            public_from=item.public_from,
            user=user,
            at=now,
            comment=comment,
        )
        for item in shown
    )
