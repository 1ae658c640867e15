"""The image library, its renditions, and what attaches images and documents to events, articles and people."""

from dataclasses import dataclass

from django.core.files.base import ContentFile, File
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.lost_updates import Tracked
from publishing.models import published_q

from . import file_names, processing

# Migration 0001 names these; every file is now named by `file_names`.
_original_path = file_names.original_path
_rendition_path = file_names.rendition_path
_document_path = file_names.document_path


@dataclass(frozen=True)
class Picture:
    """The URLs and sizes a template needs to show one image responsively."""

    src: str
    width: int
    height: int
    srcset: str
    webp_srcset: str
    full_url: str
    thumbnail: object


def _srcset(renditions):
    """`url 320w, url 800w, …`, one entry per distinct width (small originals repeat a width)."""
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return ", ".join(f"{r.file.url} {w}w" for w, r in sorted(by_width.items()))


class CleanImageFile(ContentFile):
    """An upload that has passed `processing.clean_image`; saving it needs no second check."""

    def __init__(self, clean):
        # Only the extension reaches the stored name (`file_names`); the uploader's name is not kept.
        super().__init__(clean.content, name=f"image.{clean.extension}")
        self.clean = clean


class CheckedPDFFile(File):
    """An upload that has passed `processing.check_pdf`; saving it needs no second check (pypdf reads it whole)."""

    def __init__(self, upload):
        super().__init__(upload.file, name=upload.name)
        self.size = upload.size


class ImageQuerySet(models.QuerySet):
    def public(self):
        """Images visitors may see: shown with a published event or article, or as a public person's portrait."""
        from events.models import Person

        image = models.OuterRef("pk")
        return self.filter(
            models.Exists(EventImage.objects.filter(published_q("event__"), image=image))
            | models.Exists(ArticleImage.objects.filter(published_q("article__"), image=image))
            # Correlated on the portrait's person, so only that person's visibility is worked out.
            | models.Exists(Person.objects.public().filter(portrait__image=image))
        )


class Image(Tracked):
    """A photograph in the library, stored cleaned (no EXIF, upright), with its bilingual description."""

    # Indexed: the media view finds the row of each requested file by its name.
    file = models.FileField(_("file"), upload_to=file_names.original_path, max_length=255, db_index=True)
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the photograph shows, for people who cannot see it. Required in both languages to publish."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Who took the photograph."))
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the archive obtained it: an article, a URL, a donor."),
    )
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or self.alt_text or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        """Store the cleaned file and queue its renditions; a replaced file takes its renditions with it.

        Any file passes `processing.clean_image` before it is stored. If anything fails after a file
        was written, the files written are removed again, so a failed save leaves nothing behind.
        """
        previous = getattr(self, "_stored_file_name", None)
        replacing = bool(self.file) and not self.file._committed
        if replacing:
            clean = self.file.file.clean if isinstance(self.file.file, CleanImageFile) else None
            if clean is None:
                clean = processing.clean_image(self.file)
                self.file = CleanImageFile(clean)
            self.width, self.height = clean.width, clean.height
        written = []
        try:
            with transaction.atomic():
                super().save(*args, **kwargs)
                if replacing:
                    written.append(self.file.name)
                    if previous and previous != self.file.name:
                        Rendition.objects.filter(image=self).delete()
                        storage, old_name = self.file.storage, previous
                        transaction.on_commit(lambda: storage.delete(old_name))
                    # Renditions are made by the task worker, queued with the image row so that it sees the row.
                    from .tasks import make_renditions

                    make_renditions.enqueue(self.pk)
        except BaseException:
            for name in written:
                self.file.storage.delete(name)
            raise
        self._stored_file_name = self.file.name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file")
        return instance

    def make_renditions(self):
        """Make the renditions this image lacks (existing ones are reused); return the files written."""
        # Asked of the database, not of a prefetched list that a replaced file may have made stale.
        existing = set(Rendition.objects.filter(image=self).values_list("spec", flat=True))
        missing = [spec for spec in processing.rendition_specs() if spec not in existing]
        if not missing:
            return []
        with self.file.open("rb") as source:
            rendered = processing.render_all(source.read())
        written = []
        try:
            for spec in missing:
                result = rendered[spec]
                rendition = Rendition(image=self, spec=spec, width=result.width, height=result.height)
                rendition.size_bytes = len(result.content)
                rendition.file.save(f"{spec}.{result.extension}", ContentFile(result.content), save=False)
                written.append(rendition.file.name)
                rendition.save()
        except BaseException:
            for name in written:
                self.file.storage.delete(name)
            raise
        self._prefetched_objects_cache = {}
        return written

    def rendition_map(self):
        """Renditions by spec, from the prefetched rows when the caller prefetched them."""
        return {r.spec: r for r in self.renditions.all()}

    def picture(self):
        """What a `<picture>` element needs: srcsets by format, the fallback src and the size to reserve."""
        renditions = self.rendition_map()
        fallback = sorted((r for r in renditions.values() if not r.is_webp), key=lambda r: r.width)
        webp = sorted((r for r in renditions.values() if r.is_webp), key=lambda r: r.width)
        card = renditions.get("card")
        full = renditions.get("full")
        return Picture(
            src=card.file.url if card else self.file.url,
            width=card.width if card else self.width,
            height=card.height if card else self.height,
            srcset=_srcset(fallback),
            webp_srcset=_srcset(webp),
            full_url=full.file.url if full else self.file.url,
            thumbnail=renditions.get("thumbnail"),
        )

    @property
    def missing_alt_languages(self):
        """Language codes ("en", "ru") in which the alt text is empty."""
        return [code for code in ("en", "ru") if not (getattr(self, f"alt_text_{code}", "") or "").strip()]


