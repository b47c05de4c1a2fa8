"""The daily reminder to acknowledge tips: after the configured days, at most that often,
through the notification outbox and the person's preferences."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from guidelines.models import Acknowledgement, AcknowledgementReminder, ChangeKind, Guideline
from guidelines.services import acknowledgement_reminders_send
from guidelines.tasks import send_acknowledgement_reminders
from hrsocial.plugins import beat_schedule
from notifications.categories import Delivery
from notifications.models import Notification, NotificationPreference
from tests.guidelines.factories import change_tip, committed, published_tip

pytestmark = pytest.mark.django_db


def asked_days_ago(tip, days):
    Guideline.objects.filter(pk=tip.pk).update(
        ack_requested_at=timezone.now() - timedelta(days=days)
    )


def reminder_for(person):
    return Notification.objects.get(recipient=person, category="guidelines.reminder")


@pytest.fixture
def old_staff(emma, milan, cas, hanna, anouk):
    """Everyone joined long before the tips were published."""
    from people.models import User

    User.objects.update(date_joined=timezone.now() - timedelta(days=400))


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_it_reminds_who_has_not_acknowledged_after_the_configured_days(
    old_staff, emma, milan, anouk
):
    tip = published_tip(title="Deel wat openbaar is")
    asked_days_ago(tip, 15)
    Acknowledgement.objects.create(person=milan, guideline=tip, version=1)
    mail.outbox.clear()
    with committed():
        reminded = send_acknowledgement_reminders()
    assert reminded == 3  # Emma, Cas and Hanna; not Milan (done) nor Anouk (an alumna)
    note = Notification.objects.get(recipient=emma, category="guidelines.reminder")
    assert note.title == "Er wacht één tip op je ‘gelezen en begrepen’"
    assert "- Deel wat openbaar is" in note.body
    assert note.url == "/guidelines/"
    # Reminders wait for the daily digest by default: a nudge, not an alarm.
    assert note.delivery == "digest"
    assert not any(m.to == ["emma@example.com"] for m in mail.outbox)
    assert not Notification.objects.filter(recipient=anouk).exists()


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_it_waits_until_the_days_have_passed(old_staff):
    tip = published_tip()
    asked_days_ago(tip, 13)
    assert acknowledgement_reminders_send() == 0


@override_settings(GUIDELINES_REMINDER_DAYS=7)
def test_it_reminds_at_most_once_per_period(old_staff, emma):
    tip = published_tip()
    asked_days_ago(tip, 30)
    assert acknowledgement_reminders_send() == 4
    assert acknowledgement_reminders_send() == 0
    later = timezone.now() + timedelta(days=8)
    assert acknowledgement_reminders_send(now=later) == 4
    assert AcknowledgementReminder.objects.filter(person=emma).count() == 2


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_a_material_change_counts_the_days_from_the_change(old_staff, emma):
    tip = published_tip()
    asked_days_ago(tip, 30)
    Acknowledgement.objects.create(person=emma, guideline=tip, version=1)
    change_tip(tip, kind=ChangeKind.MATERIAL, tip="Nieuw")
    assert acknowledgement_reminders_send() == 0  # just changed: give people time
    asked_days_ago(tip, 15)
    assert acknowledgement_reminders_send() == 4


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_newcomers_get_time_to_read_first(old_staff, emma):
    tip = published_tip()
    asked_days_ago(tip, 30)
    type(emma).objects.filter(pk=emma.pk).update(date_joined=timezone.now() - timedelta(days=3))
    acknowledgement_reminders_send()
    assert not Notification.objects.filter(recipient=emma, category="guidelines.reminder").exists()


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_people_missing_the_same_tips_share_one_message_others_get_their_own(old_staff, emma, cas):
    first, second = published_tip(title="Een"), published_tip(title="Twee")
    for tip in (first, second):
        asked_days_ago(tip, 20)
    Acknowledgement.objects.create(person=emma, guideline=first, version=1)
    acknowledgement_reminders_send()
    assert "- Een" not in reminder_for(emma).body
    assert reminder_for(cas).title == "Er wachten 2 tips op je ‘gelezen en begrepen’"


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_it_respects_the_persons_choice_of_delivery(old_staff, emma):
    NotificationPreference.objects.create(
        user=emma, category="guidelines.reminder", delivery=Delivery.PORTAL
    )
    tip = published_tip()
    asked_days_ago(tip, 20)
    mail.outbox.clear()
    with committed():
        acknowledgement_reminders_send()
    note = Notification.objects.get(recipient=emma, category="guidelines.reminder")
    assert note.email_status == Notification.EmailStatus.NOT_NEEDED
    assert not any(m.to == ["emma@example.com"] for m in mail.outbox)


@override_settings(GUIDELINES_REMINDER_DAYS=14)
def test_reminders_are_in_each_persons_language(old_staff, emma, cas):
    type(cas).objects.filter(pk=cas.pk).update(preferred_language="en")
    tip = published_tip(title="Gezond verstand", title_en="Common sense")
    asked_days_ago(tip, 20)
    acknowledgement_reminders_send()
    english = reminder_for(cas)
    assert english.title == "One tip is waiting for your “read and understood”"
    assert "- Common sense" in english.body
    assert "- Gezond verstand" in reminder_for(emma).body


def test_the_reminder_is_in_the_beat_schedule():
    entry = beat_schedule()["guidelines-acknowledgement-reminders"]
    assert entry["task"] == "guidelines.tasks.send_acknowledgement_reminders"
