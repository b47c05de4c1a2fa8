"""Times do not line an anonymous question up with its asker (issue 11, item 6): HR reads them
as a day part, hears about anonymous askers' actions in quarter-hour batches, and sees nobody's
last login."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from helpdesk import services
from notifications.models import Notification
from tests.helpdesk.factories import ask, send_held_notices

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Tuesday afternoon, 14:37.
ASKED = datetime.datetime(2026, 3, 10, 14, 37, 12, tzinfo=AMSTERDAM)


def test_hr_reads_an_anonymous_questions_time_as_a_day_part(client, emma, hanna, category):
    with time_machine.travel(ASKED, tick=False):
        question, token = ask(emma, category=category, anonymous=True, subject="Anoniem")
    with time_machine.travel(ASKED + datetime.timedelta(minutes=3), tick=False):
        client.force_login(emma)
        client.post(
            reverse("helpdesk:question-follow-up", args=[question.reference]),
            {"body": "Nog iets.", "token": token, "submission_key": str(uuid.uuid4())},
        )
    question.refresh_from_db()
    assert timezone.localtime(question.created_at).strftime("%H:%M") == "12:00"
    assert timezone.localtime(question.response_due_at).minute == 0
    client.force_login(hanna)
    pages = [
        client.get(question.get_manage_url()),
        client.get(reverse("helpdesk:queue"), {"status": ""}),
        client.get(reverse("admin:helpdesk_question_changelist")),
        client.get(reverse("admin:helpdesk_question_change", args=[question.pk])),
        client.post(reverse("helpdesk:queue-export"), {"status": ""}),
    ]
    for response in pages:
        assert response.status_code == 200
        text = b"".join(response.streaming_content) if response.streaming else response.content
        text = text.decode()
        for minute in ("14:37", "14:40", "14:3", "13:37", "T14:", "T13:"):
            assert minute not in text
    assert "middag" in pages[0].content.decode()


def test_hr_hears_about_anonymous_askers_in_the_next_quarter_hours_batch(emma, hanna, category):
    category.team.set([hanna])
    with time_machine.travel(ASKED, tick=False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            question, _token = ask(emma, category=category, anonymous=True)
        assert not Notification.objects.filter(recipient=hanna).exists()
        assert services.held_notices_send() == 0
    with time_machine.travel(ASKED.replace(minute=45, second=0), tick=False):
        assert services.held_notices_send() == 1
    notice = Notification.objects.get(recipient=hanna, category="helpdesk.new_question")
    assert timezone.localtime(notice.created_at).strftime("%H:%M") == "14:45"


def test_a_rating_and_a_follow_up_of_an_anonymous_asker_wait_for_the_batch(
    client, emma, hanna, category
):
    question, token = ask(emma, category=category, anonymous=True)
    send_held_notices()
    services.question_assign(question=question, assignee=hanna, assigned_by=hanna)
    services.question_reply(question=question, author=hanna, body="Dat mag.")
    question.refresh_from_db()
    services.rating_give(question=question, score=5)
    services.question_follow_up(question=question, author=emma, body="Dank!")
    told = Notification.objects.filter(recipient=hanna)
    assert not told.filter(category__in=["helpdesk.rating", "helpdesk.follow_up"]).exists()
    assert send_held_notices() == 2
    assert told.filter(category="helpdesk.rating").exists()
    assert told.filter(category="helpdesk.follow_up").exists()


def test_hr_does_not_see_last_logins_in_the_admin(client, hanna, emma):
    emma.last_login = datetime.datetime(2026, 3, 10, 14, 36, tzinfo=AMSTERDAM)
    emma.save()
    client.force_login(hanna)
    page = client.get(reverse("admin:people_user_change", args=[emma.pk])).content.decode()
    assert "14:36" not in page and "last_login" not in page
    changelist = reverse("admin:people_user_changelist")
    assert client.get(changelist + "?last_login__gte=2026-03-10").status_code == 400


def test_questions_go_by_a_random_reference_not_a_number_in_sequence(client, emma, hanna):
    named, _token = ask(emma, subject="Met naam")
    anonymous, _token = ask(emma, anonymous=True, subject="Zonder naam")
    assert len(named.reference) == 10 and named.reference != anonymous.reference
    assert anonymous.get_manage_url() == f"/helpdesk/queue/{anonymous.reference}/"
    assert anonymous.get_absolute_url() == f"/helpdesk/questions/{anonymous.reference}/"
    assert str(anonymous) == f"#{anonymous.reference} Zonder naam"
    client.force_login(hanna)
    page = client.get(anonymous.get_manage_url()).content.decode()
    queue = client.get(reverse("helpdesk:queue"), {"status": ""}).content.decode()
    export = b"".join(
        client.post(reverse("helpdesk:queue-export"), {"status": ""}).streaming_content
    ).decode()
    for text in (page, queue, export):
        assert anonymous.reference in text
        assert f"#{anonymous.pk} " not in text and f"#{anonymous.pk}<" not in text
    assert f"\n{anonymous.pk};" not in export


def test_an_anonymous_questions_file_goes_by_a_reference_and_has_no_minute(
    client, emma, hanna, category
):
    from tests.helpdesk.factories import PNG, checked

    with time_machine.travel(ASKED, tick=False):
        question, _token = ask(
            emma, category=category, anonymous=True, upload=checked("a.png", PNG)
        )
    attachment = question.attachments.get()
    url = attachment.get_absolute_url()
    assert str(attachment.pk) not in url.rstrip("/").rsplit("/", 1)[-1]
    assert attachment.reference in url
    assert timezone.localtime(attachment.created_at).strftime("%H:%M") == "12:00"
    client.force_login(hanna)
    assert client.get(url).status_code == 200
