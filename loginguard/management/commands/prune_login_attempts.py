"""Delete admin login attempts that have left the failure window (each attempt also prunes as it is counted)."""

from django.core.management import BaseCommand

from loginguard.limits import prune


class Command(BaseCommand):
    """Delete login attempts older than LOGIN_FAILURE_WINDOW_SECONDS; they no longer count against any limit."""

    help = "Delete admin login attempts older than LOGIN_FAILURE_WINDOW_SECONDS."

    def handle(self, *args, **options):
        deleted = prune()
        self.stdout.write(f"Deleted {deleted} expired login attempts.")
