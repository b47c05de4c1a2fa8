from django.urls import path

from news.feeds import NewsFeed, PersonalNewsFeed
from news.permissions import reader_required
from news.views import conversation, manage, reading

app_name = "news"

urlpatterns = [
    path("", reading.index, name="index"),
    path("feed/", reader_required(NewsFeed()), name="feed"),
    # Sessionless (NewsConfig.sessionless_paths): a feed reader only has the address.
    path("atom/<str:token>/", PersonalNewsFeed.view(), name="personal-feed"),
    path("feed/renew/", reading.feed_renew, name="feed-renew"),
    path("feed/revoke/", reading.feed_revoke, name="feed-revoke"),
    path("new/", manage.post_create, name="post-create"),
    path("mine/", manage.my_blogs, name="my-blogs"),
    path("manage/", manage.manage, name="manage"),
    path("moderation/", manage.moderation, name="moderation"),
    path("moderation/comments/", manage.reported_comments, name="reported-comments"),
    path(
        "moderation/comments/<int:pk>/hide/",
        manage.reported_comment_hide,
        name="reported-comment-hide",
    ),
    path(
        "moderation/comments/<int:pk>/dismiss/",
        manage.reported_comment_dismiss,
        name="reported-comment-dismiss",
    ),
    path("<int:pk>/", reading.post_detail, name="post-detail"),
    path("<int:pk>/edit/", manage.post_edit, name="post-edit"),
    path("<int:pk>/history/", manage.post_revisions, name="post-revisions"),
    path("<int:pk>/understand/", reading.post_understand, name="post-understand"),
    path("<int:pk>/confirm/", reading.post_confirm, name="post-confirm"),
    path("<int:pk>/react/", conversation.post_react, name="post-react"),
    path("<int:pk>/comment/", conversation.comment_create, name="comment-create"),
    path("<int:pk>/mentions/", conversation.mention_suggestions, name="mention-suggestions"),
    path("<int:pk>/close-comments/", conversation.post_close_comments, name="post-close-comments"),
    path("<int:pk>/approve/", manage.blog_approve, name="blog-approve"),
    path("<int:pk>/send-back/", manage.blog_send_back, name="blog-send-back"),
    path("<int:pk>/confirmations/", manage.confirmations, name="confirmations"),
    path(
        "<int:pk>/confirmations/remind/", manage.confirmations_remind, name="confirmations-remind"
    ),
    path("<int:pk>/consultation/", manage.consultation_edit, name="consultation-edit"),
    path("<int:pk>/consultation/answer/", reading.consultation_answer, name="consultation-answer"),
    path("<int:pk>/consultation/export/", manage.consultation_export, name="consultation-export"),
    path("<int:pk>/consultation/report/", manage.consultation_report, name="consultation-report"),
    path(
        "<int:pk>/consultation/respond/", manage.consultation_respond, name="consultation-respond"
    ),
    path("comments/<int:pk>/edit/", conversation.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/report/", conversation.comment_report, name="comment-report"),
    path("comments/<int:pk>/hide/", conversation.comment_hide, name="comment-hide"),
    path("comments/<int:pk>/", conversation.comment_goto, name="comment-goto"),
]
