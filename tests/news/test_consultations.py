"""Consultations; the anonymous ones read as an attacker with the database would."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from news import services
from news.models import AnonymousAnswer, Participation, Post
from notifications.models import Notification
from tests.factories import UserFactory
from tests.news.factories import PostFactory, answers, consultation_on

pytestmark = pytest.mark.django_db


def _table(model) -> tuple[list[str], list[tuple]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {model._meta.db_table}")
        return [c[0] for c in cursor.description], cursor.fetchall()


def test_an_anonymous_answer_cannot_be_linked_to_its_person_from_the_tables(emma):
    consultation = consultation_on(PostFactory(kind=Post.Kind.POLICY), anonymous=True)
    people = [emma] + [UserFactory() for _ in range(5)]
    for n, person in enumerate(people):
        services.consultation_answer(
            consultation=consultation, person=person, data=answers(consultation, text=f"tekst {n}")
        )
    columns, rows = _table(AnonymousAnswer)
    # No column that points at a person or a participation, nor a moment finer than the day.
    assert set(columns) == {"id", "question_id", "choice", "scale", "text", "day"}
    p_columns, p_rows = _table(Participation)
    participation_keys = {str(value) for row in p_rows for value in row}
    answer_values = {str(value) for row in rows for value in row}
    assert not {k for k in participation_keys if len(k) > 20} & answer_values  # no shared key
    # The ids are random: their order is not the order of answering.
    ids = [row[columns.index("id")] for row in rows]
    assert len(set(ids)) == len(ids) and all(len(str(i).replace("-", "")) == 32 for i in ids)


def test_an_anonymous_answer_is_final(emma):
    consultation = consultation_on(PostFactory(), anonymous=True)
    services.consultation_answer(consultation=consultation, person=emma, data=answers(consultation))
    with pytest.raises(ValidationError):
        services.consultation_answer(
            consultation=consultation, person=emma, data=answers(consultation, choice="Nee")
        )
    assert AnonymousAnswer.objects.filter(choice="Nee").count() == 0
    assert Participation.objects.count() == 1


def test_a_named_answer_can_change_until_the_consultation_closes(emma):
    consultation = consultation_on(PostFactory())
    services.consultation_answer(consultation=consultation, person=emma, data=answers(consultation))
    services.consultation_answer(
        consultation=consultation, person=emma, data=answers(consultation, choice="Nee")
    )
    participation = Participation.objects.get()
    assert participation.named_answers.get(question__kind="choice").choice == "Nee"


def test_it_refuses_answers_to_a_closed_or_not_yet_open_consultation(emma):
    from datetime import timedelta

    from django.utils import timezone

    closed = consultation_on(PostFactory(), open_=False)
    with pytest.raises(ValidationError):
        services.consultation_answer(consultation=closed, person=emma, data=answers(closed))
    later = consultation_on(PostFactory())
    later.opens_at = timezone.now() + timedelta(days=1)
    later.save()
    with pytest.raises(ValidationError):
        services.consultation_answer(consultation=later, person=emma, data=answers(later))
    assert not Participation.objects.exists()


def test_it_refuses_an_answer_outside_the_offered_choices(emma):
    consultation = consultation_on(PostFactory())
    with pytest.raises(ValidationError):
        services.consultation_answer(
            consultation=consultation, person=emma, data=answers(consultation, choice="Misschien")
        )
    assert not Participation.objects.exists()


def test_it_shows_no_results_below_five_and_free_text_only_from_ten(emma):
    consultation = consultation_on(PostFactory(), anonymous=True)
    people = [UserFactory() for _ in range(6)]
    for person in people[:4]:
        services.consultation_answer(
            consultation=consultation, person=person, data=answers(consultation)
        )
    assert not services.consultation_results(consultation).enough
    for person in people[4:]:
        services.consultation_answer(
            consultation=consultation, person=person, data=answers(consultation)
        )
    results = services.consultation_results(consultation)
    assert results.enough and results.questions[0].choices[0] == ("Ja", 6, 100)
    assert results.questions[2].texts is None  # fewer than ten open answers


def test_it_shows_department_figures_of_a_named_consultation_only_from_five(emma, cas):
    consultation = consultation_on(PostFactory())
    big = [UserFactory(department=emma.department) for _ in range(5)]
    small = [UserFactory(department=cas.department) for _ in range(2)]
    for person in big + small:
        services.consultation_answer(
            consultation=consultation, person=person, data=answers(consultation)
        )
    groups = services.consultation_results(consultation).questions[0].departments
    # The small group is hidden, and so is the big one beside the total (complementary).
    assert [g.shown for g in groups] == [False, False]


def test_hr_sees_results_without_names_exports_and_responds(client, hanna, emma):
    post = PostFactory(kind=Post.Kind.POLICY)
    consultation = consultation_on(post, anonymous=True)
    people = [emma] + [UserFactory() for _ in range(4)]
    for person in people:
        services.consultation_answer(
            consultation=consultation, person=person, data=answers(consultation)
        )
    client.force_login(hanna)
    page = client.get(reverse("news:consultation-report", args=[post.pk])).content.decode()
    assert "Ja: 5" in page and emma.full_name not in page
    export = client.get(reverse("news:consultation-export", args=[post.pk]))
    assert export.status_code == 200 and "Eens?" in b"".join(export.streaming_content).decode(
        "utf-8-sig"
    )
    client.post(reverse("news:consultation-respond", args=[post.pk]), {"response": "We doen het."})
    assert Notification.objects.filter(category="news.response").count() == 5


def test_the_answer_page_says_an_anonymous_answer_is_final(client, emma):
    post = PostFactory()
    consultation_on(post, anonymous=True)
    client.force_login(emma)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "definitief" in page or "final" in page


def test_hr_creates_a_consultation_with_a_form(client, hanna):
    post = PostFactory(kind=Post.Kind.POLICY)
    client.force_login(hanna)
    response = client.post(
        reverse("news:consultation-edit", args=[post.pk]),
        {
            "opens_at": "2026-01-01T09:00",
            "closes_at": "2036-01-01T09:00",
            "anonymous": "on",
            "q1_text": "Eens?",
            "q1_kind": "choice",
            "q1_choices": "Ja\nNee",
            "q2_text": "",
            "q2_kind": "scale",
            "q3_text": "",
            "q3_kind": "text",
        },
    )
    assert response.status_code == 302
    assert post.consultation.is_anonymous and post.consultation.questions.count() == 1
