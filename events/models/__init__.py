"""Commemorations, the occasion they mark, and the venues, people and organizations taking part.

One module per part of the concept: the directory (who and where), the events, who the reports name without
taking part (`Mention`), and the rows each event is made of. They are imported here in that order, which is the
order of the models (and so of the export).
"""

from .directory import (
    DirectoryQuerySet,
    DirectoryRecord,
    LocationPrecision,
    LocationSource,
    Occasion,
    Organization,
    OrganizationQuerySet,
    Person,
    PersonQuerySet,
    Venue,
    VenueQuerySet,
)
from .events import Event
from .mentions import Mention, MentionQuerySet
from .parts import (
    EventOrganizer,
    EventPart,
    EventPartQuerySet,
    EventReport,
    EventReportQuerySet,
    Participation,
    ProgrammeItem,
)

__all__ = [
    "DirectoryQuerySet",
    "DirectoryRecord",
    "Event",
    "EventOrganizer",
    "EventPart",
    "EventPartQuerySet",
    "EventReport",
    "EventReportQuerySet",
    "LocationPrecision",
    "LocationSource",
    "Mention",
    "MentionQuerySet",
    "Occasion",
    "Organization",
    "OrganizationQuerySet",
    "Participation",
    "Person",
    "PersonQuerySet",
    "ProgrammeItem",
    "Venue",
    "VenueQuerySet",
]
