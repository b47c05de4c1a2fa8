"""Unsubscribing from the newsletter without signing in (the link in every newsletter and
the List-Unsubscribe header, RFC 8058)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alumni.newsletter import member_for_token, newsletter_unsubscribe


# No CSRF token: a mail provider's one-click POST ("List-Unsubscribe=One-Click") carries
# none, and the signed token in the URL is the authority (it only turns the consent off).
# A GET never unsubscribes (link scanners open every link): it shows a button that POSTs.
@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    member = member_for_token(token)
    if member is None:
        return render(request, "alumni/newsletter_unsubscribe.html", {"invalid": True}, status=400)
    with translation.override(member.language_for_email):
        if request.method == "POST":
            newsletter_unsubscribe(user=member)
            return render(request, "alumni/newsletter_unsubscribe.html", {"done": True})
        return render(request, "alumni/newsletter_unsubscribe.html", {"token": token})
