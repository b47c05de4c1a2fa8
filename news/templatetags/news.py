from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hrsocial.formatting import long_date, machine, table_datetime
from hrsocial.text import render_markdown
from news.models import Post
from news.permissions import can_moderate_news

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


@register.simple_tag(takes_context=True)
def comment_threads(context, comments):
    """A post's comment threads (each comment, its replies, the reply form), built in Python
    like the cards: 25 threads through a template include per comment cost four times the rest
    of a busy post's page. Every value is escaped; bodies are the portal's sanitised Markdown."""
    request, post = context["request"], context["post"]
    user = request.user
    csrf = get_token(request)
    texts = {
        "csrf": f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf)}">',
        "user": user.pk,
        "converse": bool(context.get("can_converse")),
        "moderate": can_moderate_news(user),
        "edited": escape(_("edited")),
        "hidden": escape(_("HR hid this comment.")),
        "reason": escape(_("Reason:")),
        "edit": escape(_("Edit (15 minutes)")),
        "report": escape(_("Report")),
        "report_reason": escape(_("Reason")),
        "hide": escape(_("Hide")),
        "hide_reason": escape(_("Reason the author sees")),
        "reply": escape(_("Reply")),
        "your_reply": escape(_("Your reply")),
        "urls": {
            name: reverse(f"news:{name}", args=[_URL_PLACEHOLDER]).rsplit(_URL_PLACEHOLDER, 1)
            for name in ("comment-edit", "comment-report", "comment-hide")
        },
        "create": escape(reverse("news:comment-create", args=[post.pk])),
        "replies_open": bool(context.get("can_converse")) and not post.comments_closed,
    }
    return mark_safe("".join(_thread(comment, texts) for comment in comments))


def _url(texts, name, pk) -> str:
    start, end = texts["urls"][name]
    return f"{start}{pk}{end}"


def _thread(comment, texts) -> str:
    replies = "".join(_comment(reply, texts) for reply in comment.replies.all())
    form = ""
    if texts["replies_open"] and not comment.is_hidden:
        pk = comment.pk
        form = (
            f'<details class="mb-3"><summary class="small">{texts["reply"]}</summary>'
            f'<form method="post" action="{texts["create"]}">{texts["csrf"]}'
            f'<input type="hidden" name="parent" value="{pk}">'
            f'<label class="form-label" for="reply-{pk}">{texts["your_reply"]}</label>'
            f'<textarea class="form-control mb-2" id="reply-{pk}" name="body" rows="2" '
            f'maxlength="2000" required></textarea>'
            f'<button class="btn btn-sm btn-primary" type="submit">{texts["reply"]}</button>'
            "</form></details>"
        )
    return f'{_comment(comment, texts)}<div class="ms-4">{replies}{form}</div>'


def _comment(comment, texts) -> str:
    pk = comment.pk
    mine = comment.author_id == texts["user"]
    moment = comment.created_at
    edited = f" · {texts['edited']}" if comment.edited_at else ""
    head = (
        f'<div class="small text-muted-aa">{escape(comment.author.full_name)} · '
        f'<time datetime="{machine(moment)}">{escape(table_datetime(moment))}</time>{edited}</div>'
    )
    if comment.is_hidden:
        reason = f" {texts['reason']} {escape(comment.hidden_reason)}" if mine else ""
        body = f'<p class="fst-italic">{texts["hidden"]}{reason}</p>'
    else:
        actions = []
        if mine:
            actions.append(f'<a href="{_url(texts, "comment-edit", pk)}">{texts["edit"]}</a>')
        if texts["converse"] and not mine:
            actions.append(
                _reason_form(texts, _url(texts, "comment-report", pk), f"report-{pk}",
                             texts["report_reason"], texts["report"])
            )  # fmt: skip
        if texts["moderate"]:
            actions.append(
                _reason_form(texts, _url(texts, "comment-hide", pk), f"hide-{pk}",
                             texts["hide_reason"], texts["hide"])
            )  # fmt: skip
        body = (
            f"<div>{render_markdown(comment.body)}</div>"
            f'<div class="d-flex flex-wrap gap-2 small">{"".join(actions)}</div>'
        )
    return f'<article id="comment-{pk}" class="border-start ps-3 mb-3">{head}{body}</article>'


def _reason_form(texts, action, field_id, label, button) -> str:
    return (
        f"<details><summary>{button}</summary>"
        f'<form method="post" action="{action}" class="d-flex gap-1 mt-1">{texts["csrf"]}'
        f'<label class="visually-hidden" for="{field_id}">{label}</label>'
        f'<input class="form-control form-control-sm" id="{field_id}" name="reason" '
        f'maxlength="300" required>'
        f'<button class="btn btn-sm btn-outline-danger" type="submit">{button}</button>'
        "</form></details>"
    )
