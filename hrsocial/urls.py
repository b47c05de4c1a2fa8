from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from hrsocial import plugins, views

admin.site.site_header = _("hrsocial administration")
admin.site.site_title = _("hrsocial")
# One way in: the admin signs people in through allauth (rate-limited, e-mail verified).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.global_search, name="search"),
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # Every portal app's URLs (PortalAppConfig.urls: "<app>/" by default), the shortest
    # prefixes first: each app has its own first segment, so the order changes nothing but
    # how many patterns a request is tried against, and the personal links ("s/", the
    # hottest public URL, bench/sharing.py) are tried first.
    *(
        path(prefix, include(module))
        for prefix, module in sorted(
            (item for config in plugins.portal_apps() for item in config.url_modules().items()),
            key=lambda item: len(item[0]),
        )
    ),
]
