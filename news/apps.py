from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from hrsocial import navigation
from hrsocial.plugins import PortalAppConfig, category
from hrsocial.shareables import Shareable
from news.search import NewsSearchSource
from notifications import categories as audiences
from notifications.categories import Delivery


class NewsConfig(PortalAppConfig):
    """Practices 5–8: internal news with the "why", conversation, must-reads, policy
    consultations, employee blogs and good-practice examples."""

    name = "news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"
    navigation = navigation.app_menu(
        "news",
        order=15,
        main=(_("News"), "news:index"),
        hr=(_("News and consultations"), "news:manage"),
    )
    search_sources = [
        # The search asks `Post.objects.visible_to(user)`: a department's post is never
        # found by another department.
        NewsSearchSource(
            key="news",
            label=_("News"),
            model="news.Post",
            snippet="display_summary",
            order=15,
        ),
    ]
    notification_categories = [
        category(
            "news.mention",
            _("Colleagues mentioning you in news comments"),
            order=40,
            audience=audiences.employees,
        ),
        category(
            "news.must_read",
            _("Must-read posts and reminders to confirm them"),
            default=Delivery.DIGEST,
            order=41,
            audience=audiences.employees,
        ),
        category(
            "news.blog", _("Moderation of your blog posts"), order=42, audience=audiences.employees
        ),
        category(
            "news.response",
            _("HR's response to consultations you took part in"),
            order=43,
            audience=audiences.employees,
        ),
        category(
            "news.weekly", _("The weekly news digest"), order=44, audience=audiences.employees
        ),
    ]
    # The personal Atom feed (news.feeds.PersonalNewsFeed) reads neither session nor user.
    sessionless_paths = ("/news/atom/",)
    cached = {"news.services.posts.FILTER_CHOICES": ("people.Department", "news.Tag", "news.Post")}
    home_panels = ["news.home.must_reads_and_consultations"]
    home_todos = ["news.home.blogs_to_moderate", "news.home.comments_to_review"]
    shareables = [
        Shareable(key="news.post", model="news.Post", describe="news.sharing.describe_post")
    ]
    provides = {"news_for_alumni": "news.api.posts_for_alumni"}
    periodic_tasks = {
        # Scheduled posts go live (must-read notices) and expired ones are withdrawn.
        "news-publication": {"task": "news.tasks.publish_scheduled", "schedule": 300.0},
        "news-must-read-reminders": {
            "task": "news.tasks.send_must_read_reminders",
            "schedule": crontab(hour=9, minute=45),
        },
        "news-weekly-digest": {
            "task": "news.tasks.send_weekly_digest",
            "schedule": crontab(hour=7, minute=30, day_of_week=1),
        },
    }
