from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.profile_edit, name="profile-edit"),
    path("language/", views.set_language, name="set-language"),
    path("<int:pk>/", views.profile, name="profile"),
]
