"""Addresses with control characters are refused with a 400 naming the parameter, before any view reads them.

No page, filter or search of this site has a use for a control character, and PostgreSQL refuses a NUL
in any text it is given, so a NUL in a filter once reached the database as a 500. Checking here, once for
every request, covers every parameter of every page, the ones no form validates (`page`, `q`, `p`) and
those a page adds later, and the path too; a check in a form-field base class would miss what is read
without a form. Tab, line feed and carriage return are let through: they are whitespace a pasted search
may carry, and harmless to both databases.
"""

import re

from django.core.exceptions import BadRequest
from django.utils.translation import gettext

# Unicode category Cc (C0, DEL and C1) less tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NAME_SHOWN_LENGTH = 60


class ControlCharacterInRequest(BadRequest):
    """A request whose path or query string holds a control character; `parameter` is None for the path."""

    def __init__(self, parameter=None):
        self.parameter = parameter
        where = "the path" if parameter is None else f"the parameter {parameter!r}"
        super().__init__(f"A control character in {where}.")

    def visitor_message(self):
        """What the 400 page says, in the active language, naming the parameter (its control characters shown)."""
        if self.parameter is None:
            return gettext(
                "This address contains a control character, which no page of the archive uses. "
                "Check the address and try again."
            )
        name = CONTROL_CHARACTER.sub(lambda found: f"\\x{ord(found[0]):02x}", self.parameter)
        if len(name) > NAME_SHOWN_LENGTH:
            name = name[:NAME_SHOWN_LENGTH] + "…"
        return gettext(
            "The parameter “%(name)s” in this address contains a control character, which no page of the "
            "archive uses. Remove it and try again."
        ) % {"name": name}


class RefuseControlCharactersMiddleware:
    """Raise ControlCharacterInRequest (a 400, rendered by handler400) for a control character in the address.

    Placed before the page cache, so such a request costs no cache lookup; the 400 page takes its language
    from the address itself (website.views.bad_request), so it needs no middleware after this one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTER.search(request.path_info):
            raise ControlCharacterInRequest()
        for name, values in request.GET.lists():
            if CONTROL_CHARACTER.search(name) or any(CONTROL_CHARACTER.search(value) for value in values):
                raise ControlCharacterInRequest(name)
        return self.get_response(request)
