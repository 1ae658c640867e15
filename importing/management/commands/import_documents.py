"""Import saved news pages (files or folders) as draft articles, each file whole or not at all."""

import sys

from django.core.management.base import BaseCommand, CommandError

from importing.importer import MAX_DOCUMENT_BYTES, DocumentImporter, ImportResult, iter_document_paths


class Command(BaseCommand):
    help = (
        "Import news documents (text files, or folders of them) as draft articles for editors to review. "
        f"Each file is imported whole or not at all; files over {MAX_DOCUMENT_BYTES} bytes are refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders of documents.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would be created; write nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, **options):
        paths = list(iter_document_paths(options["paths"]))
        importer = DocumentImporter(dry_run=options["dry_run"])
        progress = len(paths) > 1 and not options["no_progress"] and options["verbosity"] > 0
        counts = dict.fromkeys((ImportResult.IMPORTED, ImportResult.REVISED, ImportResult.UNCHANGED), 0)
        counts[ImportResult.FAILED] = 0
        for done, path in enumerate(paths, start=1):
            result = importer.import_path(path)
            counts[result.status] += 1
            self.report(result, options["verbosity"], options["dry_run"])
            if progress:
                self.draw_progress(done, len(paths))
        if progress:
            sys.stderr.write("\n")
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        summary = (
            f"{prefix}{counts['imported']} imported, {counts['revised']} changed (kept as revisions), "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed, of {len(paths)} files."
        )
        if counts[ImportResult.FAILED]:
            self.stdout.write(summary)
            raise CommandError(f"{counts['failed']} file(s) failed; see the errors above.", returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))

    def report(self, result, verbosity, dry_run):
        if result.status == ImportResult.FAILED:
            self.stderr.write(f"FAILED {result.name}: {result.message}")
            return
        if verbosity < 1:
            return
        verb = {"imported": "would import" if dry_run else "imported"}.get(result.status, result.status)
        line = f"{verb} {result.name}"
        if result.status == ImportResult.IMPORTED:
            a = result.article
            created = ", ".join(f"{n} {what}" for what, n in result.created.items() if what != "articles")
            line += f" → draft “{a.slug}” ({a.original_language}, {a.published_on_display or 'undated'}; {created})"
        elif result.message:
            line += f": {result.message}"
        self.stdout.write(line)
        for warning in result.warnings:
            self.stdout.write(f"    note: {warning}")
        if verbosity > 1:
            for line in result.removed:
                self.stdout.write(f"    removed as page furniture: {line}")

    @staticmethod
    def draw_progress(done, total, width=30):
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        sys.stderr.flush()
