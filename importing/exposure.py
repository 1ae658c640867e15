"""What a change to an import suggestion alters (the rule of publishing/exposure.py, for this app's models).

A suggestion is a row of the article it was found in: accepting it writes to the article, and a figure it adds
also appears on the published events the article reports. Import jobs are the importer's own bookkeeping.
"""

from events.exposure import events_reporting
from publishing import exposure

from .models import ImportSuggestion


def register():
    exposure.row_of(ImportSuggestion, "article")
    exposure.shown_by(ImportSuggestion, lambda suggestion: events_reporting(suggestion.article))
