"""What a reuser of the archive's data is told: under which terms, and how to cite it.

The archive's own work (the structured records, the titles, summaries, descriptions and translations it wrote)
is the archive's to licence. The reports it keeps as evidence are not: the verbatim originals and every quoted
passage remain the works of their outlets, quoted to document what was reported, and no licence of the archive
can extend to them. Every download and the API documentation say both, in these words.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

LICENCE_STATEMENT = _(
    "The archive's own data and texts (its records, titles, summaries, descriptions and translations) are "
    "published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). The original texts "
    "of the reports and the passages quoted from them (the fields original_title, original_text and passage) are "
    "not covered by that licence: they remain the works of their outlets, quoted as evidence of what was "
    "reported, and any reuse beyond quotation needs the rights holders' permission."
)


def citation(site_url, retrieved=None):
    """The line to cite the data with: the archive, its address, and the day the data was retrieved."""
    retrieved = retrieved or timezone.now().date()
    return _("Commemoration Archive, open data, %(url)s (retrieved %(date)s).") % {
        "url": site_url,
        "date": retrieved.isoformat(),
    }
