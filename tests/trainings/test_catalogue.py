"""The catalogue: filters, search, a training's page, and a query count that stays put."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import DepartmentFactory
from tests.queries import count_queries
from tests.trainings.factories import (
    CompetencyFactory,
    ElearningFactory,
    SessionFactory,
    TrainingFactory,
)
from trainings.models import Session, Training
from trainings.views.catalogue import end_of_month

Format = Training.Format


def listed(client, query=""):
    response = client.get(reverse("trainings:index") + query)
    assert response.status_code == 200
    return sorted(t.title for t in response.context["page"].object_list)


@pytest.fixture
def signed_in(client, emma):
    client.force_login(emma)
    return client


def test_it_filters_by_format_level_language_and_competency(signed_in, linkedin):
    TrainingFactory(title="LinkedIn voor beginners", develops=[(linkedin, 2)])
    TrainingFactory(title="Webinar schrijven", format=Format.WEBINAR, language="en")
    TrainingFactory(title="Expert branding", level="expert")
    ElearningFactory(title="Privacy online")
    TrainingFactory(title="Concept", is_published=False)

    assert listed(signed_in, "?format=webinar") == ["Webinar schrijven"]
    assert listed(signed_in, "?level=expert") == ["Expert branding"]
    assert listed(signed_in, "?language=en") == ["Webinar schrijven"]
    assert listed(signed_in, f"?competency={linkedin.pk}") == ["LinkedIn voor beginners"]
    assert "Concept" not in listed(signed_in)
    # Nonsense in the URL is ignored, not an error page.
    assert len(listed(signed_in, "?format=boat&level=9&competency=abc&page=-3")) == 4


def test_it_searches_titles_and_summaries(signed_in):
    TrainingFactory(title="LinkedIn voor beginners")
    TrainingFactory(title="Schrijven voor sociale media", summary="Korte teksten die werken")
    assert listed(signed_in, "?q=linkedin") == ["LinkedIn voor beginners"]
    assert listed(signed_in, "?q=teksten") == ["Schrijven voor sociale media"]


def test_has_seats_this_month_looks_at_free_seats_before_next_month(client, emma):
    with time_machine.travel(timezone.make_aware(timezone.datetime(2031, 3, 10, 12, 0))):
        client.force_login(emma)
        now = timezone.now()
        soon = TrainingFactory(title="Deze maand, plek vrij")
        SessionFactory(training=soon, starts_at=now + timedelta(days=5))
        full = TrainingFactory(title="Deze maand, vol")
        Session.objects.filter(
            pk=SessionFactory(training=full, starts_at=now + timedelta(days=5), capacity=1).pk
        ).update(seats_taken=1)
        later = TrainingFactory(title="Volgende maand")
        SessionFactory(training=later, starts_at=now + timedelta(days=30))
        past = TrainingFactory(title="Al geweest")
        SessionFactory(
            training=past,
            starts_at=now - timedelta(days=3),
            ends_at=now - timedelta(days=3) + timedelta(hours=1),
        )
        assert end_of_month(now).isoformat().startswith("2031-04-01T00:00:00+02:00")
        assert listed(client, "?seats=on") == ["Deze maand, plek vrij"]


def test_meant_for_me_uses_the_audience(signed_in, emma):
    TrainingFactory(title="Voor iedereen")
    TrainingFactory(title="Voor Communicatie").departments.add(emma.department)
    TrainingFactory(title="Voor ICT").departments.add(DepartmentFactory(name="ICT"))
    assert listed(signed_in, "?mine=on") == ["Voor Communicatie", "Voor iedereen"]


def test_the_catalogue_works_without_competencies(signed_in):
    TrainingFactory(title="Zonder competenties")
    response = signed_in.get(reverse("trainings:index"))
    assert 'name="competency"' not in response.content.decode()
    assert listed(signed_in) == ["Zonder competenties"]


def catalogue_queries(client, rows: int) -> int:
    competency = CompetencyFactory()
    for _number in range(rows):
        training = TrainingFactory(develops=[(competency, 2)])
        for day in (3, 10):
            SessionFactory(training=training, starts_at=timezone.now() + timedelta(days=day))
    url = reverse("trainings:index") + "?mine=on&format=classroom&language=nl"
    queries = count_queries(client, url)
    assert len(client.get(url).context["page"].object_list) == min(rows, 20)
    return queries


@pytest.mark.parametrize("rows", [5, 50])
def test_the_catalogue_runs_a_fixed_number_of_queries(signed_in, rows):
    assert catalogue_queries(signed_in, rows) <= 9


def test_the_query_count_does_not_grow_with_rows(client, emma, hanna):
    client.force_login(emma)
    few = catalogue_queries(client, 5)
    many = catalogue_queries(client, 50)
    assert few == many


def test_a_training_page_shows_sessions_seats_and_my_place(signed_in, emma, training):
    open_session = SessionFactory(training=training, capacity=3)
    full = SessionFactory(
        training=training, capacity=1, starts_at=open_session.starts_at + timedelta(days=7)
    )
    Session.objects.filter(pk=full.pk).update(seats_taken=1)
    page = signed_in.get(training.get_absolute_url()).content.decode()
    assert "3 van 3 plekken vrij" in page
    assert "Op de wachtlijst" in page and "Inschrijven" in page
    assert "Online communicatie tot niveau 2 – bekwaam" in page


def test_a_draft_is_only_for_hr(client, emma, hanna):
    draft = TrainingFactory(is_published=False)
    client.force_login(emma)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(hanna)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_manager_can_propose_from_the_training_page(client, milan, emma, training):
    client.force_login(milan)
    page = client.get(training.get_absolute_url()).content.decode()
    assert "Stel voor aan iemand in je team" in page and "Emma Jansen" in page


def test_global_search_finds_trainings(signed_in):
    TrainingFactory(title="LinkedIn voor beginners")
    response = signed_in.get(reverse("search") + "?q=linkedin")
    assert "LinkedIn voor beginners" in response.content.decode()


def test_descriptions_are_sanitised(signed_in):
    training = TrainingFactory(description="**Vet** <script>alert(1)</script>")
    page = signed_in.get(training.get_absolute_url()).content.decode()
    assert "<strong>Vet</strong>" in page and "<script>alert(1)" not in page


def test_english_speakers_get_the_english_texts(client, emma, training):
    training.title_en = "LinkedIn for beginners"
    training.save()
    emma.preferred_language = "en"
    emma.save()
    client.force_login(emma)
    page = client.get(reverse("trainings:index")).content.decode()
    assert "LinkedIn for beginners" in page
    assert "Take the self-scan" in page and "Doe de zelfscan" not in page
