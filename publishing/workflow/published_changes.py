"""Changes that reach published content from outside the item's own form (publishing/exposure.py says which)."""

import reversion
from django.utils import timezone

from .. import exposure
from ..models import Publishable, WorkflowLogEntry


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
