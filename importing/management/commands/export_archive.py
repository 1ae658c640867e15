"""Export the whole archive (or only what is published) as a JSON fixture with natural keys: the backup format."""

from pathlib import Path

from django.core.management.base import BaseCommand

from importing.exporter import write_export


class Command(BaseCommand):
    help = (
        "Write every row of the archive and events apps (or only published content) as a JSON fixture with "
        "natural keys. Restore it into an empty, migrated database with `manage.py loaddata FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--published-only", action="store_true", help="Only what visitors may see.")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        if options["output"]:
            path = Path(options["output"])
            with path.open("w", encoding="utf-8") as stream:
                counts = write_export(stream, options["published_only"])
            total = sum(counts.values())
            self.stderr.write(f"Wrote {total} records to {path}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        else:
            write_export(self.stdout, options["published_only"])
