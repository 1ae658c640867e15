"""Deciding the importer's suggestions: confirming adds figures, and who the report names, to the article, as
editing the article would.

Each article's suggestions are decided in one transaction with the article locked: whoever may not change
the article (publishing/workflow.py: `editing_rights`, and the published-content rule) is refused and nothing
changes; otherwise the article gets a revision with its rows (user and comment) and, when it is published,
a workflow-log entry, exactly as a save of the article's own form.
"""

from dataclasses import dataclass, field
from itertools import groupby

import reversion
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from archive.models import Article, ReportedFigure
from events.models import EventOrganizer, Mention, Participation, ProgrammeItem
from publishing import exposure, workflow

from .models import ImportSuggestion


@dataclass
class Decisions:
    """What deciding a selection of suggestions did: counts, and one sentence per article that was refused."""

    decided: int = 0
    skipped: int = 0
    # "Named in" suggestions left pending: the record takes part in an event of the report, or none is chosen.
    names_skipped: int = 0
    refused: list = field(default_factory=list)


def may_decide(user, suggestion):
    """Whether `user` may confirm, reject or change this suggestion: only as far as they may change its article."""
    return workflow.editing_rights(user, suggestion) == workflow.FULL


def decide(suggestions, user, decision):
    """Confirm or reject the pending suggestions among `suggestions`, article by article.

    A confirmed figure whose kind and value are known becomes a reported figure of its article; one that
    lacks either is skipped (left pending). A confirmed "named in" becomes a mention of its person or
    organization with the passage, unless the record takes part in an event the article reports (that is a
    participation, not a mention) or none is chosen: then it is left pending. Rejecting changes only the suggestion.
    """
    result = Decisions()
    pending = suggestions.filter(decision=ImportSuggestion.Decision.PENDING).order_by("article_id", "position")
    rows = pending.select_related("figure_kind", "person", "organization")
    for article_id, group in groupby(rows, key=lambda s: s.article_id):
        _decide_for_article(article_id, [s.pk for s in group], user, decision, result)
    return result


def _decide_for_article(article_id, pks, user, decision, result):
    with transaction.atomic(), reversion.create_revision():
        article = Article.objects.select_for_update().get(pk=article_id)
        group = list(
            ImportSuggestion.objects.filter(pk__in=pks).select_related("figure_kind", "person", "organization")
        )
        for suggestion in group:
            suggestion.article = article  # the locked copy: its status is the one that counts
        if not all(may_decide(user, s) for s in group):
            result.refused.append(
                _("You may not decide the suggestions of “%(article)s” now; nothing was changed for it.")
                % {"article": article}
            )
            return
        shown = {(item._meta.label_lower, item.pk): item for s in group for item in exposure.published_items_showing(s)}
        done = []
        for suggestion in group:
            if decision == ImportSuggestion.Decision.CONFIRMED and suggestion.kind == ImportSuggestion.Kind.FIGURE:
                if suggestion.figure_kind is None or suggestion.value is None:
                    result.skipped += 1
                    continue
                _add_figure(article, suggestion)
            if decision == ImportSuggestion.Decision.CONFIRMED and suggestion.kind == ImportSuggestion.Kind.NAMED_IN:
                if suggestion.record is None or takes_part(suggestion.record, article):
                    result.names_skipped += 1
                    continue
                Mention.objects.create(
                    article=article,
                    person=suggestion.person,
                    organization=None if suggestion.person else suggestion.organization,
                    passage=suggestion.passage,
                )
            suggestion.decision = decision
            suggestion.save(update_fields=["decision"])
            done.append(suggestion)
        if not done:
            return
        result.decided += len(done)
        items = "; ".join(_describe(s) for s in done)
        if decision == ImportSuggestion.Decision.CONFIRMED:
            comment = _("Import suggestions confirmed: %(items)s.") % {"items": items}
        else:
            comment = _("Import suggestions rejected: %(items)s.") % {"items": items}
        reversion.add_to_revision(article)
        workflow.record_published_change(user, article, list(shown.values()), comment)


def takes_part(record, article):
    """Whether the person or organization takes part in an event `article` reports, as that article has it."""
    field = record._meta.model_name  # "person" or "organization"
    rows = [Participation.objects.filter(article=article, **{field: record})]
    if field == "organization":
        rows += [
            EventOrganizer.objects.filter(article=article, organization=record),
            ProgrammeItem.objects.filter(article=article, provided_by=record),
        ]
    return any(queryset.exists() for queryset in rows)


def _add_figure(article, suggestion):
    last = article.figures.aggregate(last=Max("position"))["last"] or 0
    ReportedFigure.objects.create(
        article=article,
        position=last + 1,
        kind=suggestion.figure_kind,
        value=suggestion.value,
        approximate=suggestion.approximate,
        passage=suggestion.passage,
    )


def _describe(suggestion):
    if suggestion.kind == ImportSuggestion.Kind.FIGURE and suggestion.value is not None:
        return f"{suggestion.get_kind_display()} {suggestion.value:,} ({suggestion.figure_kind or '—'})"
    return str(suggestion)
