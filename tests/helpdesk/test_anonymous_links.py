"""Nothing stored links a person to their anonymous question, and the admin cannot group
anonymous questions by asker (issue 11, items 3 and 5)."""

import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.urls import reverse

from helpdesk.models import Question
from tests.helpdesk.factories import ask

pytestmark = pytest.mark.django_db


def ask_anonymously(client, category, subject):
    return client.post(
        reverse("helpdesk:question-create"),
        {"subject": subject, "body": "Wie mag ons X-account beheren?", "category": category.pk,
         "anonymous": "on", "submission_key": str(uuid.uuid4())},
        follow=True,
    )  # fmt: skip


def test_the_session_keeps_no_private_link(client, emma, category):
    client.force_login(emma)
    response = ask_anonymously(client, category, "Een anonieme vraag")
    question = Question.objects.get()
    token = response.redirect_chain[-1][0].split("/")[-3]
    assert question.access_token_hash and token in response.content.decode()
    for session in Session.objects.all():
        decoded = str(session.get_decoded())
        assert token not in decoded
        assert "helpdesk" not in decoded and question.asker_mailbox not in decoded
    # Nor the cache: every stored value, in local memory or in Redis.
    stored = _everything_in_the_cache()
    assert token not in stored and question.asker_mailbox not in stored


def _everything_in_the_cache() -> str:
    import pickle

    if isinstance(getattr(cache, "_cache", None), dict):  # local memory
        return " ".join(str(pickle.loads(value)) for value in list(cache._cache.values()))
    client = cache._cache.get_client(None)  # Redis: raw values under our key prefix
    keys = list(client.scan_iter(match=f"{cache.key_prefix}*", count=1000))
    return " ".join(repr(client.get(key)) for key in keys)


def test_the_asker_still_finds_both_questions_but_each_has_its_own_mailbox(client, emma, category):
    first, _token = ask(emma, category=category, anonymous=True, subject="Eerste zorg")
    second, _token = ask(emma, category=category, anonymous=True, subject="Tweede zorg")
    assert first.asker_mailbox and second.asker_mailbox
    assert first.asker_mailbox != second.asker_mailbox
    client.force_login(emma)
    page = client.get(reverse("helpdesk:index")).content.decode()
    assert "Eerste zorg" in page and "Tweede zorg" in page


@pytest.mark.parametrize(
    "lookup",
    ["asker_mailbox__startswith=a", "asker_mailbox=x", "asker__email=emma@example.com",
     "asker=1", "asker__id__exact=1", "access_token_hash__startswith=a",
     "messages__author__email=emma@example.com", "updated_at__gte=2026-01-01",
     "asker_seen_at__isnull=False", "submission_key=x"],
)  # fmt: skip
def test_the_admin_refuses_lookups_that_could_group_askers(client, hanna, emma, category, lookup):
    ask(emma, category=category, anonymous=True)
    client.force_login(hanna)
    response = client.get(reverse("admin:helpdesk_question_changelist") + "?" + lookup)
    assert response.status_code == 400


def test_the_admin_keeps_its_own_filters(client, hanna, emma, category):
    ask(emma, category=category, anonymous=True, subject="Zichtbaar")
    client.force_login(hanna)
    url = reverse("admin:helpdesk_question_changelist")
    for query in (
        "is_anonymous__exact=1",
        f"category__id__exact={category.pk}",
        "status__exact=open",
    ):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200 and "Zichtbaar" in response.content.decode()
    page = client.get(url).content.decode()
    assert "asker_mailbox" not in page and "mailbox" not in page
