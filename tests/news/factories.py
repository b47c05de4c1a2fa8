from datetime import timedelta

import factory
from django.utils import timezone

from news.models import Consultation, ConsultationQuestion, Post
from tests.factories import UserFactory


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    kind = Post.Kind.NEWS
    status = Post.Status.PUBLISHED
    title = factory.Sequence(lambda n: f"Nieuwsbericht {n}")
    body = "Vanaf volgende maand werken we met een nieuw rooster."
    why = "Omdat het team dat vroeg."
    author = factory.SubFactory(UserFactory)
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


def consultation_on(post, *, anonymous=False, open_=True, **fields):
    now = timezone.now()
    consultation = Consultation.objects.create(
        post=post,
        opens_at=now - timedelta(days=1) if open_ else now - timedelta(days=10),
        closes_at=now + timedelta(days=7) if open_ else now - timedelta(days=1),
        is_anonymous=anonymous,
        **fields,
    )
    ConsultationQuestion.objects.create(
        consultation=consultation, kind="choice", text="Eens?", choices="Ja\nNee", order=0
    )
    ConsultationQuestion.objects.create(
        consultation=consultation, kind="scale", text="Hoe blij?", order=1
    )
    ConsultationQuestion.objects.create(
        consultation=consultation, kind="text", text="Toelichting", order=2
    )
    return consultation


def answers(consultation, choice="Ja", scale="4", text="Goed plan"):
    q = list(consultation.questions.all())
    return {f"answer-{q[0].pk}": choice, f"answer-{q[1].pk}": scale, f"answer-{q[2].pk}": text}
