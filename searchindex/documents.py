"""What is searchable of each kind of record: its own fields, and the rows its page shows from articles.

`documents(kind, records)` gives, for each record, one `Document` for its own fields and one for each article
whose rows its page shows (an event's programme, participants, organizers and figures; a person's titles at the
time; the reports naming a person or an organization), so that a search finds such text only while that article
is published (`models.Entry`). `prefetch(kind)` is the queryset that reads everything a kind's documents need
in a constant number of queries per batch.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from archive.models import Article, ReportedFigure
from events.models import Event, EventOrganizer, Organization, Participation, Person, ProgrammeItem, Venue

LANGUAGES = ("en", "ru")
KINDS = ("article", "event", "person", "venue", "organization")


@dataclass
class Document:
    """One searchable text of a record: its names (titles), its other text, and where it comes from."""

    kind: str
    object_id: int
    article_id: int = None
    event_id: int = None
    part: str = ""
    names: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    year: int = None
    original_language: str = ""
    sort_date: object = None
    # For rows taken from an article: the texts a result's snippet is cut from.
    text_en: list = field(default_factory=list)
    text_ru: list = field(default_factory=list)
    text_original: list = field(default_factory=list)

    def add(self, obj, name, names=False):
        """Add a translated field in both languages (to the snippet texts too, for an article's rows)."""
        for code in LANGUAGES:
            value = getattr(obj, f"{name}_{code}", "") or ""
            (self.names if names else self.texts).append(value)
            if self.article_id is not None:
                (self.text_en if code == "en" else self.text_ru).append(value)

    def add_verbatim(self, text, names=False):
        (self.names if names else self.texts).append(text or "")
        if self.article_id is not None:
            self.text_original.append(text or "")


def model(kind):
    return {"article": Article, "event": Event, "person": Person, "venue": Venue, "organization": Organization}[kind]


def prefetch(kind):
    """Every record of a kind with what its documents read, in a constant number of queries per batch."""
    if kind == "article":
        return Article.objects.select_related("outlet").order_by("pk")
    if kind == "event":
        return (
            Event.objects.select_related("venue", "occasion")
            .prefetch_related(
                Prefetch("programme", ProgrammeItem.objects.select_related("provided_by")),
                Prefetch("participations", Participation.objects.select_related("person", "organization")),
                Prefetch("organizers", EventOrganizer.objects.select_related("organization")),
                Prefetch("stated_figures", ReportedFigure.objects.select_related("kind", "stated_by")),
                "reports",
            )
            .order_by("pk")
        )
    if kind == "person":
        return Person.objects.prefetch_related(
            Prefetch("participations", Participation.objects.select_related("organization")), "mentions"
        ).order_by("pk")
    if kind == "venue":
        return Venue.objects.select_related("organization").order_by("pk")
    return Organization.objects.prefetch_related("mentions").order_by("pk")


def documents(kind, record):
    """The documents of one record (read through `prefetch(kind)`)."""
    return {
        "article": _article,
        "event": _event,
        "person": _person,
        "venue": _venue,
        "organization": _organization,
    }[kind](record)


def _article(article):
    own = Document(
        "article",
        article.pk,
        year=article.published_on.year if article.published_on else None,
        original_language=article.original_language,
        sort_date=article.published_on,
    )
    own.add(article, "title", names=True)
    own.add_verbatim(article.original_title, names=True)
    own.add(article, "lead")
    own.add(article, "body")
    own.add_verbatim(article.original_text)
    own.texts += [article.section, article.dateline]
    if article.outlet_id:
        own.add(article.outlet, "name", names=True)
    return [own]


def _event(event):
    own = Document("event", event.pk, year=event.held_on.year, sort_date=event.held_on)
    own.add(event, "title", names=True)
    own.add(event, "description")
    own.add(event, "audience")
    for name in ("name", "city", "region", "country"):
        own.add(event.venue, name, names=True)
    own.add(event.occasion, "name")
    by_article = defaultdict(lambda: None)

    def part(article_id):
        if by_article[article_id] is None:
            by_article[article_id] = Document(
                "event", event.pk, article_id=article_id, part="reported", year=own.year, sort_date=own.sort_date
            )
        return by_article[article_id]

    for report in event.reports.all():
        part(report.article_id).add_verbatim(report.passage)
    for item in event.programme.all():
        text = part(item.article_id)
        text.add(item, "description")
        text.texts.append(item.get_kind_display())
        if item.provided_by_id:
            text.add(item.provided_by, "name", names=True)
        text.add_verbatim(item.passage)
    for participation in event.participations.all():
        text = part(participation.article_id)
        text.add(participation.person, "name", names=True)
        text.add(participation, "title")
        text.add(participation, "summary")
        if participation.organization_id:
            text.add(participation.organization, "name", names=True)
        text.add_verbatim(participation.passage)
    for organizer in event.organizers.all():
        text = part(organizer.article_id)
        text.add(organizer.organization, "name", names=True)
        text.add_verbatim(organizer.passage)
    for figure in event.stated_figures.all():
        text = part(figure.article_id)
        text.add(figure.kind, "name")
        text.texts.append(str(figure.value))
        if figure.stated_by_id:
            text.add(figure.stated_by, "name", names=True)
        text.add_verbatim(figure.passage)
    return [own, *by_article.values()]


def _directory(kind, record, *names):
    own = Document(kind, record.pk)
    for name in names:
        own.add(record, name, names=True)
    for name in ("name_variants", "other_spellings"):
        if hasattr(record, name):
            own.add_verbatim(getattr(record, name), names=True)
    own.add(record, "description")
    return own


def _person(person):
    own = _directory("person", person, "name")
    by_source = {}
    for participation in person.participations.all():
        source = (participation.article_id, participation.event_id)
        text = by_source.get(source)
        if text is None:
            text = by_source[source] = Document(
                "person", person.pk, article_id=source[0], event_id=source[1], part="titles"
            )
        text.add(participation, "title")
        if participation.organization_id:
            text.add(participation.organization, "name", names=True)
    return [own, *by_source.values(), *_named_in("person", person)]


def _named_in(kind, record):
    """A report naming the record (not as taking part): the title it gives then and its passage, per article."""
    by_article = {}
    for mention in record.mentions.all():
        text = by_article.get(mention.article_id)
        if text is None:
            text = by_article[mention.article_id] = Document(
                kind, record.pk, article_id=mention.article_id, part="named in"
            )
        text.add(mention, "title")
        text.add_verbatim(mention.passage)
    return list(by_article.values())


def _venue(venue):
    own = _directory("venue", venue, "name", "city", "region", "country")
    if venue.organization_id:
        own.add(venue.organization, "name", names=True)
    return [own]


def _organization(organization):
    return [_directory("organization", organization, "name"), *_named_in("organization", organization)]
