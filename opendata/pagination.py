"""Page-number pagination with `next` / `previous` links in the body and in a `Link` header, and a count kept per
content generation.

Counting what is public is a pass over the table (163 ms for the figures at 100,000 articles, bench/RESULTS.md);
the count changes only when content does, so, as the pages' directories do (publishing/generations.py), each
list's count is worked out once per generation for each combination of filters, and read back after that.
"""

import hashlib

from django.conf import settings
from rest_framework.pagination import PageNumberPagination

from publishing.generations import GenerationCountPaginator
from publishing.paging import IdsFirstPaginator
from publishing.public_pages import PAGE

PAGE_SIZE = "page_size"
MAX_PAGE_SIZE = 100


class _Paginator(GenerationCountPaginator, IdsFirstPaginator):
    """The count kept per generation; a page past the first read by its ids first."""


class Pagination(PageNumberPagination):
    page_size = settings.PUBLIC_PAGE_SIZE
    page_size_query_param = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        # The same list with the same filters has the same count, whichever page is asked for.
        filters = sorted((k, v) for k, v in request.query_params.lists() if k not in (PAGE, PAGE_SIZE))
        self.count_key = "api:" + hashlib.sha256(f"{request.path}\n{filters}".encode()).hexdigest()[:32]
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, queryset, per_page):
        return _Paginator(queryset, per_page, count_key=self.count_key)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        header = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        if header:
            response["Link"] = header
        return response
