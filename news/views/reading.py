"""The reader's pages: the news list, a post, understanding, must-read, consultations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial.paging import UncountedPage
from hrsocial.plugins import provided
from news import services
from news.models import (
    COMMENT_THREADS_PER_PAGE,
    Comment,
    Confirmation,
    FeedToken,
    Participation,
    Post,
    Reaction,
    Reading,
)
from news.permissions import (
    can_moderate_news,
    get_post_for_user,
    post_reader_required,
    reader_required,
)
from news.services.mustread import is_confirmed

POSTS_PER_PAGE = 20
CARD_FIELDS = (
    "kind", "title", "summary", "body", "is_pinned", "publish_at", "materially_updated_at",
    "author__full_name",
)  # fmt: skip


@reader_required
def index(request):
    """Live posts of my audience, pinned first; filters by kind, department and tag."""
    user = request.user
    posts = (
        Post.objects.visible_to(user)
        .select_related("author")
        # What a card shows (news.templatetags.news.post_cards), not every column of both.
        .only(*CARD_FIELDS)
        .annotate(
            is_read=Exists(Reading.objects.filter(post=OuterRef("pk"), person=user)),
        )
    )
    kind = request.GET.get("kind", "")
    department = request.GET.get("department", "")
    tag = request.GET.get("tag", "").replace("\x00", "")[:50]
    posts = posts.filtered(kind=kind, department=department, tag=tag)
    query = request.GET.get("q", "")
    # A search orders by relevance; otherwise pinned first, newest first.
    posts = posts.search(query) if query else posts
    if not posts.ordered:  # the search ranks on PostgreSQL only
        posts = posts.in_reading_order()
    # Without a total: counting compiled and ran the visibility query a second time.
    page = UncountedPage(posts, request.GET.get("page"), per_page=POSTS_PER_PAGE)
    previous_visit = services.visit_record(person=user)
    return render(
        request,
        "news/post_list.html",
        {
            "page": page,
            "kinds": Post.Kind.choices,
            "kind": kind,
            "tag": tag,
            "query": query,
            "department": department,
            **services.FILTER_CHOICES.get(),
            "previous_visit": previous_visit,
            "feed_token": FeedToken.objects.filter(person=user).first(),
        },
    )


def _reaction_context(post, user) -> dict:
    counts, mine = {}, None
    for kind, n, by_me in post.reactions.values_list("kind").annotate(
        n=Count("pk"), by_me=Count("pk", filter=Q(person=user))
    ):  # the counts and my own reaction in one query
        counts[kind] = n
        mine = kind if by_me else mine
    return {
        "post": post,
        "reactions": [
            (k, label, counts.get(k, 0), k == mine) for k, label in Reaction.Kind.choices
        ],
    }


@post_reader_required
def post_detail(request, pk):
    post = get_post_for_user(request, pk)
    user = request.user
    services.reading_record(post=post, person=user)
    replies = Comment.objects.select_related("author", "hidden_by")
    comments = (
        post.comments.top_level()
        .select_related("author", "hidden_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )
    comments = Paginator(comments, COMMENT_THREADS_PER_PAGE).get_page(request.GET.get("comments"))
    consultation = getattr(post, "consultation", None)
    participated = (
        consultation
        and Participation.objects.filter(consultation=consultation, person=user).exists()
    )
    share_kit_url = provided("share_kit_url")
    context = {
        **_reaction_context(post, user),
        "comments": comments,
        "tags": post.tags.all(),
        "understanding": post.understandings.filter(person=user).first(),
        "confirmed": post.requires_confirmation and is_confirmed(post, user),
        "confirmed_before": post.requires_confirmation
        and Confirmation.objects.filter(post=post, person=user).exists(),
        "consultation": consultation,
        "participated": participated,
        "share_url": share_kit_url(post) if share_kit_url and post.is_live() else None,
        "is_moderator": can_moderate_news(user),
        "can_converse": user.is_employee and post.is_live(),
    }
    if consultation and (participated or consultation.is_closed()):
        context["results"] = services.consultation_results(consultation)
    if participated and not consultation.is_anonymous:
        mine = Participation.objects.get(consultation=consultation, person=user)
        context["my_answers"] = {
            a.question_id: str(a.choice or a.scale or a.text) for a in mine.named_answers.all()
        }
    if context["is_moderator"]:
        context["understood"] = services.understanding_figures(post)
    return render(request, "news/post_detail.html", context)


@reader_required
@require_POST
def post_understand(request, pk):
    post = get_post_for_user(request, pk)
    try:
        services.understanding_set(
            post=post, person=request.user, understood=request.POST.get("understood") == "yes"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: HR sees how many people understood why."))
    return redirect(post.get_absolute_url() + "#why")


@reader_required
@require_POST
def post_confirm(request, pk):
    post = get_post_for_user(request, pk)
    try:
        services.confirmation_create(post=post, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Confirmed: you read and understood this post."))
    return redirect(post.get_absolute_url())


@reader_required
@require_POST
def consultation_answer(request, pk):
    post = get_post_for_user(request, pk)
    consultation = getattr(post, "consultation", None)
    if consultation is None:
        return redirect(post.get_absolute_url())
    try:
        services.consultation_answer(
            consultation=consultation, person=request.user, data=request.POST
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you for your answer."))
    return redirect(post.get_absolute_url() + "#consultation")


@reader_required
@require_POST
def feed_renew(request):
    had_one = FeedToken.objects.filter(person=request.user).exists()
    services.feed_token_renew(person=request.user)
    if had_one:
        messages.success(request, _("You have a new feed address; the old one no longer works."))
    else:
        messages.success(request, _("Your feed address is ready. Add it to your feed reader."))
    return redirect("news:index")


@reader_required
@require_POST
def feed_revoke(request):
    if services.feed_token_revoke(person=request.user):
        messages.success(request, _("Your feed address has been removed and no longer works."))
    return redirect("news:index")
