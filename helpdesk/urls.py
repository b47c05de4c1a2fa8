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
    path("questions/<int:pk>/", asking.question_detail, name="question-detail"),
    path("questions/<int:pk>/asked/", asking.question_asked, name="question-asked"),
    path("questions/<int:pk>/reply/", asking.question_follow_up, name="question-follow-up"),
    path("questions/<int:pk>/close/", asking.question_close, name="question-close"),
    path("questions/<int:pk>/rate/", asking.question_rate, name="question-rate"),
    path("private/<str:token>/", asking.question_private, name="question-private"),
    path(
        "private/<str:token>/asked/", asking.question_private_asked, name="question-private-asked"
    ),
    # HR
    path("queue/", staff.queue_list, name="queue"),
    path("queue/assign/", staff.queue_assign, name="queue-assign"),
    path("queue/export/", staff.queue_export, name="queue-export"),
    path("queue/<int:pk>/", staff.question_manage, name="question-manage"),
    path("queue/<int:pk>/reply/", staff.question_reply, name="question-reply"),
    path("queue/<int:pk>/note/", staff.question_note, name="question-note"),
    path("queue/<int:pk>/assign/", staff.question_assign, name="question-assign"),
    path("queue/<int:pk>/status/", staff.question_status, name="question-status"),
    path("queue/<int:pk>/category/", staff.question_category, name="question-category"),
    path("queue/<int:pk>/confidential/", staff.question_confidential, name="question-confidential"),
    path("queue/<int:pk>/tips/", staff.question_guidelines, name="question-guidelines"),
    path("queue/<int:pk>/saved-reply/", staff.saved_reply, name="saved-reply"),
    path("queue/<int:pk>/faq/", faq.faq_create, name="faq-create"),
    # The FAQ
    path("faq/", faq.faq_list, name="faq"),
    path("faq/<int:pk>/", faq.faq_detail, name="faq-detail"),
    path("faq/<int:pk>/vote/", faq.faq_vote, name="faq-vote"),
    path("faq/<int:pk>/edit/", faq.faq_edit, name="faq-edit"),
    # Files
    path("attachments/<int:pk>/", files.attachment_download, name="attachment"),
]
