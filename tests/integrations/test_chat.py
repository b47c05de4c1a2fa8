"""Teams and Slack as delivery channels: the person's choice, the recipient's language, never
a private category in a shared channel, and a failing channel visible and not losing anything.
Real HTTP to a small server on 127.0.0.1."""

import json

import pytest
from django.test import override_settings

from integrations import chat
from integrations.models import ChatChannel, ChatMessage
from notifications.categories import Delivery
from notifications.models import Notification, NotificationPreference
from notifications.services import notify
from tests.integrations.test_webhooks import Target, target  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def choose(person, category, delivery):
    NotificationPreference.objects.create(user=person, category=category, delivery=delivery)


def test_it_posts_an_adaptive_card_in_the_recipients_language_to_teams(target, emma):  # noqa: F811
    emma.preferred_language = "en"
    emma.save()
    choose(emma, "general", Delivery.TEAMS)
    ChatChannel.objects.create(kind="teams", name="Communicatie", url=target + "/ok",
                               department=emma.department)  # fmt: skip
    from django.utils.translation import gettext_lazy as _

    (notification,) = notify([emma], "general", _("Notification settings"), "", "/")
    assert notification.email_status == Notification.EmailStatus.NOT_NEEDED
    message = ChatMessage.objects.get()
    chat.chat_messages_send(ids=[message.pk])
    message.refresh_from_db()
    assert message.status == ChatMessage.Status.DELIVERED
    card = json.loads(Target.received[0][2])["attachments"][0]["content"]
    assert card["type"] == "AdaptiveCard"
    assert "Notification settings" in json.dumps(card)


def test_it_sends_slack_its_text_payload(target, emma):  # noqa: F811
    choose(emma, "general", Delivery.SLACK)
    ChatChannel.objects.create(kind="slack", name="Alle", url=target + "/ok")
    notify([emma], "general", "Nieuws", "Tekst", "/")
    chat.chat_messages_send(ids=[ChatMessage.objects.get().pk])
    assert "Nieuws" in json.loads(Target.received[0][2])["text"]


def test_it_never_sends_a_private_category_to_a_shared_channel(target, emma):  # noqa: F811
    choose(emma, "helpdesk.anonymous", Delivery.TEAMS)
    ChatChannel.objects.create(kind="teams", name="Iedereen", url=target + "/ok")
    ChatChannel.objects.create(kind="teams", name="Afdeling", url=target + "/ok",
                               department=emma.department)  # fmt: skip
    (notification,) = notify([emma], "helpdesk.anonymous", "Antwoord", "", "/")
    assert ChatMessage.objects.count() == 0
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING  # by e-mail instead
    own = ChatChannel.objects.create(kind="teams", name="Emma", url=target + "/ok", person=emma)
    notify([emma], "helpdesk.anonymous", "Antwoord", "", "/")
    assert ChatMessage.objects.get().channel == own


def test_it_shows_a_teams_400_to_hr_and_keeps_the_message(client, target, emma, hanna):  # noqa: F811
    choose(emma, "general", Delivery.TEAMS)
    ChatChannel.objects.create(kind="teams", name="Kapot", url=target + "/bad")
    (notification,) = notify([emma], "general", "Nieuws", "", "/")
    message = ChatMessage.objects.get()
    chat.chat_messages_send(ids=[message.pk])
    message.refresh_from_db()
    assert message.status == ChatMessage.Status.PENDING  # retried later
    assert message.response_status == 400
    client.force_login(hanna)
    assert "HTTP 400" in client.get("/integrations/channels/").content.decode()
    # After a day of failures the notice goes by e-mail: nothing is lost.
    ChatMessage.objects.filter(pk=message.pk).update(
        created_at=message.created_at.replace(year=message.created_at.year - 1)
    )
    chat.chat_messages_send(ids=[message.pk])
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING


def test_it_falls_back_to_e_mail_without_a_channel(emma):
    choose(emma, "general", Delivery.SLACK)
    (notification,) = notify([emma], "general", "Nieuws", "", "/")
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING


def test_it_refuses_an_internal_channel_url(client, hanna):
    client.force_login(hanna)
    response = client.post(
        "/integrations/channels/", {"kind": "teams", "name": "X", "url": "https://10.0.0.5/x"}
    )
    assert response.status_code == 422
    assert ChatChannel.objects.count() == 0


