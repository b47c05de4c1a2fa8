"""Signals from the shared ground that trainings listens to; connected by the app's
`receivers` declaration (apps.py)."""

from django.utils import timezone

from trainings.models import Enrolment
from trainings.services import enrolment_cancel


def cancel_enrolments_of_leaver(sender, *, person, ended_by=None, **kwargs):
    """people.signals.employment_ended: someone who left gives up their seats and waitlist
    places in sessions still to come; each freed seat goes to the waitlist at once (with its
    notice). The leaver is not notified: they no longer have access. Approvals they had to
    give follow their reports to the new manager (or HR)."""
    now = timezone.now()
    for enrolment in Enrolment.objects.filter(person=person).active().upcoming(now):
        enrolment_cancel(enrolment=enrolment, cancelled_by=person, now=now)
