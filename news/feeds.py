"""The Atom feed of public posts: those for all employees (never a department's own)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from hrsocial.text import render_markdown
from news.models import Post


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("News")
    link = reverse_lazy("news:index")
    subtitle = _("What changed in the organisation, and why.")

    def items(self):
        return (
            Post.objects.live()
            .filter(audience__in=[Post.Audience.EMPLOYEES, Post.Audience.WITH_ALUMNI])
            .select_related("author")
            .order_by("-publish_at", "-pk")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_markdown(item.body)

    def item_pubdate(self, item):
        return item.publish_at

    def item_author_name(self, item):
        return item.author.full_name
