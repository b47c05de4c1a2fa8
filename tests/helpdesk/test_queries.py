"""List pages and the question page run a fixed number of queries, whatever the rows."""

import pytest
from django.urls import reverse

from helpdesk.models import Message
from tests.factories import UserFactory
from tests.helpdesk.factories import (
    PDF,
    CategoryFactory,
    FaqEntryFactory,
    MessageFactory,
    QuestionFactory,
    SavedReplyFactory,
    checked,
    hr_colleague,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def add_questions(number, **fields):
    categories = [CategoryFactory() for _ in range(3)]
    staff = [hr_colleague() for _ in range(2)]
    for index in range(number):
        QuestionFactory(
            category=categories[index % 3],
            asker=UserFactory() if index % 4 else None,
            is_anonymous=not index % 4,
            asker_mailbox="x" * 64 if not index % 4 else "",
            assignee=staff[index % 2] if index % 3 else None,
            is_confidential=index % 7 == 0,
            **fields,
        )


@pytest.mark.parametrize(
    "query",
    ["", "?status=", "?q=tweeten&status=", "?sla=overdue&status=&category=1", "?page=2&status="],
)
def test_the_queue_runs_the_same_queries_for_5_and_50_questions(
    client, hanna, django_assert_num_queries, query
):
    client.force_login(hanna)
    add_questions(5)
    url = reverse("helpdesk:queue") + query
    with_five = count_queries(client, url)
    add_questions(45)
    # New people and notifications make the caches load once more: measured warm, as before.
    assert count_queries(client, url) == with_five
    assert with_five <= 14


def test_the_question_page_runs_the_same_queries_for_5_and_50_messages(
    client, emma, hanna, django_assert_num_queries
):
    from tests.guidelines.factories import published_tip

    question = QuestionFactory(asker=emma)
    SavedReplyFactory()
    published_tip()

    def add(number):
        for index in range(number):
            message = MessageFactory(question=question, author=hanna,
                                     kind=list(Message.Kind)[index % 3])  # fmt: skip
            if index % 5 == 0:
                from helpdesk.services.files import attachment_store

                attachment_store(question=question, upload=checked("a.pdf", PDF), message=message)

    client.force_login(hanna)
    add(5)
    with_five = count_queries(client, question.get_manage_url())
    add(45)
    with django_assert_num_queries(with_five):
        client.get(question.get_manage_url())
    client.force_login(emma)
    asker_five = count_queries(client, question.get_absolute_url())
    add(5)
    with django_assert_num_queries(asker_five):
        client.get(question.get_absolute_url())


def test_my_questions_and_the_faq_do_not_grow_with_rows(client, emma, django_assert_num_queries):
    client.force_login(emma)

    def add(number):
        for _ in range(number):
            QuestionFactory(asker=emma)
            FaqEntryFactory()

    add(5)
    counts = {url: count_queries(client, url) for url in
              (reverse("helpdesk:index"), reverse("helpdesk:faq"), reverse("home"))}  # fmt: skip
    add(45)
    for url, expected in counts.items():
        with django_assert_num_queries(expected):
            client.get(url)


def test_hr_home_panel_does_not_grow_with_rows(client, hanna, django_assert_num_queries):
    client.force_login(hanna)
    add_questions(5)
    with_five = count_queries(client, reverse("home"))
    add_questions(45)
    assert count_queries(client, reverse("home")) == with_five
