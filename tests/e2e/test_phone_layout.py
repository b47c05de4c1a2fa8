"""Every page the journeys open, on a phone (375 × 740): none may be wider than the screen, and
each passes axe (with landmark-unique and scrollable-region-focusable). The data is the demo
organisation (seed_demo), so tables have the rows and columns people really see."""

from io import StringIO

import pytest
from django.core.management import call_command

from alumni.models import Gig
from competencies.models import Review
from guidelines.models import Guideline, Rule
from helpdesk.models import FaqEntry, Question
from hrsocial.demo import DEMO_PASSWORD
from insights.models import Initiative
from people.models import Department, JobRole, User
from sharing.models import Share, ShareKit
from tests.e2e.conftest import assert_accessible, sign_in
from trainings.models import Enrolment, Session, Training

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


def employee_pages(emma):
    review = Review.objects.filter(employee=emma).order_by("pk").first()
    enrolment = Enrolment.objects.filter(person=emma).order_by("pk").first()
    question = Question.objects.filter(asker=emma).order_by("pk").first()
    trainings = Training.objects.filter(sessions__isnull=False).distinct().order_by("pk")
    return [
        "/",
        "/notifications/",
        "/notifications/preferences/",
        "/people/",
        "/people/me/",
        f"/people/{emma.pk}/",
        "/search/?q=linkedin",
        "/guidelines/",
        f"/guidelines/{Guideline.objects.order_by('pk').first().pk}/",
        "/guidelines/check/",
        "/sharing/",
        f"/sharing/kits/{ShareKit.objects.shareable_by(emma).order_by('pk').first().pk}/",
        f"/sharing/links/{Share.objects.filter(sharer=emma).order_by('pk').first().code}/",
        "/sharing/mine/",
        "/helpdesk/",
        "/helpdesk/ask/",
        f"/helpdesk/questions/{question.reference}/",
        "/helpdesk/faq/",
        f"/helpdesk/faq/{FaqEntry.objects.order_by('pk').first().pk}/",
        "/trainings/",
        *(f"/trainings/{training.pk}/" for training in trainings[:4]),
        "/trainings/mine/",
        f"/trainings/enrolments/{enrolment.pk}/",
        "/trainings/self-scan/",
        "/competencies/",
        f"/competencies/people/{emma.pk}/",
        f"/competencies/people/{emma.pk}/gaps/",
        f"/competencies/reviews/{review.pk}/",
        "/competencies/framework/",
        "/competencies/experts/?q=linkedin",
        "/integrations/tokens/",
        "/news/",
        *(f"/news/{pk}/" for pk in _news_posts()),
        "/news/new/",
        *recruitment_pages(),
    ]


def recruitment_pages():
    from recruitment.models import Application, Vacancy

    vacancy = Vacancy.objects.get(slug="communicatieadviseur-online")
    return [
        "/recruitment/",
        f"/recruitment/vacancies/{vacancy.pk}/",
        "/recruitment/referrals/",
        "/vacatures/",
        f"/vacatures/{vacancy.slug}/",
        f"/vacatures/{vacancy.slug}/solliciteren/",
        f"/vacatures/{vacancy.slug}/vraag/",
        Application.objects.filter(vacancy=vacancy).order_by("pk").first().get_status_url(),
    ]


def recruitment_hr_pages():
    from recruitment.models import Application, CandidateQuestion, Vacancy

    vacancy = Vacancy.objects.get(slug="communicatieadviseur-online")
    application = Application.objects.filter(vacancy=vacancy).order_by("pk").first()
    return [
        "/recruitment/hr/",
        f"/recruitment/hr/vacancies/{vacancy.pk}/",
        f"/recruitment/hr/vacancies/{vacancy.pk}/edit/",
        f"/recruitment/hr/applications/{application.pk}/",
        f"/recruitment/hr/applications/{application.pk}/email/interview/",
        "/recruitment/hr/questions/",
        f"/recruitment/hr/questions/{CandidateQuestion.objects.order_by('pk').first().pk}/",
        "/recruitment/hr/figures/",
    ]


def _news_posts():
    from news.models import Post

    return (
        Post.objects.live()
        .filter(audience="employees")
        .order_by("-is_pinned", "pk")
        .values_list("pk", flat=True)[:2]
    )


def manager_pages(milan):
    own = Review.objects.get(employee=milan, status=Review.Status.SELF_ASSESSMENT)
    to_review = Review.objects.filter(
        employee__manager=milan, status=Review.Status.AWAITING_REVIEW
    ).first()
    return [
        "/",
        "/competencies/team/",
        f"/competencies/reviews/{own.pk}/self-assessment/",
        f"/competencies/reviews/{to_review.pk}/review/",
        "/trainings/",
    ]


