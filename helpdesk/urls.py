from django.urls import path

from helpdesk.views import asking, faq, files, staff

app_name = "helpdesk"
urlpatterns = [
    # The asker
    path("", asking.index, name="index"),
    path("ask/", asking.question_create, name="question-create"),
    path("ask/draft/", asking.ask_about_draft, name="ask-about-draft"),
    path("ask/suggestions/", asking.suggestions, name="suggestions"),
    path("ask/solved/", asking.solved_without_ticket, name="solved-without-ticket"),
    path("questions/<slug:reference>/", asking.question_detail, name="question-detail"),
    path("questions/<slug:reference>/asked/", asking.question_asked, name="question-asked"),
    path("questions/<slug:reference>/reply/", asking.question_follow_up, name="question-follow-up"),
    path("questions/<slug:reference>/seen/", asking.question_seen, name="question-seen"),
    path("questions/<slug:reference>/close/", asking.question_close, name="question-close"),
    path("questions/<slug:reference>/rate/", asking.question_rate, name="question-rate"),
    path("private/<str:token>/", asking.question_private, name="question-private"),
    path(
        "private/<str:token>/asked/", asking.question_private_asked, name="question-private-asked"
    ),
    # HR
    path("queue/", staff.queue_list, name="queue"),
    path("queue/assign/", staff.queue_assign, name="queue-assign"),
    path("queue/export/", staff.queue_export, name="queue-export"),
    path("queue/<slug:reference>/", staff.question_manage, name="question-manage"),
    path("queue/<slug:reference>/reply/", staff.question_reply, name="question-reply"),
    path("queue/<slug:reference>/note/", staff.question_note, name="question-note"),
    path("queue/<slug:reference>/assign/", staff.question_assign, name="question-assign"),
    path("queue/<slug:reference>/details/", staff.question_details, name="question-details"),
    path("queue/<slug:reference>/tips/", staff.question_guidelines, name="question-guidelines"),
    path("queue/<slug:reference>/saved-reply/", staff.saved_reply, name="saved-reply"),
    path("queue/<slug:reference>/faq/", faq.faq_create, name="faq-create"),
    # The FAQ
    path("faq/", faq.faq_list, name="faq"),
    path("faq/<int:pk>/", faq.faq_detail, name="faq-detail"),
    path("faq/<int:pk>/vote/", faq.faq_vote, name="faq-vote"),
    path("faq/<int:pk>/edit/", faq.faq_edit, name="faq-edit"),
    # Files
    path("attachments/<slug:reference>/", files.attachment_download, name="attachment"),
]
