"""What one document may be, and what it may produce; a document over a limit is refused or cut, and says so."""

#: Largest document accepted, in bytes. A news page is a few kilobytes; anything this big is not one.
MAX_DOCUMENT_BYTES = 1_000_000


class DocumentError(Exception):
    """A document that cannot be imported; the message says why and what to do."""
