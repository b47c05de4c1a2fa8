from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hrsocial.formatting import long_date, machine
from news.models import Post

register = template.Library()

# No real post number is 0: the post page's URL is reversed once per page and the number put in
# per card (reverse() per card is a tenth of the page's rendering).
_URL_PLACEHOLDER = "0"
SUMMARY_LENGTH = 200


@register.simple_tag
def post_cards(posts, previous_visit=None):
    """The news page's cards, built in Python (docs/PERFORMANCE.md, rendering policy): 20 cards
    of template lookups, filters and per-card translations were a third of the page's time.
    Every value is escaped; what is the same for every card (texts, the URL pattern, the
    dates of a day) is looked up once."""
    texts = {
        "pinned": f'<span class="badge text-bg-primary">{escape(_("pinned"))}</span>',
        "new": (
            f'<span class="badge text-bg-warning">{escape(_("new since your last visit"))}</span>'
        ),
        "unread": f'<span class="badge text-bg-light">{escape(_("unread"))}</span>',
        "updated": f'<span class="badge text-bg-info">{escape(_("updated"))}</span>',
        "url": reverse("news:post-detail", args=[_URL_PLACEHOLDER]).rsplit(_URL_PLACEHOLDER, 1),
        "kinds": {value: escape(label) for value, label in Post.Kind.choices},
        "days": {},
    }
    return mark_safe("".join(_card(post, previous_visit, texts) for post in posts))


def _card(post, previous_visit, texts) -> str:
    badges = [texts["pinned"]] if post.is_pinned else []
    if previous_visit and post.publish_at > previous_visit:
        badges.append(texts["new"])
    elif not post.is_read:
        badges.append(texts["unread"])
    if post.materially_updated_at:
        badges.append(texts["updated"])
    day = timezone.localdate(post.publish_at)  # the same few days recur down the page
    if day not in texts["days"]:
        texts["days"][day] = escape(long_date(post.publish_at))
    start, end = texts["url"]
    summary = post.display_summary
    if len(summary) > SUMMARY_LENGTH:  # as |truncatechars:200, without its Unicode pass
        summary = summary[: SUMMARY_LENGTH - 1] + "…"
    return (
        f'<li class="card mb-3"><div class="card-body">'
        f'<h2 class="h5 mb-1"><a href="{start}{post.pk}{end}">{escape(post.title)}</a>'
        f"{''.join(' ' + badge for badge in badges)}</h2>"
        f'<div class="small text-muted-aa">{texts["kinds"].get(post.kind, "")} · '
        f"{escape(post.author.full_name)} · "
        f'<time datetime="{machine(post.publish_at)}">{texts["days"][day]}</time></div>'
        f'<p class="mb-0 mt-2">{escape(summary)}</p>'
        "</div></li>"
    )
