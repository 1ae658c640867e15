"""Writing one document's draft article, citations, mentions and suggestions, each document in its own transaction."""

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Substr
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from archive.models import AnniversaryMention, Article, FigureKind, SourceCitation, SourceRevision
from events.models import Occasion
from importing.models import ImportSuggestion
from importing.slugs import imported_article_slugs
from publishing.models import Status

from .anniversaries import find_mentions, occasion_stems
from .citations import LOST_OUTLET, find_citations
from .dating import both_languages, decide_date
from .decoding import decode_document
from .figures import find_figures
from .identity import OPENING_CHARS, is_same_page
from .limits import (
    MAX_CITATIONS,
    MAX_DOCUMENT_BYTES,
    MAX_FIGURE_SUGGESTIONS,
    MAX_MENTIONS,
    MAX_NAME_SUGGESTIONS,
    DocumentError,
    keep_first,
)
from .names import Gazetteer, find_unknown_people
from .passages import sentence_around
from .reading import parse_document


@dataclass
class ImportResult:
    """What happened to one file: imported, revised, unchanged or failed, and why."""

    name: str
    status: str
    article: object = None
    message: str = ""
    warnings: list = field(default_factory=list)
    created: dict = field(default_factory=dict)
    removed: list = field(default_factory=list)  # the page furniture taken out, line by line

    IMPORTED = "imported"
    REVISED = "revised"
    UNCHANGED = "unchanged"
    FAILED = "failed"


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")


