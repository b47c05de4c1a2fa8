import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from recruitment.models import Application, CandidateQuestion, Vacancy
from recruitment.services.applications import application_submit
from tests.queries import count_queries
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def applications(vacancy, n):
    Application.objects.bulk_create(
        Application(
            vacancy=vacancy,
            name=f"Kandidaat {i}",
            email=f"k{i}@example.org",
            token=f"t{vacancy.pk}-{i}",
        )
        for i in range(n)
    )


def test_the_pipeline_costs_the_same_queries_for_5_and_50_applications(client, hanna):
    client.force_login(hanna)
    small, large = VacancyFactory(), VacancyFactory()
    applications(small, 5)
    applications(large, 50)
    assert count_queries(
        client, reverse("recruitment:hr-pipeline", args=[small.pk])
    ) == count_queries(client, reverse("recruitment:hr-pipeline", args=[large.pk]))


def test_the_counts_per_stage_follow_new_and_moved_applications(client, hanna):
    # They come from the cache (counting 100,000 applications per request was slow); any
    # saved application forgets its vacancy's counts.
    vacancy = VacancyFactory()
    first, _new = application_submit(vacancy=vacancy, name="Sanne", email="s@example.org")
    client.force_login(hanna)
    url = reverse("recruitment:hr-pipeline", args=[vacancy.pk])
    counts = lambda: {value: n for value, _label, n in client.get(url).context["stages"]}  # noqa: E731
    assert counts()["new"] == 1
    application_submit(vacancy=vacancy, name="Piet", email="p@example.org")
    assert counts()["new"] == 2
    client.post(
        reverse("recruitment:hr-application-stage", args=[first.pk]), {"stage": "interview"}
    )
    assert counts()["new"] == 1 and counts()["interview"] == 1
    page = client.get(url, {"stage": "interview"}).context["page"]
    assert page.paginator.count == 1 and [a.name for a in page] == ["Sanne"]
    assert client.get(url).context["page"].paginator.count == 2


def test_hr_moves_an_application_and_the_history_records_it(client, hanna):
    application, _new = application_submit(
        vacancy=VacancyFactory(), name="Sanne", email="s@example.org"
    )
    client.force_login(hanna)
    client.post(
        reverse("recruitment:hr-application-stage", args=[application.pk]), {"stage": "interview"}
    )
    application.refresh_from_db()
    assert application.stage == "interview"
    assert list(application.changes.values_list("stage", flat=True)) == ["new", "interview"]


def test_an_unknown_stage_is_refused_with_a_message(client, hanna):
    application, _new = application_submit(
        vacancy=VacancyFactory(), name="Sanne", email="s@example.org"
    )
    client.force_login(hanna)
    client.post(
        reverse("recruitment:hr-application-stage", args=[application.pk]), {"stage": "fired"}
    )
    application.refresh_from_db()
    assert application.stage == "new"


def test_a_status_email_is_previewed_then_sent_once_in_the_candidates_language(client, hanna):
    application, _new = application_submit(
        vacancy=VacancyFactory(), name="Sam", email="sam@example.org", language="en"
    )
    mail.outbox.clear()
    client.force_login(hanna)
    url = reverse("recruitment:hr-application-email", args=[application.pk, "interview"])
    preview = client.get(url)
    assert b"interview" in preview.content
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(url)
        client.post(url)
    assert len(mail.outbox) == 1
    assert "interview" in mail.outbox[0].subject.lower()


def test_hr_records_that_social_media_were_looked_at(client, hanna):
    application, _new = application_submit(
        vacancy=VacancyFactory(), name="Sanne", email="s@example.org"
    )
    client.force_login(hanna)
    client.post(reverse("recruitment:hr-application-screened", args=[application.pk]))
    application.refresh_from_db()
    assert application.social_screened_at


def test_a_vacancy_with_the_minimum_salary_above_the_maximum_is_refused(
    client, hanna, communication
):
    client.force_login(hanna)
    data = {
        "title": "Adviseur", "department": communication.pk, "location": "Utrecht",
        "hours_per_week": 32, "employment_type": "FULL_TIME", "salary_min": "5000",
        "salary_max": "4000", "description": "Tekst", "opens_on": "2026-03-01",
        "closes_on": "2026-02-01", "status": "open", "visibility": "public",
    }  # fmt: skip
    response = client.post(reverse("recruitment:hr-vacancy-new"), data)
    assert response.status_code == 200
    assert not Vacancy.objects.exists()
    form = response.context["form"]
    assert "salary_max" in form.errors and "closes_on" in form.errors
    data.update(salary_min="", salary_max="", closes_on="")
    response = client.post(reverse("recruitment:hr-vacancy-new"), data)
    assert "salary_min" in response.context["form"].errors
    data.update(salary_min="3000", salary_max="4000")
    assert client.post(reverse("recruitment:hr-vacancy-new"), data).status_code == 302
    assert Vacancy.objects.get().slug == "adviseur"


def test_a_visitor_asks_a_question_and_hr_answers_it_by_email_and_on_the_page(client, hanna):
    vacancy = VacancyFactory()
    client.post(reverse("recruitment-public:ask", args=[vacancy.slug]),
                {"email": "vraag@example.org", "question": "Is er een lease-auto?"})  # fmt: skip
    question = CandidateQuestion.objects.get()
    client.force_login(hanna)
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("recruitment:hr-question", args=[question.pk]),
                    {"question": "Is er een leaseauto?",
                     "answer": "Nee, wel een NS Business Card.", "publish": "on"})  # fmt: skip
    assert mail.outbox[-1].to == ["vraag@example.org"]
    client.logout()
    html = client.get(reverse("recruitment-public:vacancy", args=[vacancy.slug])).content.decode()
    assert "Is er een leaseauto?" in html and "NS Business Card" in html


def test_an_employee_applies_internally_without_a_cv_and_the_manager_is_not_told(
    client, emma, milan
):
    vacancy = VacancyFactory(
        visibility=Vacancy.Visibility.INTERNAL, salary_min=None, salary_max=None
    )
    client.force_login(emma)
    client.post(
        reverse("recruitment:vacancy-apply", args=[vacancy.pk]), {"motivation": "Ik wil groeien."}
    )
    application = Application.objects.get()
    assert application.applicant == emma and application.channel == "internal"
    assert not milan.notifications.exists()


def test_the_manager_is_told_when_the_employee_chooses_so(client, emma, milan):
    vacancy = VacancyFactory()
    client.force_login(emma)
    client.post(
        reverse("recruitment:vacancy-apply", args=[vacancy.pk]),
        {"motivation": "Graag.", "tell_manager": "on"},
    )
    assert milan.notifications.exists()


def test_visitors_and_alumni_do_not_see_internal_vacancies(client, anouk):
    from recruitment.api import open_vacancies

    internal = VacancyFactory(
        visibility=Vacancy.Visibility.INTERNAL, salary_min=None, salary_max=None
    )
    public = VacancyFactory()
    assert [row["title"] for row in open_vacancies(anouk)] == [public.title]
    client.force_login(anouk)
    assert client.get(reverse("recruitment:vacancy", args=[internal.pk])).status_code == 404


def test_figures_show_the_referral_share_only_for_enough_hires(client, hanna):
    client.force_login(hanna)
    assert client.get(reverse("recruitment:hr-figures")).status_code == 200