def hr_pages():
    cycle = Review.objects.filter(status=Review.Status.SELF_ASSESSMENT).first().cycle
    department = Department.objects.filter(members__isnull=False).distinct().first()
    role = JobRole.objects.filter(competency_requirements__isnull=False).distinct().first()
    question = Question.objects.filter(asker__isnull=False).order_by("pk").first()
    session = Session.objects.filter(enrolments__isnull=False).distinct().first()
    rule_kind = Rule.Kind.CONFIDENTIAL.value
    return [
        "/",
        "/integrations/webhooks/",
        "/integrations/channels/",
        "/competencies/hr/",
        f"/competencies/hr/cycles/{cycle.pk}/",
        f"/competencies/hr/departments/{department.pk}/",
        "/competencies/hr/cycles/new/",
        "/competencies/hr/roles/",
        f"/competencies/hr/roles/{role.pk}/",
        "/guidelines/manage/",
        f"/guidelines/manage/{Guideline.objects.order_by('pk').first().pk}/edit/",
        "/guidelines/manage/acknowledgements/",
        "/guidelines/manage/rules/",
        f"/guidelines/manage/rules/{rule_kind}/",
        "/helpdesk/queue/",
        "/provisioning/",
        "/accounts/2fa/",
        f"/people/{User.objects.get(email='employee@example.com').pk}/second-factor/reset/",
        f"/helpdesk/queue/{question.reference}/",
        f"/helpdesk/queue/{question.reference}/faq/",
        "/news/manage/",
        "/news/moderation/",
        "/trainings/hr/sessions/",
        f"/trainings/hr/sessions/{session.pk}/",
        f"/trainings/hr/enrolments/{session.enrolments.order_by('pk').first().pk}/",
        "/trainings/hr/report/",
        "/trainings/hr/self-scan/",
        "/people/import/",
        "/sharing/manage/",
        f"/sharing/manage/{ShareKit.objects.order_by('pk').first().pk}/",
        "/sharing/manage/new/",
        "/sharing/manage/figures/",
        "/insights/",
        "/insights/initiatives/",
        "/insights/initiatives/new/",
        f"/insights/initiatives/{Initiative.objects.order_by('pk').first().pk}/",
        "/insights/report/",
        "/insights/shares/",
        "/alumni/",
        "/alumni/verification/",
        "/alumni/directory/?skill=webcare",
        "/alumni/gigs/",
        *(
            f"/alumni/gigs/{pk}/"
            for pk in Gig.objects.order_by("pk").values_list("pk", flat=True)[:2]
        ),
        "/alumni/gigs/new/",
        *recruitment_hr_pages(),
    ]


def _message(error) -> str:
    """An assertion's own message, without pytest's comparison that follows it."""
    lines = str(error).splitlines()
    return "\n".join(
        lines[: next((n for n, line in enumerate(lines) if line.startswith("assert ")), None)]
    )


def page_problems(page, url):
    """What is wrong with the page at url on a phone, as readable lines (empty: nothing)."""
    response = page.goto(url)
    if response is None or response.status != 200:
        return [f"{url}: HTTP {response.status if response else '?'}"]
    problems = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        wide = page.evaluate(
            """(limit) => [...document.querySelectorAll('main *')]
                .filter(el => el.getBoundingClientRect().right > limit + 1)
                .filter(el => el.parentElement.getBoundingClientRect().right <= limit + 1)
                .slice(0, 3)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))""",
            PHONE["width"],
        )
        problems.append(f"{url}: {width} px wide (widest parts: {', '.join(wide)})")
    try:
        assert_accessible(page)
    except AssertionError as error:
        problems.append(_message(error))
    return problems


def test_every_journey_page_fits_a_phone_for_every_role(live_server, page):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    page.set_viewport_size(PHONE)
    emma = User.objects.get(email="employee@example.com")
    milan = User.objects.get(email="manager@example.com")
    hanna = User.objects.get(email="hr@example.com")

    problems = []
    for person, paths in (
        (emma, employee_pages(emma)),
        (milan, manager_pages(milan)),
        (hanna, hr_pages()),
    ):
        page.context.clear_cookies()
        sign_in(page, live_server, person, password=DEMO_PASSWORD)
        for path in paths:
            problems += page_problems(page, live_server.url + path)
        if person == emma:
            # The answers to the self-scan and the checker's verdict are pages of their own.
            page.goto(live_server.url + "/trainings/self-scan/")
            for group in page.locator("fieldset:has(input[type=radio])").all():
                group.get_by_role("radio").first.check()
            page.get_by_role("button", name="Toon mijn uitslag").click()
            page.wait_for_url("**/self-scan/result/")
            problems += page_problems(page, page.url)
            page.goto(live_server.url + "/guidelines/check/")
            page.get_by_label("Je concept").fill(
                "Trots op ons project bij de klant! Bel me: 06-12345678, of mail "
                "emma.jansen@example.com."
            )
            page.get_by_role("button", name="Check mijn concept").click()
            page.locator("#verdict-heading").wait_for()
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"the checker's verdict: {width} px wide")
            try:
                assert_accessible(page)
            except AssertionError as error:
                problems.append(_message(error))

    assert problems == [], "On a 375 px phone:\n" + "\n".join(problems)


def test_the_unread_count_shows_beside_the_closed_menu(live_server, page):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    page.set_viewport_size(PHONE)
    emma = User.objects.get(email="employee@example.com")
    assert emma.notifications.filter(read_at__isnull=True).exists()
    sign_in(page, live_server, emma, password=DEMO_PASSWORD)
    assert page.get_by_role("button", name="Menu tonen of verbergen").is_visible()
    badge = page.get_by_test_id("unread-count-collapsed")
    assert badge.is_visible(), "the unread count hides inside the collapsed menu"
    unread = emma.notifications.filter(read_at__isnull=True).count()
    assert badge.inner_text().split()[:2] == ["Meldingen", str(unread)]
    badge.click()
    page.wait_for_url("**/notifications/")
