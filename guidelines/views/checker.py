"""The draft checker ("Mag ik dit posten?"): a page, and a JSON endpoint for other clients.

Drafts are checked and forgotten: neither view stores or logs the text; each check only adds
one to the day's counts of the person's department (services.draft_check_count). Both count
against one rate limit per person (GUIDELINES_CHECKS_PER_MINUTE).
"""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from guidelines import services
from guidelines.forms import CheckForm
from guidelines.permissions import can_read_tips, reader_required
from hrsocial.ratelimit import rate_limited, seconds_until_next_period


def _over_limit(request) -> bool:
    return rate_limited(
        key=f"guidelines:check:{request.user.pk}", limit=settings.GUIDELINES_CHECKS_PER_MINUTE
    )


def _ask_hr_url() -> str | None:
    """The helpdesk's "ask HR about this draft" endpoint, once the helpdesk offers it."""
    try:
        return reverse("helpdesk:ask-about-draft")
    except NoReverseMatch:
        return None


def _limit_message() -> str:
    return _("You checked many drafts in a short time. Please wait a minute and try again.")


@reader_required
@never_cache
def check(request):
    form = CheckForm(request.POST if request.method == "POST" else None)
    result, status = None, 200
    if request.method == "POST":
        if _over_limit(request):
            form.add_error(None, _limit_message())
            status = 429
        elif form.is_valid():
            result = services.draft_check(
                form.cleaned_data["text"], form.cleaned_data["network"] or None
            )
            services.draft_check_count(result=result, checked_by=request.user)
    context = {"form": form, "result": result, "ask_hr_url": _ask_hr_url()}
    if request.htmx:
        # The fragment (form and answer) explains any error itself; htmx only swaps 2xx.
        return render(request, "guidelines/partials/checker.html", context)
    return render(request, "guidelines/draft_check.html", context, status=status)


@login_not_required  # answers 401 in JSON itself instead of redirecting to the sign-in page
@require_POST
@never_cache
def api_check(request):
    """POST {"text": "...", "network": "linkedin"} (JSON or form-encoded) with the session and
    its CSRF token; answers the verdict and the findings as JSON."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in to the portal first.")}, status=401)
    if not can_read_tips(request.user):
        return JsonResponse({"error": _("Only employees can use the checker.")}, status=403)
    if _over_limit(request):
        wait = seconds_until_next_period()
        response = JsonResponse({"error": _limit_message(), "retry_after": wait}, status=429)
        response["Retry-After"] = str(wait)
        return response
    if request.content_type == "application/json":
        try:
            payload = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError, RecursionError):  # nesting too deep
            return JsonResponse({"error": _("The request body is not valid JSON.")}, status=400)
        form = CheckForm.from_json(payload)
    else:
        form = CheckForm(request.POST)
    if not form.is_valid():
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
        return JsonResponse(
            {"error": _("Please correct the request."), "errors": errors}, status=400
        )
    result = services.draft_check(form.cleaned_data["text"], form.cleaned_data["network"] or None)
    services.draft_check_count(result=result, checked_by=request.user)
    return JsonResponse(result.as_dict(), json_dumps_params={"ensure_ascii": False})
