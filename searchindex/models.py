"""The index rows: one per searchable text of a record, and the words typo suggestions are drawn from.

A record (article, event, person, venue, organization) has one entry for its own fields and, where its page also
shows rows taken from articles (an event's programme, participants and figures; a person's titles at the time),
one entry per article those rows come from. Such an entry names that `article` (and, on a person's, the `event`),
so a search shows it only while they are published, as the record's page does; the record itself must be public
too (`matching.public_q`).
Entries are derived data: `indexing.rebuild()` makes them again from the records at any time.
"""

from django.db import models


class Entry(models.Model):
    """The words (lemmas) and name keys of one searchable text, with what the result facets need."""

    kind = models.CharField(max_length=20)
    object_id = models.PositiveIntegerField()
    article_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The article the text comes from, for rows an article reported."
    )
    event_id = models.PositiveIntegerField(
        null=True, blank=True, help_text="The event the rows belong to, where it is not the record itself."
    )
    part = models.CharField(max_length=30, blank=True, help_text="Empty for the record's own fields.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    original_language = models.CharField(max_length=2, blank=True)
    sort_date = models.DateField(null=True, blank=True)
    # " lemma lemma 0key … ": each token between single spaces; name keys start with KEY_MARK (matching.py).
    names = models.TextField(blank=True, help_text="Tokens of the record's name or title.")
    terms = models.TextField(help_text="Tokens of every field of this text, names included.")
    # For entries of rows an article reported: the texts a snippet is cut from (the record's own are on it).
    text_en = models.TextField(blank=True)
    text_ru = models.TextField(blank=True)
    text_original = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "object_id"], name="searchindex_entry_object"),
            models.Index(fields=["kind", "-sort_date"], name="searchindex_entry_newest"),
        ]
        verbose_name_plural = "entries"

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.part}".strip()


class Word(models.Model):
    """A word as the archive writes it (lower case), for "Did you mean …?" by trigram similarity."""

    word = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.word


class IndexState(models.Model):
    """Which version of the index's rules built the rows; `migrate` rebuilds the index when the rules change."""

    version = models.PositiveIntegerField()

    def __str__(self):
        return f"search index, rules version {self.version}"
