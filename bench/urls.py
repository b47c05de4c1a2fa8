"""The portal's URLs plus the signed-in floor: a signed-in page that renders the base layout and
nothing else (session, signed-in user, middleware, navigation, unread count, footer). Every
signed-in page is measured against it (DESIGN.md, Testing). It exists only under `make bench`:
the portal has no empty page to serve."""

from django.shortcuts import render
from django.urls import path

from hrsocial.urls import urlpatterns as portal


def signed_in_floor(request):
    return render(request, "base.html")


urlpatterns = [path("bench/floor/", signed_in_floor), *portal]
