"""The invitation to the alumni network on the last day of employment (issue 17, point 1):
to the private address, once, never when HR marked the departure "do not invite"."""

import datetime

import pytest
import time_machine
from django.core import mail

from alumni.invitations import invitations_send_due
from alumni.models import Departure
from alumni.tasks import send_departure_invitations
from people import services as people
from people.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LAST_DAY = datetime.date(2026, 11, 30)
MORNING = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _sign_up_open(settings):
    settings.SELF_SIGNUP_ENABLED = True


def _leaver(private_email="sanne@thuis.example.net", **departure):
    person = UserFactory(full_name="Sanne de Boer", email="sanne@werk.example.com",
                         employee_number="E4711", end_date=LAST_DAY)  # fmt: skip
    Departure.objects.create(person=person, private_email=private_email, **departure)
    return person


def test_on_the_end_date_the_leaver_is_invited_at_the_private_address():
    person = _leaver(private_email="sanne@thuis.example.net")
    with time_machine.travel(MORNING - datetime.timedelta(days=1), tick=False):
        assert send_departure_invitations() == 0  # the day before: not yet
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 1
    [message] = mail.outbox
    assert message.to == ["sanne@thuis.example.net"]
    assert "/accounts/signup/" in message.body and "E4711" in message.body
    assert Departure.objects.get(person=person).invited_at == MORNING


def test_it_goes_once_even_when_the_task_runs_again_after_the_offboarding():
    person = _leaver(private_email="sanne@thuis.example.net")
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 1
        assert send_departure_invitations() == 0
    with time_machine.travel(MORNING + datetime.timedelta(days=1), tick=False):
        people.employments_end_due()
        assert User.objects.get(pk=person.pk).kind == User.Kind.FORMER_EMPLOYEE
        assert send_departure_invitations() == 0
    assert len(mail.outbox) == 1


def test_a_missed_day_is_caught_up_but_not_a_departure_long_ago():
    _leaver(private_email="sanne@thuis.example.net")
    with time_machine.travel(MORNING + datetime.timedelta(days=2), tick=False):
        people.employments_end_due()
        assert send_departure_invitations() == 1
    old = UserFactory(full_name="Oud Collega", end_date=datetime.date(2025, 1, 31))
    Departure.objects.create(person=old, private_email="oud@thuis.example.net")
    with time_machine.travel(MORNING + datetime.timedelta(days=3), tick=False):
        assert send_departure_invitations() == 0


def test_not_when_hr_marked_the_departure_do_not_invite():
    person = _leaver(private_email="sanne@thuis.example.net", do_not_invite=True)
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 0
    assert mail.outbox == [] and Departure.objects.get(person=person).invited_at is None


def test_not_without_a_private_address():
    _leaver(private_email="")
    nobody = UserFactory(full_name="Geen Vertrek", end_date=LAST_DAY)  # no departure row
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 0
    assert mail.outbox == [] and not Departure.objects.filter(person=nobody).exists()


def test_not_while_self_sign_up_is_closed(settings):
    settings.SELF_SIGNUP_ENABLED = False
    person = _leaver(private_email="sanne@thuis.example.net")
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 0
    assert Departure.objects.get(person=person).invited_at is None


def test_a_failed_send_leaves_no_stamp_so_the_retry_sends_it(monkeypatch):
    person = _leaver(private_email="sanne@thuis.example.net")

    def smtp_down(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("alumni.invitations.emails.send_templated_email", smtp_down)
    with pytest.raises(OSError):
        invitations_send_due(now=MORNING)
    assert Departure.objects.get(person=person).invited_at is None
    monkeypatch.undo()
    assert invitations_send_due(now=MORNING) == 1


def test_it_is_written_in_the_leavers_language(in_english):
    person = _leaver(private_email="sanne@thuis.example.net")
    person.preferred_language = "nl"
    person.save()
    invitations_send_due(now=MORNING)
    assert "alumninetwerk" in mail.outbox[0].subject


def test_hr_sets_the_private_address_and_do_not_invite_in_the_admin(client, hanna):
    from django.urls import reverse

    person = UserFactory(full_name="Sanne de Boer", end_date=LAST_DAY)
    client.force_login(hanna)
    assert client.get(reverse("admin:alumni_departure_add")).status_code == 200
    response = client.post(
        reverse("admin:alumni_departure_add"),
        {"person": person.pk, "private_email": "sanne@thuis.example.net", "do_not_invite": "on"},
    )
    assert response.status_code == 302
    departure = Departure.objects.get(person=person)
    assert departure.do_not_invite and departure.private_email == "sanne@thuis.example.net"
    with time_machine.travel(MORNING, tick=False):
        assert send_departure_invitations() == 0
    assert client.get(reverse("admin:alumni_departure_changelist")).status_code == 200
