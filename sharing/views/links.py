"""The personal link /s/<code>: the portal's hottest public URL.

No session, no request.user, no template on the way out: one indexed lookup (the share by its
unique code, with its kit) and one INSERT (the click, ignored when this browser came today
already; none for a bot), on PostgreSQL as one statement, then a plain redirect that sets the
attribution cookie. Unknown and withdrawn codes get a friendly page with a 404 or 410 status.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from sharing.api import attribution_cookie
from sharing.models import ShareKit
from sharing.services.counting import follow_link

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
    now = timezone.now()
    target = follow_link(code, request=request, now=now) if CODE.match(code) else None
    if target is None:
        return render(request, "sharing/link_unknown.html", status=404)
    if not target.available:
        kit = ShareKit.objects.get(pk=target.kit_id)  # the rare case: the friendly page's title
        return render(request, "sharing/link_gone.html", {"title": kit.display_title}, status=410)
    url = destination(
        target.url, channel=target.channel, campaign=target.utm_campaign, utm=target.add_utm
    )
    response = HttpResponseRedirect(url)
    attribution_cookie(response, request=request, code=target.code, now=now)
    response["Cache-Control"] = "no-store"
    return response
