"""Paging without a total, for lists whose COUNT costs more than finding the page: a search of a
common word over the helpdesk's questions, the news page (its count compiled and ran the
whole visibility query a second time). `templates/partials/pagination.html` shows "Page 3"
instead of "Page 3 of 12" for these."""

# Capped: a page number beyond any result would overflow the database's OFFSET.
MAX_PAGE = 100_000


class UncountedPage:
    """One page, known to have a next page by fetching one row more. `rows` turns the page's
    records into what the template shows (for instance: primary keys into rows, in order)."""

    paginator = None  # the template's sign that there is no total

    def __init__(self, queryset, page_number, *, per_page: int, rows=list):
        try:
            self.number = min(max(int(page_number or 1), 1), MAX_PAGE)
        except (TypeError, ValueError):
            self.number = 1
        start = (self.number - 1) * per_page
        found = list(queryset[start : start + per_page + 1])
        self.object_list = rows(found[:per_page])
        self._has_next = len(found) > per_page

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1
