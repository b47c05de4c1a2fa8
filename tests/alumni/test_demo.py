"""The alumni demo: departures and last month's newsletter in the history, the same whatever
the hour or day it runs (issue 17, item 5)."""

import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from alumni import invitations
from alumni.models import Departure, NewsletterDelivery
from alumni.newsletter import recipients
from people.models import User

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 12, 1, 0, 5, tzinfo=AMS),  # the newsletter's own day
        datetime.datetime(2026, 12, 31, 23, 30, tzinfo=AMS),  # New Year's Eve, late
        datetime.datetime(2027, 3, 1, 7, 59, tzinfo=AMS),  # after a short February
    ],
    ids=["first-of-month", "new-years-eve", "after-february"],
)
def test_the_demo_has_departures_and_last_months_newsletter(moment):
    with time_machine.travel(moment, tick=False):
        call_command("seed_demo", stdout=StringIO())
        today = timezone.localdate()
        ended = Departure.objects.filter(person__kind=User.Kind.FORMER_EMPLOYEE)
        assert ended.filter(invited_at__isnull=False).count() == 1
        assert ended.filter(do_not_invite=True).count() == 1
        assert Departure.objects.count() == ended.count() == 2
        assert all(d.person.end_date < today for d in ended)
        # Nothing for the invitation task to send today: the demo's history is consistent.
        assert not invitations.due(today=today).exists()

        deliveries = NewsletterDelivery.objects.all()
        assert deliveries.count() == recipients().count() >= 1
        last_month = (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
        assert {d.month for d in deliveries} == {last_month}
        assert all(d.sent_at < timezone.now() for d in deliveries)

        # A second run changes nothing.
        before = (Departure.objects.count(), deliveries.count(), User.objects.count())
        call_command("seed_demo", stdout=StringIO())
        assert (Departure.objects.count(), deliveries.count(), User.objects.count()) == before
