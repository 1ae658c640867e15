"""Status transitions: the table of steps, why a step is refused, and the one guarded function that applies it."""

from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Status, WorkflowLogEntry
from .guard import publication_problems
from .rights import can_publish, permission


class TransitionRefused(Exception):
    """A workflow step that the rules do not allow; the message says why, for the person who tried."""


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
