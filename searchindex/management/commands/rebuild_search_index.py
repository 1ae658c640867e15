"""Make the search index again from every record (after a bulk change made outside the admin and the importer)."""

import time

from django.core.management.base import BaseCommand

from searchindex import indexing


class Command(BaseCommand):
    help = "Rebuild the search index from every article, event, person, venue and organization, in one transaction."

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(kind, count):
            if options["verbosity"] >= 1:
                self.stdout.write(f"{kind}: {count} records indexed")

        indexing.rebuild(progress)
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt in {time.monotonic() - started:.1f} s."))
