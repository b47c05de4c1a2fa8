from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from hrsocial import views

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
    path("people/", include("people.urls")),
    path("notifications/", include("notifications.urls")),
    path("guidelines/", include("guidelines.urls")),
    path("trainings/", include("trainings.urls")),
    path("helpdesk/", include("helpdesk.urls")),
    path("competencies/", include("competencies.urls")),
    path("admin/", admin.site.urls),
]
