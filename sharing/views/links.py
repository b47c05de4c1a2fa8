"""The personal link /s/<code>: the portal's hottest public URL.

No session, no request.user, no template on the way out: one indexed lookup (the share by its
unique code, with its kit) and one INSERT (the click, ignored when this browser came today
already; none for a bot), then a plain redirect that sets the attribution cookie. Unknown and
withdrawn codes get a friendly page with a 404 or 410 status.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sharing.api import attribution_cookie
from sharing.models import Share
from sharing.services.counting import click_record

CODE = re.compile(r"^[A-Za-z0-9_-]{6,16}$")


def destination(url: str, *, channel: str, campaign: str, utm: bool) -> str:
    if not utm:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.startswith("utm_")]  # fmt: skip
    query += [("utm_source", channel), ("utm_medium", "social"), ("utm_campaign", campaign)]
    return urlunsplit(parts._replace(query=urlencode(query)))


@login_not_required
@require_GET
def follow(request, code):
    share = None
    if CODE.match(code):
        share = (
            Share.objects.select_related("kit")
            .only("pk", "code", "channel", "kit__url", "kit__status", "kit__ends_at",
                  "kit__add_utm", "kit__utm_campaign", "kit__title")
            .filter(code=code).first()
        )  # fmt: skip
    if share is None:
        return render(request, "sharing/link_unknown.html", status=404)
    kit = share.kit
    now = timezone.now()
    if not kit.is_available(now):
        return render(request, "sharing/link_gone.html", {"title": kit.display_title}, status=410)
    click_record(request=request, share_id=share.pk)
    url = destination(kit.url, channel=share.channel, campaign=kit.utm_campaign, utm=kit.add_utm)
    response = HttpResponseRedirect(url)
    attribution_cookie(response, request=request, code=share.code, now=now)
    response["Cache-Control"] = "no-store"
    return response
