"""Atom feeds: the public posts (signed in), and a person's own feed behind a secret
address for feed readers, which have no session."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hrsocial.text import render_markdown
from news.models import FeedToken, Post
from news.permissions import can_read_post


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


class PersonalNewsFeed(NewsFeed):
    """No sign-in: the token in the address is the key, and the feed shows exactly what its
    owner may read (`Post.objects.visible_to`), their department's posts included and other
    departments' never. A token that is unknown, replaced or removed, or whose owner may no
    longer read news (left, deactivated), answers 404."""

    def get_object(self, request, token):
        feed = (
            FeedToken.objects.select_related("person").filter(token=token).first()
            if len(token) <= 64
            else None
        )
        if feed is None or not feed.person.is_active or not can_read_post(feed.person):
            raise Http404
        return feed.person

    def title(self, person):
        return _("News for %(name)s") % {"name": person.full_name}

    def items(self, person):
        return (
            Post.objects.visible_to(person)
            .select_related("author")
            .order_by("-publish_at", "-pk")[:30]
        )

    @classmethod
    def view(cls):
        """The URL's view: public (login_not_required) and never cached."""
        return login_not_required(never_cache(cls()))

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response
