"""Load the hand-built fixtures in dependency order, index what they hold for search, and report what each kind
of record gained (-v 0: nothing)."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from searchindex import maintenance


class Command(BaseCommand):
    help = "Load the archive's fixtures (occasions, organizations, people, venues, articles, events, figures)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", default=str(settings.FIXTURE_DIRS[0]), help="Folder of numbered JSON fixture files."
        )

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        files = sorted(folder.glob("[0-9][0-9]_*.json"))
        if not files:
            raise CommandError(f"No fixture files (NN_name.json) in {folder}; check the --dir path.")
        counts = {}
        loaded = []
        with transaction.atomic():
            for path in files:
                try:
                    objects = serializers.deserialize("json", path.read_text(encoding="utf-8"))
                    # Save each object before reading the next: later rows look earlier ones up by natural key.
                    for item in objects:
                        label = item.object._meta.label
                        key = "created" if item.object.pk is None else "updated"
                        item.save()
                        loaded.append(item.object)
                        counts.setdefault(label, {"created": 0, "updated": 0})[key] += 1
                except serializers.base.DeserializationError as error:
                    reason = str(error) or str(error.__cause__)
                    raise CommandError(f"{path}: {reason}. Fix the file and run the command again.") from error
            # Fixtures are saved raw, which the index's signals skip: index what was loaded once it is all there.
            maintenance.reindex_instances(loaded)
        if options["verbosity"] >= 1:
            for label, c in counts.items():
                name = apps.get_model(label)._meta.verbose_name_plural
                self.stdout.write(f"{name}: {c['created']} created, {c['updated']} already present")
            total = sum(c["created"] for c in counts.values())
            self.stdout.write(self.style.SUCCESS(f"Loaded {len(files)} fixture files; {total} records created."))
