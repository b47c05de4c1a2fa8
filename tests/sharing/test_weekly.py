"""The weekly "to share" e-mail: one a week per person instead of one mail per kit."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Notification
from sharing.models import Audience, ShareKit
from sharing.services.kits import kit_publish
from sharing.services.weekly import weekly_kits_send
from tests.sharing.factories import KitFactory, ShareFactory

pytestmark = pytest.mark.django_db


def weekly_of(person):
    return Notification.objects.filter(recipient=person, category="sharing.weekly")


def test_a_new_kit_is_a_portal_notice_by_default_and_mails_nobody(emma, hanna, mailoutbox):
    kit_publish(kit=KitFactory(status=ShareKit.Status.DRAFT), published_by=hanna)
    notice = Notification.objects.get(recipient=emma, category="sharing.new_kit")
    assert notice.email_status == Notification.EmailStatus.NOT_NEEDED  # no mail, no digest
    assert not mailoutbox


def test_the_week_s_kits_go_out_once_even_when_the_task_runs_again(emma):
    KitFactory(title="Ons nieuwe kantoor", published_at=timezone.now() - datetime.timedelta(days=2))
    KitFactory(title="Vorige maand", published_at=timezone.now() - datetime.timedelta(days=9))
    assert weekly_kits_send() >= 1
    weekly_kits_send()
    [row] = weekly_of(emma)
    assert "Ons nieuwe kantoor" in row.body and "Vorige maand" not in row.body


def test_a_kit_the_person_already_shared_or_may_not_share_is_left_out(emma, cas, anouk):
    shared = KitFactory(title="Al gedeeld", published_at=timezone.now())
    ShareFactory(kit=shared, sharer=emma)
    KitFactory(title="Alleen medewerkers", published_at=timezone.now(), audience=Audience.EMPLOYEES)
    weekly_kits_send()
    assert "Al gedeeld" not in weekly_of(emma).get().body
    assert "Al gedeeld" in weekly_of(cas).get().body
    assert not weekly_of(anouk).exists()  # an alumna: only kits for everyone
