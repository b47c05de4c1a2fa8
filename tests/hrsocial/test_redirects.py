"""redirect_to_next: the posted `next` only when it is a URL on this site."""

import pytest
from django.test import RequestFactory

from hrsocial.redirects import redirect_to_next


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        ("/trainings/", "/trainings/"),
        ("zz", "/"),  # a bare word is not reversed as a URL name
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/a\r\nLocation: /b", "/"),
        ("", "/"),
    ],
)
def test_it_follows_only_our_own_urls(posted, expected):
    request = RequestFactory().post("/", {"next": posted})
    assert redirect_to_next(request, "/")["Location"] == expected


def test_it_requires_https_for_a_secure_request():
    request = RequestFactory().post("/", {"next": "http://testserver/x"}, secure=True)
    assert redirect_to_next(request, "home")["Location"] == "/"