class DocumentImporter:
    """Imports documents one at a time, each in its own transaction; the known names are read once per run."""

    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.gazetteer = Gazetteer()
        self.occasions = list(Occasion.objects.all())
        self.figure_kinds = {kind.slug: kind for kind in FigureKind.objects.all()}
        self.outlet_names = [name for name, _ in self.gazetteer.outlets]

    def import_path(self, path):
        path = Path(path)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_DOCUMENT_BYTES + 1)
        except OSError as error:
            return ImportResult(str(path), ImportResult.FAILED, message=_("cannot read: %s") % error.strerror)
        return self.import_bytes(raw, path.name, display_name=str(path))

    def import_bytes(self, raw, filename, display_name=None):
        name = display_name or filename
        try:
            text = decode_document(raw)
            sha256 = hashlib.sha256(raw).hexdigest()
            doc = parse_document(text, filename, sha256, self.outlet_names)
            with transaction.atomic():
                result = self._write(doc, name)
                if self.dry_run:
                    transaction.set_rollback(True)
            return result
        except DocumentError as error:
            return ImportResult(name, ImportResult.FAILED, message=str(error))
        except ValidationError as error:
            fields = "; ".join(f"{key}: {' '.join(map(str, value))}" for key, value in error.message_dict.items())
            return ImportResult(name, ImportResult.FAILED, message=_("the article would be invalid: %s") % fields)
        except Exception as error:
            # One broken file must not stop the others; its transaction has been undone.
            return ImportResult(
                name,
                ImportResult.FAILED,
                message=_("unexpected error, nothing of this file was kept: %(error)s")
                % {"error": f"{type(error).__name__}: {error}"},
            )

    def _write(self, doc, name):
        # One query for both identities: the same bytes (checksum) or the same document (file name); only the
        # opening of each text is read, which is all that telling pages apart needs.
        known = list(
            Article.objects.filter(Q(source_sha256=doc.sha256) | Q(source_filename=doc.filename))
            .only("pk", "slug", "source_sha256", "source_filename", "original_title")
            .annotate(opening=Substr("original_text", 1, OPENING_CHARS))
            .order_by("pk")
        )
        same = next((a for a in known if a.source_sha256 == doc.sha256), None)
        revision = SourceRevision.objects.filter(source_sha256=doc.sha256).select_related("article").first()
        if same or revision:
            article = same or revision.article
            return ImportResult(name, ImportResult.UNCHANGED, article, _("already imported as “%s”") % article.slug)
        opening = f"{doc.original_title}\n\n{doc.original_text[:OPENING_CHARS]}"
        previous = next(
            (a for a in known if is_same_page(opening, f"{a.original_title}\n\n{a.opening}")),
            None,
        )
        if previous:
            SourceRevision.objects.create(
                article=previous,
                source_filename=doc.filename,
                source_sha256=doc.sha256,
                original_title=doc.original_title,
                original_text=doc.original_text,
            )
            return ImportResult(
                name,
                ImportResult.REVISED,
                previous,
                _("the text has changed since it was imported as “%(slug)s”; kept as a revision for an editor")
                % {"slug": previous.slug},
                created={"revisions": 1},
            )
        result = self._create_article(doc, name)
        if known:
            result.warnings.insert(
                0,
                _(
                    "another document was imported under the same name “%(name)s”; this text is a different page, "
                    "so it becomes an article of its own"
                )
                % {"name": doc.filename},
            )
        return result

    def _create_article(self, doc, name):
        lang = doc.language
        found = find_mentions(doc, self.occasions)
        mentions = found.items
        dating = decide_date(doc, mentions)
        date, warnings = dating.date, dating.warnings  # the report adds its own warnings to the decision's
        if found.more:
            warnings.append(
                _("%(file)s: only the first %(limit)s anniversary mentions are kept; the rest were left out")
                % {"file": name, "limit": MAX_MENTIONS}
            )
        sources = find_citations(doc, self.gazetteer)
        citations = sources.citations
        if sources.more:
            warnings.append(
                _("%(file)s: only the first %(limit)s citations are kept; the rest were left out")
                % {"file": name, "limit": MAX_CITATIONS}
            )
        outlet, outlet_notes = self._outlet(doc, sources.outlet_name, sources.how, warnings)

        title, supplied = doc.original_title, False
        if not title:
            title, supplied = self._supplied_title(doc.lead[len(doc.dateline) :].lstrip(" .,—–-")), True
            warnings.append(_("no headline: the title is the opening sentence, for an editor to rewrite"))
        article = Article(
            slug=self._slug(outlet, date, title, doc.sha256),
            title_supplied=supplied,
            status=Status.DRAFT,
            original_language=lang,
            original_title=doc.original_title,
            original_text=doc.original_text,
            source_filename=doc.filename,
            source_sha256=doc.sha256,
            section=doc.section,
            outlet=outlet,
            dateline=doc.dateline,
            published_on=date,
            published_time=dating.time,
            published_on_precision=dating.precision,
            published_on_basis=dating.basis,
        )
        setattr(article, f"title_{lang}", title)
        setattr(article, f"lead_{lang}", doc.lead)
        setattr(article, f"body_{lang}", doc.body)
        for code in ("en", "ru"):
            setattr(article, f"published_on_note_{code}", dating.notes[code])
            setattr(article, f"outlet_note_{code}", outlet_notes[code])
        # The other language's title, lead and body stay empty until a translator writes them.
        # The slug was just checked to be free, so the unique checks' queries are not repeated.
        article.full_clean(
            exclude=[f"{f}{code}" for f in ("title", "lead", "body") for code in ("", "_en", "_ru")],
            validate_unique=False,
        )
        article.save()

        created = {"articles": 1}
        rows = []
        for position, citation in enumerate(citations, start=1):
            descriptions = self._citation_descriptions(citation, outlet)
            rows.append(
                SourceCitation(
                    article=article,
                    position=position,
                    relation=citation.relation,
                    organization=citation.organization,
                    passage=citation.passage,
                    description_en=descriptions["en"],
                    description_ru=descriptions["ru"],
                )
            )
        SourceCitation.objects.bulk_create(rows)
        created["citations"] = len(citations)
        AnniversaryMention.objects.bulk_create(
            AnniversaryMention(
                article=article, position=i, occasion=m.occasion, kind=m.kind, number=m.number, passage=m.passage
            )
            for i, m in enumerate(mentions, start=1)
        )
        created["anniversary mentions"] = len(mentions)
        suggestions = self._suggestions(article, doc, name, warnings)
        ImportSuggestion.objects.bulk_create(suggestions)
        created["suggestions"] = len(suggestions)
        return ImportResult(name, ImportResult.IMPORTED, article, "", warnings, created, doc.removed)

    def _outlet(self, doc, named, how, warnings):
        if doc.trailing_outlet:
            record = self.gazetteer.outlet_named(doc.trailing_outlet)
            return record, both_languages(
                gettext_noop("The page ends with the outlet's name, “%(name)s”."), name=doc.trailing_outlet
            )
        if named:
            record = self.gazetteer.outlet_named(named)
            if record:
                return record, both_languages(gettext_noop("The text says “%(passage)s”."), passage=how)
            warnings.append(_("the text names the outlet “%s”, which is not yet a record in the archive") % named)
            return None, both_languages(
                gettext_noop(
                    "The text names the outlet “%(name)s” (“%(passage)s”), which is not yet a record in the archive."
                ),
                name=named,
                passage=how,
            )
        lost = LOST_OUTLET.search(doc.lead)
        warnings.append(_("the page does not name its outlet"))
        if lost:
            return None, both_languages(
                gettext_noop(
                    "The saved page does not name the outlet: the text says “…%(end)s” with the name missing, probably "
                    "a link lost when the page was copied."
                ),
                end=lost.group(),
            )
        return None, both_languages(gettext_noop("The saved page does not name the outlet."))

    def _citation_descriptions(self, citation, outlet):
        descriptions = {}
        for code in ("en", "ru"):
            with translation.override(code):
                source = citation.organization and getattr(citation.organization, f"name_{code}")
                source = source or citation.organization_name or citation.passage
                outlet_name = getattr(outlet, f"name_{code}", "") if outlet else _("the outlet")
                templates = {
                    "cites_agency": _("%(outlet)s, citing %(source)s"),
                    "told_by": _("%(source)s, speaking to %(outlet)s"),
                    "bureau": _("A bureau of %(source)s"),
                    "attributes": _("Attributed in the text: “%(passage)s”"),
                }
                descriptions[code] = templates[citation.relation] % {
                    "outlet": outlet_name,
                    "source": source,
                    "passage": citation.passage,
                }
        return descriptions

    def _suggestions(self, article, doc, name, warnings):
        text = doc.original_title + "\n\n" + doc.original_text
        names = keep_first(self._names(article, text), MAX_NAME_SUGGESTIONS)
        if names.more:
            warnings.append(
                _("%(file)s: only the first %(limit)s names are suggested; the rest were left out")
                % {"file": name, "limit": MAX_NAME_SUGGESTIONS}
            )
        figures = keep_first(find_figures(doc.original_text), MAX_FIGURE_SUGGESTIONS)
        if figures.more:
            warnings.append(
                _("%(file)s: only the first %(limit)s figures are suggested; the rest were left out")
                % {"file": name, "limit": MAX_FIGURE_SUGGESTIONS}
            )
        suggestions = list(names.items)
        for figure in figures.items:
            suggestions.append(
                ImportSuggestion(
                    article=article,
                    kind=ImportSuggestion.Kind.FIGURE,
                    text=figure.text[:300],
                    passage=figure.passage,
                    value=figure.value,
                    approximate=figure.approximate,
                    figure_kind=self.figure_kinds.get(figure.kind_slug),
                )
            )
        for position, suggestion in enumerate(suggestions, start=1):
            suggestion.position = position
        return suggestions

    def _names(self, article, text):
        """Suggestions for the known records the text names, then for the people it names that have no record.

        A known person, or an organization that is neither the outlet, a source the report cites nor a news outlet
        or agency (the chain a report comes through, however it is worded), is suggested as named in the report:
        a new article reports no event yet, so nobody in it takes part in one.
        """
        reporting = {article.outlet_id, *(c.organization_id for c in article.citations.all())}
        reporting.update(record.pk for _name, record in self.gazetteer.outlets)
        seen, spans = set(), []
        for entry, written, start in self.gazetteer.find(text):
            spans.append((start, start + len(written)))
            key = (entry.kind, entry.record.pk)
            if key in seen:
                continue
            seen.add(key)
            kind = entry.kind
            if kind == ImportSuggestion.Kind.PERSON or (
                kind == ImportSuggestion.Kind.ORGANIZATION and entry.record.pk not in reporting
            ):
                kind = ImportSuggestion.Kind.NAMED_IN
            yield ImportSuggestion(
                article=article,
                kind=kind,
                text=written[:300],
                passage=sentence_around(text, start, start + len(written)),
                **{entry.kind: entry.record},
            )
        occasion_words = [stem for occasion in self.occasions for stem in occasion_stems(occasion)]
        for written, start in find_unknown_people(text, spans, occasion_words):
            yield ImportSuggestion(
                article=article,
                kind=ImportSuggestion.Kind.PERSON,
                text=written,
                passage=sentence_around(text, start, start + len(written)),
            )

    @staticmethod
    def _supplied_title(lead):
        sentence = SENTENCE_BREAK.split(lead[:1000], maxsplit=1)[0]
        if len(sentence) > 200:
            sentence = sentence[:200].rsplit(" ", 1)[0] + "…"
        return sentence

    @staticmethod
    def _slug(outlet, date, title, sha256):
        candidates = imported_article_slugs(outlet, date, title, sha256)
        for slug in candidates:
            if not Article.objects.filter(slug=slug).exists():
                return slug
        raise DocumentError(_("no free slug for “%s”; rename the existing article") % candidates[0])


def iter_document_paths(paths):
    """Files named directly, and the files inside folders (recursively, sorted, hidden ones skipped).

    Missing paths are yielded as they are, so that the importer reports them.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path
