"""Every write with rules in news; views and tasks call these (keyword-only)."""

from news.services.consultations import (  # noqa: F401
    consultation_answer,
    consultation_respond,
    consultation_results,
    consultation_save,
)
from news.services.conversation import (  # noqa: F401
    comment_create,
    comment_edit,
    comment_hide,
    comment_report,
    comment_reports_dismiss,
    comments_close,
    mentioned_people,
    reaction_toggle,
)
from news.services.feeds import feed_token_renew, feed_token_revoke  # noqa: F401
from news.services.mustread import (  # noqa: F401
    confirmation_create,
    confirmation_rates,
    must_read_reminders_send,
)
from news.services.posts import (  # noqa: F401
    FILTER_CHOICES,
    blog_approve,
    blog_send_back,
    blog_submit,
    post_save,
    posts_publish_scheduled,
    reading_record,
    understanding_figures,
    understanding_set,
    visit_record,
)
