"""Which query parameters each public page reads, declared beside its view.

A class-based view names them in a `query_parameters` class attribute (a filter list: its filterset's
fields and `page`); a function view, or a view from Django itself, is wrapped in `reads_query_parameters`.
`query_parameters_of()` answers for whatever the URL resolver holds, through `cache_public_page` and
`as_view()` wrappers; the fuzz test over every public URL uses it, and fails for a page that declares
nothing, so a new page is fuzzed with the parameters it reads as soon as it is added.
"""

import functools

PAGE = "page"


def reads_query_parameters(*names):
    """Declare the query parameters a function view reads: `@reads_query_parameters("q", "page")`."""

    def declare(view):
        @functools.wraps(view)
        def declared_view(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        declared_view.query_parameters = tuple(names)
        return declared_view

    return declare


def query_parameters_of(view):
    """The names of the query parameters a resolved view declares it reads, or None when it declares nothing."""
    while view is not None:
        for holder in (view, getattr(view, "view_class", None)):
            names = getattr(holder, "query_parameters", None)
            if names is not None:
                return tuple(names)
        view = getattr(view, "__wrapped__", None)
    return None
