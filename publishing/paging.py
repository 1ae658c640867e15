"""Pages of long public lists that cost the same whether they are the first or the last.

With LIMIT and OFFSET the database makes, sorts and throws away every row before the page: page 4,250 of the
article list sorted 85,000 articles with their outlets (250 ms at 100,000 articles, bench/RESULTS.md). Here a
page past the first is read in two steps: the ids of its rows, a narrow query the database answers from an
index of the list's order, then just those rows, put back in that order.
"""

from django.core.paginator import Paginator


def rows_in_order(queryset, ids):
    """The rows of `queryset` with these ids, in the order of `ids`; an id the queryset no longer holds is left out."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def page_bounds(paginator, number):
    """(bottom, top): the slice of the list page `number` holds, by Paginator.page's own arithmetic (the last
    page takes up to `orphans` more rows)."""
    bottom = (number - 1) * paginator.per_page
    top = bottom + paginator.per_page
    if top + paginator.orphans >= paginator.count:
        top = paginator.count
    return bottom, top


class IdsFirstPaginator(Paginator):
    """A Paginator over a queryset that reads a page past the first by its ids first (see the module's docstring).

    The first page is read in one query, as Paginator reads it: nothing is skipped there.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom, top = page_bounds(self, number)
        if bottom == 0:
            return super().page(number)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(rows_in_order(self.object_list, ids), number, self)