@override_settings(WEBHOOK_MAX_FAILURES=3)
def test_a_failing_channel_is_switched_off_and_its_hr_lead_told(client, target, emma, hanna):  # noqa: F811
    """The webhooks' rule: a Teams URL answering 400 counts; after WEBHOOK_MAX_FAILURES in
    a row the channel is off, its waiting notices go by e-mail and the HR lead who set it up
    gets a notice; the channel page shows it."""
    choose(emma, "general", Delivery.TEAMS)
    client.force_login(hanna)
    response = client.post(
        "/integrations/channels/", {"kind": "teams", "name": "Kapot", "url": target + "/bad"}
    )
    assert response.status_code == 302
    channel = ChatChannel.objects.get()
    assert channel.created_by == hanna
    notifications = [notify([emma], "general", f"Nieuws {i}", "", "/")[0] for i in range(3)]
    ids = list(ChatMessage.objects.order_by("pk").values_list("pk", flat=True))
    chat.chat_messages_send(ids=ids[:2])
    channel.refresh_from_db()
    assert channel.is_active and channel.consecutive_failures == 2
    assert not Notification.objects.filter(category="integrations.channel_disabled").exists()

    chat.chat_messages_send(ids=ids[2:])
    channel.refresh_from_db()
    assert not channel.is_active and channel.disabled_at is not None
    (notice,) = Notification.objects.filter(category="integrations.channel_disabled")
    assert notice.recipient == hanna
    # Nothing is lost: the three notices wait in the e-mail outbox.
    for notification in notifications:
        notification.refresh_from_db()
        assert notification.email_status == Notification.EmailStatus.PENDING
    assert set(ChatMessage.objects.values_list("status", flat=True)) == {"failed"}
    # A switched-off channel gets nothing new: the next notice goes by e-mail at once.
    (later,) = notify([emma], "general", "Later", "", "/")
    assert ChatMessage.objects.count() == 3
    later.refresh_from_db()
    assert later.email_status == Notification.EmailStatus.PENDING
    page = client.get("/integrations/channels/").content.decode()
    assert "na herhaalde mislukkingen" in page  # the portal speaks Dutch first
    assert len(Target.received) == 3


def test_a_success_resets_the_channels_failure_count(target, emma, settings):  # noqa: F811
    settings.WEBHOOK_MAX_FAILURES = 2
    choose(emma, "general", Delivery.TEAMS)
    channel = ChatChannel.objects.create(kind="teams", name="Soms", url=target + "/bad")
    notify([emma], "general", "Een", "", "/")
    chat.chat_messages_send(ids=[ChatMessage.objects.get().pk])
    ChatChannel.objects.filter(pk=channel.pk).update(url=target + "/ok")
    notify([emma], "general", "Twee", "", "/")
    chat.chat_messages_send(ids=[ChatMessage.objects.latest("pk").pk])
    channel.refresh_from_db()
    assert channel.is_active and channel.consecutive_failures == 0


def test_an_hr_lead_switches_a_switched_off_channel_on_again(client, target, emma, hanna):  # noqa: F811
    # After the URL is fixed at the other end, the channel is used again from the next notice.
    from hrsocial.models import AuditEntry

    choose(emma, "general", Delivery.TEAMS)
    channel = ChatChannel.objects.create(
        kind="teams", name="Hersteld", url=target + "/ok", department=emma.department,
        is_active=False, consecutive_failures=5, disabled_at="2026-11-30T10:00:00+01:00",
    )  # fmt: skip
    client.force_login(hanna)
    url = f"/integrations/channels/{channel.pk}/active/"
    assert url in client.get("/integrations/channels/").content.decode()
    assert client.post(url, {"active": "1"}).status_code == 302
    channel.refresh_from_db()
    assert channel.is_active and channel.disabled_at is None and channel.consecutive_failures == 0
    assert AuditEntry.objects.filter(action="integrations.channel_active", actor=hanna).exists()
    notify([emma], "general", "Weer aan", "", "/")
    assert ChatMessage.objects.filter(channel=channel).count() == 1
    # And off by hand: nothing new is queued for it.
    client.post(url, {"active": "0"})
    channel.refresh_from_db()
    assert not channel.is_active
    notify([emma], "general", "Weer uit", "", "/")
    assert ChatMessage.objects.filter(channel=channel).count() == 1
