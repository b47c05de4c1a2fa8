"""The public vacancy pages (/vacatures/): no sign-in. Reading pages and feeds never touch
the session or the user: they come whole from the cache (recruitment.public)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from hrsocial.middleware import client_ip
from hrsocial.ratelimit import rate_limited
from recruitment import public
from recruitment.forms import ApplicationForm, QuestionForm
from recruitment.models import Vacancy
from recruitment.permissions import get_application_by_token
from recruitment.services import applications, questions, referrals

PUBLIC_CACHE = cache_control(public=True, max_age=300)


@login_not_required
@require_GET
@PUBLIC_CACHE
def vacancy_list(request):
    return HttpResponse(public.VACANCY_LIST.get(get_language(), timezone.localdate()))


@login_not_required
@require_GET
@PUBLIC_CACHE
def vacancy_detail(request, slug):
    page = public.VACANCY_PAGE.get(slug[:160], get_language(), timezone.localdate())
    if page is None:
        raise Http404
    status, html = page
    return HttpResponse(html, status=status)


@login_not_required
@require_GET
@PUBLIC_CACHE
def feed_json(request):
    return HttpResponse(
        public.JSON_FEED.get(get_language(), timezone.localdate()),
        content_type="application/feed+json",
    )


@login_not_required
@require_GET
@PUBLIC_CACHE
def feed_rss(request):
    return HttpResponse(
        public.RSS_FEED.get(get_language(), timezone.localdate()),
        content_type="application/rss+xml; charset=utf-8",
    )


class VacancySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Vacancy.objects.open().public().order_by("pk")

    def lastmod(self, vacancy):
        return vacancy.updated_at


@login_not_required
@require_GET
def sitemap(request):
    return sitemap_view(request, {"vacancies": VacancySitemap})


def _public_open_vacancy(slug) -> Vacancy:
    vacancy = get_object_or_404(Vacancy.objects.public().select_related("department"), slug=slug)
    if vacancy.status == Vacancy.Status.DRAFT:
        raise Http404
    return vacancy


def _limited(request, what: str) -> bool:
    return rate_limited(key=f"recruitment:{what}:{client_ip(request)}", limit=10, period=600)


@login_not_required
def apply(request, slug):
    vacancy = _public_open_vacancy(slug)
    if not vacancy.is_open():
        return redirect("recruitment-public:vacancy", slug=vacancy.slug)
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_spam():
            # A bot: it gets the page it expects, and nothing is stored.
            return render(request, "recruitment/public/application_sent.html", {"vacancy": vacancy})
        if _limited(request, "apply"):
            form.add_error(None, _("Too many applications from your address; try again later."))
        elif form.is_valid():
            data = form.cleaned_data
            try:
                application, _new = applications.application_submit(
                    vacancy=vacancy, name=data["name"], email=data["email"],
                    phone=data["phone"], motivation=data["motivation"], cv=data["cv"],
                    cv_name=form.cv_name, long_retention=data["long_retention"],
                    language=get_language(),
                    attribution=applications.share_attribution(request),
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return render(
                    request, "recruitment/public/application_sent.html",
                    {"vacancy": vacancy, "application": application},
                )  # fmt: skip
    return render(request, "recruitment/public/apply.html", {"vacancy": vacancy, "form": form})


@login_not_required
def ask(request, slug):
    vacancy = _public_open_vacancy(slug)
    if not vacancy.is_open():
        return redirect("recruitment-public:vacancy", slug=vacancy.slug)
    form = QuestionForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam():
            return render(request, "recruitment/public/question_sent.html", {"vacancy": vacancy})
        if _limited(request, "ask"):
            form.add_error(None, _("Too many questions from your address; try again later."))
        elif form.is_valid():
            data = form.cleaned_data
            questions.question_ask(
                vacancy=vacancy, question=data["question"], name=data["name"],
                email=data["email"], language=get_language(),
            )  # fmt: skip
            return render(request, "recruitment/public/question_sent.html", {"vacancy": vacancy})
    return render(request, "recruitment/public/ask.html", {"vacancy": vacancy, "form": form})


@login_not_required
@require_GET
def status(request, token):
    application = get_application_by_token(token)
    return render(request, "recruitment/public/status.html", {"application": application})


@login_not_required
@require_POST
def withdraw(request, token):
    application = get_application_by_token(token)
    applications.application_withdraw(application=application)
    messages.success(request, _("Your application has been withdrawn and your data deleted."))
    return redirect("recruitment-public:status", token=token)


@login_not_required
def never_again(request, token):
    address_hash = referrals.opt_out_hash(token)
    if address_hash is None:
        raise Http404
    done = False
    if request.method == "POST":
        referrals.referral_opt_out(address_hash=address_hash)
        done = True
    return render(request, "recruitment/public/never_again.html", {"done": done})
