"""The editorial workflow: who may edit what, the status transitions, the publish guard and restoring history.

Every rule lives here so that the admin's forms, buttons, bulk actions and views all ask the same
functions, and a request crafted by hand meets the same refusal as a click in the interface.
Callers import the package (`from publishing import workflow; workflow.apply_transition(...)`); the
modules below are its chapters:

- `languages`: which language is an item's source, which its translation, and what each lacks;
- `guard`: the publish guard, a list of checks other apps extend with `publication_check`;
- `rights`: who may edit what (`editing_rights`, FULL or TRANSLATION);
- `transitions`: the table of steps and `apply_transition`, the one guarded way to change a status;
- `history`: restoring an old version, keeping the workflow state;
- `published_changes`: changes that reach published content from outside the item's own form.
"""

from .guard import PUBLICATION_CHECKS, every_required_field_in_both_languages, publication_check, publication_problems
from .history import restore_version
from .languages import (
    LANGUAGE_CODES,
    language_name,
    missing_translations,
    required_translated_fields,
    source_language,
    translated_fields,
    translation_language,
)
from .published_changes import record_published_change
from .rights import (
    FULL,
    TRANSLATION,
    can_publish,
    editing_rights,
    may_change_published,
    permission,
    translation_field_names,
)
from .transitions import (
    KEEP,
    TRANSITIONS,
    Transition,
    TransitionRefused,
    apply_transition,
    available_transitions,
    describe_entry,
    log_entries,
    log_rescheduling,
    may_attempt,
    transition_refusal,
)

__all__ = [
    "FULL",
    "KEEP",
    "LANGUAGE_CODES",
    "PUBLICATION_CHECKS",
    "TRANSITIONS",
    "TRANSLATION",
    "Transition",
    "TransitionRefused",
    "apply_transition",
    "available_transitions",
    "can_publish",
    "describe_entry",
    "editing_rights",
    "every_required_field_in_both_languages",
    "language_name",
    "log_entries",
    "log_rescheduling",
    "may_attempt",
    "may_change_published",
    "missing_translations",
    "permission",
    "publication_check",
    "publication_problems",
    "record_published_change",
    "required_translated_fields",
    "restore_version",
    "source_language",
    "transition_refusal",
    "translated_fields",
    "translation_field_names",
    "translation_language",
]
