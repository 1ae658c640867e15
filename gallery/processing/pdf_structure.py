"""What a PDF holds, read from its structure with pypdf: whether it parses, is encrypted, holds active content.

Looking for `%PDF-` and `%%EOF` accepts a web page that carries those markers; here the cross-reference
table, the catalogue and the page tree must parse, and every object reachable from the trailer is looked at
for what a reader runs or opens: JavaScript (in the document's names tree, in /OpenAction, in any /AA
trigger, in form fields), actions that start programs, send form data or open other files, embedded files,
XFA forms and embedded media. Only dictionaries are read: no page content or image stream is decoded.
Nothing here touches the database or storage.
"""

from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# More objects than this are not walked: 100,000 tiny ones (8 MB) take about 4 s to read, while real
# documents (a scanned letter, a 1,000-page report) have a few thousand.
MAX_OBJECTS = 50_000

# What each kind of active content is called in `PdfStructure.active` (pdf.py words it for people).
JAVASCRIPT = "javascript"
LAUNCH = "launch"
SENDS_DATA = "sends_data"
OPENS_FILES = "opens_files"
EMBEDDED_FILES = "embedded_files"
XFA = "xfa"
MEDIA = "media"

_ACTIONS = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": LAUNCH,
    "/SubmitForm": SENDS_DATA,
    "/ImportData": SENDS_DATA,
    "/GoToR": OPENS_FILES,
    "/GoToE": EMBEDDED_FILES,
    "/Rendition": MEDIA,
    "/RichMediaExecute": MEDIA,
    "/Movie": MEDIA,
    "/Sound": MEDIA,
}
_KEYS = {
    "/JS": JAVASCRIPT,
    "/JavaScript": JAVASCRIPT,
    "/EmbeddedFiles": EMBEDDED_FILES,
    "/EF": EMBEDDED_FILES,
    "/XFA": XFA,
}
_SUBTYPES = {"/FileAttachment": EMBEDDED_FILES, "/RichMedia": MEDIA, "/Movie": MEDIA, "/Sound": MEDIA}


@dataclass(frozen=True)
class PdfStructure:
    """The outcome of reading a PDF: `readable` False means it is damaged or not a PDF at all."""

    readable: bool
    encrypted: bool = False
    too_many_objects: bool = False
    active: tuple = ()


class _TooManyObjects(Exception):
    pass


def read_structure(stream):
    """Read the PDF in a seekable binary `stream` and say what it holds."""
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            # Strings and object streams are encrypted: nothing can be checked without the key.
            return PdfStructure(readable=True, encrypted=True)
        root = _value(reader.trailer, "/Root")
        if not isinstance(root, DictionaryObject) or len(reader.pages) < 1:
            return PdfStructure(readable=False)
        active = _active_content(reader.trailer)
    except (_TooManyObjects, LimitReachedError):  # pypdf's own limits on object and array sizes
        return PdfStructure(readable=True, too_many_objects=True)
    except Exception:
        # Malformed input can make the parser fail in any way (its own errors, KeyError, ValueError,
        # RecursionError…); whichever it is, the file cannot be read as a PDF and is refused.
        return PdfStructure(readable=False)
    return PdfStructure(readable=True, active=active)


def _active_content(trailer):
    """The kinds of active content in every object reachable from the trailer, in a fixed order."""
    found = set()
    seen = set()
    pending = [trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_OBJECTS:
                raise _TooManyObjects
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found.update(_kinds_in(item))
            # The raw values keep their indirect references, so every object is visited once.
            pending.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            pending.extend(list.__iter__(item))
    order = (JAVASCRIPT, LAUNCH, SENDS_DATA, OPENS_FILES, EMBEDDED_FILES, XFA, MEDIA)
    return tuple(kind for kind in order if kind in found)


def _kinds_in(dictionary):
    kinds = {_KEYS[key] for key in dictionary if key in _KEYS}
    action, subtype, kind = (_value(dictionary, key) for key in ("/S", "/Subtype", "/Type"))
    if isinstance(action, NameObject) and action in _ACTIONS:
        kinds.add(_ACTIONS[action])
    if isinstance(subtype, NameObject) and subtype in _SUBTYPES:
        kinds.add(_SUBTYPES[subtype])
    if kind == "/EmbeddedFile":
        kinds.add(EMBEDDED_FILES)
    return kinds


def _value(dictionary, key):
    """The value under `key`, followed if it is a reference (pypdf's `get` does not follow it)."""
    value = dictionary.get(key)
    return value.get_object() if isinstance(value, IndirectObject) else value
