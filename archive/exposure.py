"""What changes to the evidence alter on the site (the rule of publishing/exposure.py, for this app's models).

An article shows itself; its citations, anniversary mentions, figures and stored originals are its rows. The
kinds of figure are reference data. (The events that report an article add their own pages: events/exposure.py.)
"""

from publishing import exposure

from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation, SourceRevision


def register():
    exposure.shown_by(Article, exposure.published)
    for row in (SourceCitation, AnniversaryMention, ReportedFigure, SourceRevision):
        exposure.row_of(row, "article")
    exposure.reference_data(FigureKind)
