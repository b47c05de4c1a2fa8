from django.urls import path

from alumni import event_views, freelancer_views, newsletter_views, views

app_name = "alumni"

urlpatterns = [
    path("", views.index, name="index"),
    path("directory/", views.directory, name="directory"),
    path("members/<int:pk>/", views.profile_detail, name="profile-detail"),
    path("profile/", views.profile_edit, name="profile-edit"),
    path("gigs/", views.gig_list, name="gig-list"),
    path("gigs/new/", views.gig_create, name="gig-create"),
    path("gigs/<int:pk>/", views.gig_detail, name="gig-detail"),
    path("gigs/<int:pk>/interest/", views.interest_create, name="interest-create"),
    path("gigs/<int:pk>/pick/", views.gig_pick, name="gig-pick"),
    path("profile/data/", views.my_data, name="my-data"),
    path("profile/leave/", views.membership_leave, name="membership-leave"),
    path("events/", event_views.event_list, name="event-list"),
    path("events/new/", event_views.event_create, name="event-create"),
    path("events/<int:pk>/", event_views.event_detail, name="event-detail"),
    path("events/<int:pk>/edit/", event_views.event_edit, name="event-edit"),
    path("events/<int:pk>/sign-up/", event_views.event_sign_up, name="event-sign-up"),
    path("events/<int:pk>/cancel/", event_views.event_cancel, name="event-cancel"),
    path("events/<int:pk>/call-off/", event_views.event_call_off, name="event-call-off"),
    path("events/<int:pk>/calendar.ics", event_views.event_calendar, name="event-calendar"),
    path("waiting/", views.waiting, name="waiting"),
    path("verification/", views.verification_queue, name="verification-queue"),
    path("verification/<int:pk>/approve/", views.membership_approve, name="membership-approve"),
    path("verification/<int:pk>/reject/", views.membership_reject, name="membership-reject"),
    path("freelancers/invite/", freelancer_views.freelancer_invite, name="freelancer-invite"),
    path("join/<str:token>/", freelancer_views.freelancer_join, name="freelancer-join"),
    path("newsletter/unsubscribe/<str:token>/", newsletter_views.unsubscribe,
         name="newsletter-unsubscribe"),
]  # fmt: skip
