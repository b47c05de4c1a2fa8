from django.urls import path

from alumni import views

app_name = "alumni"

urlpatterns = [
    path("", views.index, name="index"),
    path("directory/", views.directory, name="directory"),
    path("members/<int:pk>/", views.profile_detail, name="profile-detail"),
    path("profile/", views.profile_edit, name="profile-edit"),
    path("waiting/", views.waiting, name="waiting"),
    path("verification/", views.verification_queue, name="verification-queue"),
    path("verification/<int:pk>/approve/", views.membership_approve, name="membership-approve"),
    path("verification/<int:pk>/reject/", views.membership_reject, name="membership-reject"),
]
