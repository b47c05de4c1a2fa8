"""The personal iCalendar feed: a secret address a calendar app subscribes to."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from people.permissions import employee_required
from trainings import ical, services
from trainings.models import CalendarToken, Enrolment

# The feed shows sessions from this long ago onwards, so last week's stays in the calendar.
FEED_HISTORY = timedelta(days=30)


@login_not_required
@never_cache
@require_GET
def calendar_feed(request, token):
    """No sign-in: calendar apps cannot sign in. The token in the address is the key; its
    owner can replace or remove it on "My trainings".

    A harmless read, although it writes one timestamp (decided for issue 13, see
    docs/PERMISSIONS.md): the feed must answer GET, because that is all a calendar app
    sends. The only write is `CalendarToken.last_used_at`, at most once an hour, which
    "My trainings" shows as "last read by a calendar". Nobody can trigger it without the
    secret address (a forged cross-site request needs the token too), and whoever holds the
    address can read the feed anyway: a stamp they cause is true ("this address is in use"),
    which is exactly what the owner needs to know to replace it. Nothing else changes: no
    seat, no enrolment, no notification."""
    calendar = (
        CalendarToken.objects.select_related("person").filter(token=token).first()
        if len(token) <= 64
        else None
    )
    if calendar is None or not calendar.person.is_employee:
        raise Http404
    person = calendar.person
    services.calendar_token_used(token=calendar)
    now = timezone.now()
    enrolments = (
        Enrolment.objects.booked()
        .for_person(person)
        .filter(session__ends_at__gte=now - FEED_HISTORY, session__cancelled_at__isnull=True)
        .select_related("session__training")
        .order_by("session__starts_at")
    )
    events = [
        ical.event(
            e.session,
            status="CONFIRMED" if e.is_confirmed else "TENTATIVE",
            url=settings.SITE_URL + e.get_absolute_url(),
            now=now,
        )
        for e in enrolments
    ]
    response = HttpResponse(
        ical.calendar(events, name=_("Trainings of %(name)s") % {"name": person.full_name}),
        content_type=ical.CONTENT_TYPE,
    )
    response["Content-Disposition"] = 'inline; filename="trainings.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response


@employee_required
@require_POST
def calendar_renew(request):
    had_one = CalendarToken.objects.filter(person=request.user).exists()
    services.calendar_token_renew(person=request.user)
    if had_one:
        messages.success(
            request, _("You have a new calendar address; the old one no longer works.")
        )
    else:
        messages.success(request, _("Your calendar address is ready. Add it to your calendar app."))
    return redirect("trainings:mine")


@employee_required
@require_POST
def calendar_revoke(request):
    if services.calendar_token_revoke(person=request.user):
        messages.success(request, _("Your calendar address has been removed and no longer works."))
    return redirect("trainings:mine")
