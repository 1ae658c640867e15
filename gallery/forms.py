"""Upload fields that run the checks in `processing` while the form is validated, so errors show on the field."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from . import processing
from .models import CheckedPDFFile, CleanImageFile, Document, Image


class CheckedImageField(forms.FileField):
    """A photograph upload: accepted only when `processing.clean_image` accepts its content."""

    widget = forms.ClearableFileInput(attrs={"accept": ",".join(processing.MIME_TYPES.values())})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return CleanImageFile(processing.clean_image(value))
        return value


class CheckedPDFField(forms.FileField):
    """A document upload: accepted only when its content is a complete PDF within the size limit."""

    widget = forms.ClearableFileInput(attrs={"accept": "application/pdf"})

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            processing.check_pdf(value)
            return CheckedPDFFile(value)
        return value


class ImageForm(forms.ModelForm):
    file = CheckedImageField(label=Image._meta.get_field("file").verbose_name)

    class Meta:
        model = Image
        fields = ["file", "caption", "alt_text", "credit", "source"]


class DocumentForm(forms.ModelForm):
    file = CheckedPDFField(label=Document._meta.get_field("file").verbose_name)

    class Meta:
        model = Document
        fields = ["file", "title", "description", "credit", "source", "event", "article", "position"]

    def clean(self):
        cleaned = super().clean()
        # Inlines set the parent themselves; the stand-alone form must name one.
        if "event" in self.fields and "article" in self.fields and not (cleaned.get("event") or cleaned.get("article")):
            raise forms.ValidationError(
                _("Attach the document to an event or an article (or both)."), code="unattached"
            )
        return cleaned