class Rendition(models.Model):
    """One resized copy of an image at one spec ("card", "card-webp", …), made once and reused."""

    image = models.ForeignKey(Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(_("spec"), max_length=30)
    file = models.FileField(_("file"), upload_to=file_names.rendition_path, max_length=255, db_index=True)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size_bytes = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        ordering = ["image", "width", "spec"]
        constraints = [models.UniqueConstraint(fields=["image", "spec"], name="gallery_rendition_unique_spec")]
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")

    def __str__(self):
        return f"{self.image_id}:{self.spec}"

    @property
    def is_webp(self):
        return self.spec.endswith("-webp")


class ImageLink(Tracked):
    """An image shown with a piece of content, at the position the editor chose."""

    image = models.ForeignKey(Image, verbose_name=_("image"), on_delete=models.PROTECT, related_name="%(class)s_uses")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.image)


class EventImage(ImageLink):
    """An image in an event's gallery."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="gallery_images"
    )

    class Meta:
        ordering = ["event", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "image"], name="gallery_eventimage_once")]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


class ArticleImage(ImageLink):
    """An image that illustrates an article."""

    article = models.ForeignKey(
        "archive.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="images"
    )

    class Meta:
        ordering = ["article", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["article", "image"], name="gallery_articleimage_once")]
        verbose_name = _("article image")
        verbose_name_plural = _("article images")


def _subject_field(subject):
    """The name a gallery row uses for its content: "event", "article", or None for anything else."""
    from archive.models import Article
    from events.models import Event

    if isinstance(subject, Event):
        return "event"
    if isinstance(subject, Article):
        return "article"
    return None


def image_links_for(subject):
    """The image links of an event or an article, in order, with images and renditions prefetched.

    Two queries however many images there are; an empty queryset for anything else.
    """
    field = _subject_field(subject)
    if field is None:
        return EventImage.objects.none()
    model = EventImage if field == "event" else ArticleImage
    links = model.objects.filter(**{field: subject})
    return links.select_related("image").prefetch_related("image__renditions").order_by("position", "pk")


def documents_for(subject):
    """The PDF documents attached to an event or an article, in order."""
    field = _subject_field(subject)
    return Document.objects.filter(**{field: subject}) if field else Document.objects.none()


class Portrait(Tracked):
    """A person's portrait, chosen from the image library."""

    person = models.OneToOneField(
        "events.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="portrait"
    )
    image = models.ForeignKey(Image, verbose_name=_("image"), on_delete=models.PROTECT, related_name="portrait_uses")

    class Meta:
        verbose_name = _("portrait")
        verbose_name_plural = _("portraits")

    def __str__(self):
        return str(self.image)


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """Documents visitors may see: those attached to a published event or a published article."""
        return self.filter(published_q("event__") | published_q("article__"))


class Document(Tracked):
    """A PDF kept with the archive (a scanned letter, a programme), attached to an event or an article."""

    file = models.FileField(_("file"), upload_to=file_names.document_path, max_length=255, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    size_bytes = models.PositiveIntegerField(_("size in bytes"), editable=False, default=0)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="documents",
        null=True,
        blank=True,
    )
    article = models.ForeignKey(
        "archive.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="documents",
        null=True,
        blank=True,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Store only checked PDFs; a replaced file is removed once the change is committed."""
        previous = getattr(self, "_stored_file_name", None)
        if self.file and not self.file._committed:
            if not isinstance(self.file.file, CheckedPDFFile):
                processing.check_pdf(self.file)
            self.size_bytes = self.file.size
        super().save(*args, **kwargs)
        if previous and previous != self.file.name:
            storage = self.file.storage
            transaction.on_commit(lambda: storage.delete(previous))
        self._stored_file_name = self.file.name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file")
        return instance
