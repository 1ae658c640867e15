"""Turn a news page saved as text into a draft article: decoding, page furniture, dates, sources and suggestions.

Reading a document (`decode_document`, `parse_document`) touches no database; `DocumentImporter` writes one
document at a time inside its own transaction, so a file is imported whole or not at all. Every step reads the text
in a bounded number of passes, and `limits` caps what one document may produce.
"""

from .decoding import decode_document
from .limits import MAX_DOCUMENT_BYTES, DocumentError
from .names import Gazetteer, name_key
from .printed_dates import match_date_line
from .reading import ParsedDocument, parse_document
from .writing import DocumentImporter, ImportResult, iter_document_paths

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "DocumentError",
    "DocumentImporter",
    "Gazetteer",
    "ImportResult",
    "ParsedDocument",
    "decode_document",
    "iter_document_paths",
    "match_date_line",
    "name_key",
    "parse_document",
]
