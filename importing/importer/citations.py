"""The chain of sources a text cites ("News.Az reports citing Azertac"), and the outlet it names."""

import re
from dataclasses import dataclass

from archive.models import SourceCitation

from .limits import MAX_CITATIONS, keep_first


@dataclass
class CitedSources:
    """What a text says about its sources: the first citations, whether more were left out, the outlet it names."""

    citations: list
    more: bool
    outlet_name: str
    how: str  # the passage that names the outlet


@dataclass
class Citation:
    relation: str
    passage: str
    organization_name: str = ""
    organization: object = None


# A name starts a word and is bounded in length, so that a long run of letters is not re-read from each capital.
NAME_WORD = r"[\w-]{0,40}"
OUTLET_NAME = rf"(?<![\w-])(?P<outlet>[A-ZА-ЯЁ]{NAME_WORD}(?:\.[A-Za-z]{{1,10}})?(?: [A-Z]{NAME_WORD})?)"
CITATION_PATTERNS = [
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"{OUTLET_NAME} reports,? citing (?:the )?"
            rf"(?P<org>[A-ZА-ЯЁ]{NAME_WORD}(?:\.[A-Za-z]{{1,10}})?(?: [A-Z]{NAME_WORD}){{0,6}})"
        ),
    ),
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"сообщает {OUTLET_NAME} со ссылкой на "
            rf"(?P<org>[A-ZА-ЯЁ]{NAME_WORD}(?:\.[A-Za-z]{{1,10}})?(?: [A-ZА-ЯЁ]{NAME_WORD}){{0,6}})"
        ),
    ),
    (
        SourceCitation.Relation.TOLD_BY,
        re.compile(rf"(?:^|(?<=, ))(?P<org>(?:a|an|the) [^,.]{{3,150}}?) told {OUTLET_NAME}(?=[.,])"),
    ),
    (SourceCitation.Relation.BUREAU, re.compile(rf"Как (?:передает|передаёт|сообщает) (?:\w+ )?бюро {OUTLET_NAME}")),
    (SourceCitation.Relation.BUREAU, re.compile(rf"{OUTLET_NAME}'s (?:\w+ )?bureau reports")),
]
ATTRIBUTION = re.compile(
    r"(?:^|(?<=\. ))(?P<passage>(?:According to|По данным|По оценкам) (?P<who>[^,.]{3,80}))(?=,)", re.MULTILINE
)
ANAPHORIC = re.compile(r"^(?:the source|him|her|them|it|this|him|источника|него|нее|неё|них)$", re.IGNORECASE)
LOST_OUTLET = re.compile(r", (?:reports|сообщает)\.$")


def find_citations(doc, gazetteer, limit=MAX_CITATIONS):
    """The first sources the text cites, in order, each with its verbatim passage, and the outlet it names."""
    found, outlet_name, how = [], "", ""
    text = doc.original_text
    # The first `limit` citations in the text are among the first `limit` of each pattern: read no further.
    for relation, pattern in CITATION_PATTERNS:
        for m in keep_first(pattern.finditer(text), limit + 1).items:
            org = m.groupdict().get("org") or ""
            if relation == SourceCitation.Relation.BUREAU:
                org = m.group("outlet")
            passage = m.group().strip()
            found.append((m.start(), Citation(relation, passage, org)))
            outlet_name = outlet_name or m.group("outlet")
            how = how or passage
    attributions = (m for m in ATTRIBUTION.finditer(text) if not ANAPHORIC.match(m.group("who").strip()))
    for m in keep_first(attributions, limit + 1).items:
        found.append((m.start(), Citation(SourceCitation.Relation.ATTRIBUTES, m.group("passage"), "")))
    kept = keep_first((c for _, c in sorted(found, key=lambda pair: pair[0])), limit)
    for citation in kept.items:
        if citation.organization_name:
            matches = [e for e, _, _ in gazetteer.find(citation.organization_name) if e.kind == "organization"]
            citation.organization = matches[-1].record if matches else None
    return CitedSources(kept.items, kept.more, outlet_name, how)
