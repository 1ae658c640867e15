"""The chain of sources a text cites ("News.Az reports citing Azertac"), and the outlet it names."""

import re
from dataclasses import dataclass

from archive.models import SourceCitation


@dataclass
class Citation:
    relation: str
    passage: str
    organization_name: str = ""
    organization: object = None


OUTLET_NAME = r"(?P<outlet>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-Z][\w-]*)?)"
CITATION_PATTERNS = [
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"{OUTLET_NAME} reports,? citing (?:the )?(?P<org>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-Z][\w-]*)*)"
        ),
    ),
    (
        SourceCitation.Relation.CITES_AGENCY,
        re.compile(
            rf"сообщает {OUTLET_NAME} со ссылкой на (?P<org>[A-ZА-ЯЁ][\w-]*(?:\.[A-Za-z]+)?(?: [A-ZА-ЯЁ][\w-]*)*)"
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


def find_citations(doc, gazetteer):
    """The chain of sources the text cites, each with its verbatim passage, and the outlet it names."""
    citations, outlet_name, how = [], "", ""
    text = doc.original_text
    for relation, pattern in CITATION_PATTERNS:
        for m in pattern.finditer(text):
            org = m.groupdict().get("org") or ""
            if relation == SourceCitation.Relation.BUREAU:
                org = m.group("outlet")
            passage = m.group().strip()
            citations.append((m.start(), Citation(relation, passage, org)))
            outlet_name = outlet_name or m.group("outlet")
            how = how or passage
    for m in ATTRIBUTION.finditer(text):
        if not ANAPHORIC.match(m.group("who").strip()):
            citations.append((m.start(), Citation(SourceCitation.Relation.ATTRIBUTES, m.group("passage"), "")))
    citations = [c for _, c in sorted(citations, key=lambda pair: pair[0])]
    for citation in citations:
        if citation.organization_name:
            matches = [e for e, _, _ in gazetteer.find(citation.organization_name) if e.kind == "organization"]
            citation.organization = matches[-1].record if matches else None
    return citations, outlet_name, how
