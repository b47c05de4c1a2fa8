from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_the_page_links_keep_the_filters_and_change_only_the_page():
    request = RequestFactory().get("/t/", {"q": "excel & co", "format": "online", "page": 2})
    page = Paginator(range(100), 20).get_page(2)
    html = render_to_string("partials/pagination.html", {"page": page}, request=request)
    assert 'href="?q=excel+%26amp%3B+co' not in html  # escaped once, not twice
    assert 'href="?q=excel+%26+co&amp;format=online&amp;page=1"' in html
    assert 'href="?q=excel+%26+co&amp;format=online&amp;page=3"' in html
