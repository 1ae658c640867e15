"""Page-number pagination with `next` / `previous` links in the body and in a `Link` header."""

import functools

from django.conf import settings
from rest_framework.pagination import PageNumberPagination

from publishing.generations import GenerationCountPaginator

PAGE_SIZE = "page_size"
MAX_PAGE_SIZE = 100


class Pagination(PageNumberPagination):
    page_size = settings.PUBLIC_PAGE_SIZE
    page_size_query_param = PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        header = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        if header:
            response["Link"] = header
        return response


def counted_per_generation(count_key):
    """Pagination whose count is worked out once per content generation (people, venues, organizations).

    Deciding which of 30,000 people are public is a pass over all their appearances; the pages' directories
    keep the count per generation for that reason (publishing/generations.py), and so does the API.
    """
    return type(
        f"Pagination_{count_key}",
        (Pagination,),
        {"django_paginator_class": functools.partial(GenerationCountPaginator, count_key=f"api-{count_key}")},
    )
