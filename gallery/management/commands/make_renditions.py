"""Make the renditions that images lack (after restoring media or adding a size); existing ones are kept."""

from django.core.management.base import BaseCommand

from gallery.models import Image


class Command(BaseCommand):
    help = "Make missing renditions for every image in the library; existing renditions are reused."

    def handle(self, *args, **options):
        made = 0
        for image in Image.objects.iterator(chunk_size=100):
            made += len(image.make_renditions())
        self.stdout.write(f"{made} rendition file(s) made.")
