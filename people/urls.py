from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.profile_edit, name="profile-edit"),
    path("language/", views.set_language, name="set-language"),
    path("<int:pk>/", views.profile, name="profile"),
    path("<int:pk>/second-factor/reset/", views.second_factor_reset, name="second-factor-reset"),
    path("import/", views.import_upload, name="import"),
    path("import/<uuid:reference>/", views.import_detail, name="import-detail"),
    path("import/<uuid:reference>/confirm/", views.import_confirm, name="import-confirm"),
    path("import/<uuid:reference>/progress/", views.import_progress, name="import-progress"),
]
