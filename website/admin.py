"""The admin site's own header and titles: the archive's name in the editor's language, not "Django administration"."""

from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

admin.site.site_header = format_lazy("{} · {}", _("Commemoration Archive"), _("administration"))
admin.site.site_title = _("Commemoration Archive")
admin.site.index_title = _("Content, workflow and people")
