"""The portal's settings for `make bench`, plus one page that exists only here: the signed-in
floor (bench/urls.py)."""

from hrsocial.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
