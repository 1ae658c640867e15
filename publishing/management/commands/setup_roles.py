"""Create or update the editorial roles (groups) and their permissions; running it again changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.core.management import BaseCommand
from django.db import transaction

# Models an author creates and edits (drafts of articles and events, and the records they link to).
AUTHORED = [
    "archive.article",
    "archive.sourcecitation",
    "archive.anniversarymention",
    "archive.reportedfigure",
    "events.event",
    "events.eventreport",
    "events.eventorganizer",
    "events.programmeitem",
    "events.participation",
    "events.mention",
    "events.person",
    "events.venue",
    "events.organization",
    # Photographs and documents (the gallery app) are attached to drafts by authors too.
    "gallery.image",
    "gallery.eventimage",
    "gallery.articleimage",
    "gallery.portrait",
    "gallery.document",
]
# The importer's suggestions: authors and editors confirm or reject them.
REVIEWED = ["importing.importsuggestion"]
REFERENCE = ["archive.figurekind", "events.occasion"]
# Written only by the importer and the image processing, read by everyone.
GENERATED = ["archive.sourcerevision", "gallery.rendition"]
# Read by everyone, written only by the workflow itself.
LOG = ["publishing.workflowlogentry"]
EDITABLE = AUTHORED + REVIEWED + REFERENCE
CONTENT = EDITABLE + GENERATED
TRANSLATABLE = ["archive.article", "events.event", "events.person", "events.venue", "events.organization"]
USERS = ["auth.user", "auth.group"]
# The background worker's task results (imports, renditions): read by administrators, written only by the worker.
TASK_RESULTS = ["django_tasks_database.dbtaskresult"]


def perms(action, models):
    return [f"{model.split('.')[0]}.{action}_{model.split('.')[1]}" for model in models]


ROLES = {
    "Author": perms("view", CONTENT + LOG) + perms("add", AUTHORED) + perms("change", AUTHORED + REVIEWED),
    "Translator": perms("view", CONTENT + LOG) + perms("translate", TRANSLATABLE),
    "Editor": perms("view", CONTENT + LOG)
    + perms("add", EDITABLE)
    + perms("change", EDITABLE)
    + ["archive.publish_article", "events.publish_event"],
    "Administrator": perms("view", CONTENT + LOG + USERS + TASK_RESULTS)
    + perms("add", USERS)
    + perms("change", USERS)
    + perms("delete", USERS + CONTENT)
    + ["auth.view_permission"],
}


class Command(BaseCommand):
    help = "Create the Author, Translator, Editor and Administrator groups with exactly their permissions."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, codes in ROLES.items():
            wanted = []
            for code in codes:
                app_label, codename = code.split(".")
                try:
                    wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
                except Permission.DoesNotExist:
                    raise SystemExit(f"Permission {code} does not exist: run `manage.py migrate` first.") from None
            group, created = Group.objects.get_or_create(name=name)
            before = set(group.permissions.values_list("pk", flat=True))
            group.permissions.set(wanted)
            changed = before != {p.pk for p in wanted}
            if options["verbosity"]:
                state = "created" if created else ("updated" if changed else "unchanged")
                self.stdout.write(f"{name}: {state}, {len(wanted)} permissions")
