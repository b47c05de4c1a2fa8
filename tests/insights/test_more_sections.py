"""The sections of sharing, news, recruitment and alumni: their apps' daily aggregates, the
people behind a rate or average, and a query count that does not grow with the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alumni.models import Gig, Interest, Membership, Profile
from hrsocial import audit
from insights.figures import Selection, dashboard
from insights.models import DailyFigure
from insights.privacy import publish
from insights.services import daily_figures_build
from news.models import Comment, Confirmation, Participation, Reaction, Reading
from people.models import User
from recruitment.models import Application
from sharing.models import DailyFigure as ClickFigure
from tests.factories import AlumnusFactory, UserFactory
from tests.insights.helpers import department
from tests.news.factories import PostFactory, consultation_on
from tests.recruitment.factories import VacancyFactory
from tests.sharing.factories import KitFactory, ShareFactory


def yesterday():
    day = timezone.localdate() - datetime.timedelta(days=1)
    noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())
    return day, noon


def rows(key):
    return {
        r.department_id: (r.amount, r.base) for r in DailyFigure.objects.filter(figure=f"{key}")
    }


def share(person, *, kit=None, channel="linkedin", at, clicks=0):
    made = ShareFactory(sharer=person, department=person.department, channel=channel,
                        created_at=at, **({"kit": kit} if kit else {}))  # fmt: skip
    if clicks:
        ClickFigure.objects.create(
            share=made, day=at.date(), kit=made.kit, channel=channel, sharer=person,
            department=person.department, clicks=clicks,
        )  # fmt: skip
    return made


def test_it_counts_shares_and_counted_clicks_per_department_and_channel(db):
    sales = department("Sales", 6)
    day, noon = yesterday()
    people = list(sales.members.all())
    vacancy_kit = KitFactory(shareable_key="recruitment.vacancy")
    share(people[0], at=noon, clicks=4)
    share(people[1], at=noon, channel="whatsapp", clicks=2)
    share(people[2], kit=vacancy_kit, at=noon, clicks=3)
    share(AlumnusFactory(), at=noon, clicks=1)

    daily_figures_build(day=day)

    assert rows("sharing.shares") == {sales.pk: (3, 0), None: (1, 0)}
    assert rows("sharing.clicks") == {sales.pk: (9, 0), None: (1, 0)}
    assert rows("sharing.click_through")[sales.pk] == (9, 3)
    assert rows("sharing.click_through_linkedin")[sales.pk] == (7, 2)
    assert rows("sharing.click_through_whatsapp") == {sales.pk: (2, 1)}
    assert rows("sharing.vacancy_shares") == {sales.pk: (1, 0)}
    assert rows("sharing.vacancy_clicks") == {sales.pk: (3, 0)}


def test_it_shows_no_click_through_of_a_department_of_four(db):
    """Four people shared fifty links: the average over fifty shares is about four people,
    and shows nothing; beside the total, the next-smallest department is hidden too."""
    four = department("Vier", 4)
    six = department("Zes", 6)
    seven = department("Zeven", 7)
    day, noon = yesterday()
    kits = [KitFactory() for _n in range(13)]
    for person in four.members.all():
        for kit in kits[:12]:
            share(person, kit=kit, at=noon, clicks=2)
    for dept in (six, seven):
        for person in dept.members.all():
            share(person, kit=kits[12], at=noon, clicks=3)
    daily_figures_build(day=day)
    assert rows("sharing.click_through")[four.pk] == (96, 48)

    shown = publish(dashboard(Selection(start=day - datetime.timedelta(days=3), end=day)))
    section = next(s for s in shown.sections if s.label == "sharing")
    breakdown = next(b for b in section.breakdowns if b.key == "sharing.click_through")
    cells = dict(breakdown.rows)
    assert cells["Vier"].hidden and cells["Vier"].value is None
    assert cells["Zes"].hidden  # else the total minus Zeven gives Vier away
    assert not cells["Zeven"].hidden and cells["Zeven"].value == 3

    four_only = publish(dashboard(Selection(start=day, end=day, department=four.pk)))
    series = next(s for s in four_only.sections if s.label == "sharing").series
    assert all(s.total.hidden for s in series)


def test_it_counts_readers_comments_reactions_turnout_and_must_reads(db):
    sales = department("Sales", 6)
    support = department("Support", 5)
    day, noon = yesterday()
    people = list(sales.members.all())
    post = PostFactory(publish_at=noon - datetime.timedelta(days=3))
    for person in people[:3]:
        Reading.objects.create(post=post, person=person, read_at=noon)
    Comment.objects.create(post=post, author=people[0], body="Goed!", created_at=noon)
    Reaction.objects.create(post=post, person=people[1], kind="like", created_at=noon)
    named = consultation_on(PostFactory(kind="policy"))
    named.closes_at = noon
    named.save()
    anonymous = consultation_on(PostFactory(kind="policy"), anonymous=True)
    anonymous.closes_at = noon
    anonymous.save()
    for person in people[:2]:
        Participation.objects.create(consultation=named, person=person)
        Participation.objects.create(consultation=anonymous, person=person)
    must = PostFactory(requires_confirmation=True, publish_at=noon - datetime.timedelta(days=2))
    for person in people[:3]:
        Confirmation.objects.create(post=must, person=person, version=1, confirmed_at=noon)

    daily_figures_build(day=day)

    assert rows("news.readers") == {sales.pk: (3, 0)}
    assert rows("news.comments") == {sales.pk: (1, 0)}
    assert rows("news.reactions") == {sales.pk: (1, 0)}
    everyone = User.objects.employees().count()
    turnout = rows("news.consultation_turnout")
    assert turnout[sales.pk] == (2, 6) and turnout[support.pk] == (0, 5)
    assert turnout[None] == (2, everyone)  # the anonymous one: no department's share of it
    rate = rows("news.confirmation_rate")
    assert rate[sales.pk] == (3, 6) and rate[support.pk] == (0, 5)


def test_it_counts_applications_hires_referrals_and_days_to_hire(db):
    sales = department("Sales", 6)
    day, noon = yesterday()
    vacancy = VacancyFactory(department=sales)
    referrer = sales.members.first()

    def application(**fields):
        return Application.objects.create(vacancy=vacancy, email="c@example.org", **fields)

    application(created_at=noon)
    application(created_at=noon, channel="linkedin", referral_code="abc", referrer=referrer)
    application(created_at=noon - datetime.timedelta(days=10), stage="hired", ended_at=noon,
                referrer=referrer, referral_code="abc")  # fmt: skip
    application(created_at=noon - datetime.timedelta(days=20), stage="hired", ended_at=noon)
    application(created_at=noon - datetime.timedelta(days=5), stage="rejected", ended_at=noon)

    daily_figures_build(day=day)

    assert rows("recruitment.applications") == {sales.pk: (2, 0)}
    assert rows("recruitment.applications_via_share") == {sales.pk: (1, 0)}
    assert rows("recruitment.hires") == {sales.pk: (2, 0)}
    assert rows("recruitment.hires_via_share") == {sales.pk: (1, 0)}
    assert rows("recruitment.referral_share") == {sales.pk: (1, 2)}
    assert rows("recruitment.time_to_hire") == {sales.pk: (30, 2)}


def test_it_counts_the_network_in_the_organisation_and_boomerangs_in_their_department(db):
    sales = department("Sales", 6)
    day, noon = yesterday()
    members = [AlumnusFactory(date_joined=noon) for _n in range(3)]
    Profile.objects.create(user=members[0], in_directory=True)
    pending = AlumnusFactory(date_joined=noon)
    Membership.objects.create(user=pending)
    Membership.objects.filter(pk=Membership.objects.create(user=members[1]).pk).update(
        status="verified", decided_at=noon
    )
    gig = Gig.objects.create(title="Workshop", description="Een dag", starts_on=day)
    Interest.objects.filter(pk=Interest.objects.create(gig=gig, member=members[2]).pk).update(
        created_at=noon
    )
    audit.record(actor=None, action="alumni.gig_pick", target=gig, member=members[2].pk)
    from hrsocial.models import AuditEntry

    AuditEntry.objects.filter(action="alumni.gig_pick").update(created_at=noon)
    back = UserFactory(department=sales, start_date=day)
    Membership.objects.create(user=back, status="verified")

    daily_figures_build(day=day)

    assert rows("alumni.members") == {None: (4, 0)}
    assert rows("alumni.verified") == {None: (1, 0)}
    assert rows("alumni.directory_opt_in") == {None: (1, 3)}  # the pending one is no member
    assert rows("alumni.gig_interest") == {None: (1, 0)}
    assert rows("alumni.gig_fills") == {None: (1, 0)}
    assert rows("alumni.boomerang_hires") == {sales.pk: (1, 0)}


def _queries(daily, day) -> int:
    with CaptureQueriesContext(connection) as captured:
        daily(day)
    return len(captured)


def _activity(dept, noon, n):
    people = list(dept.members.all())
    vacancy = VacancyFactory(department=dept)
    must = PostFactory(requires_confirmation=True, publish_at=noon - datetime.timedelta(days=2))
    for i in range(n):
        person = people[i % len(people)]
        share(person, kit=KitFactory(), at=noon, clicks=2)
        post = PostFactory(publish_at=noon - datetime.timedelta(days=1))
        Reading.objects.create(post=post, person=person, read_at=noon)
        Comment.objects.create(post=post, author=person, body="Ja", created_at=noon)
        consultation = consultation_on(post)
        consultation.closes_at = noon
        consultation.save()
        Participation.objects.create(consultation=consultation, person=person)
        Application.objects.create(vacancy=vacancy, email=f"{i}@example.org", created_at=noon,
                                   stage="hired", ended_at=noon)  # fmt: skip
        AlumnusFactory(date_joined=noon)
    Confirmation.objects.create(post=must, person=people[0], version=1, confirmed_at=noon)
    from guidelines.models import DraftCheckTally

    for kind in ("", "*", "email", "phone")[: 1 + n % 4]:
        DraftCheckTally.objects.create(day=noon.date(), department=dept, kind=kind, count=n)


@pytest.mark.parametrize("label", ["guidelines", "sharing", "news", "recruitment", "alumni"])
def test_it_asks_each_section_with_as_many_queries_for_more_rows(db, label):
    from insights.sections import installed_sections

    section = next(s for s in installed_sections() if s.label == label)
    day, noon = yesterday()
    _activity(department("Een", 5), noon, 2)
    few = _queries(section.daily, day)
    for n in range(4):
        _activity(department(f"Meer {n}", 6), noon, 6)
    assert _queries(section.daily, day) == few <= 9


def test_it_counts_the_drafts_checked_and_what_each_rule_found_never_the_drafts(client, db):
    from guidelines.models import DraftCheckTally

    sales = department("Sales", 6)
    person = sales.members.first()
    client.force_login(person)
    secret = "Mail me op jan@example.com of bel 0612345678"
    for text in (secret, "Mooie dag vandaag!", "Schrijf naar piet@example.com"):
        assert client.post("/guidelines/check/", {"text": text}).status_code == 200
    assert client.post(
        "/guidelines/api/check/", {"text": "Mooi werk, team!"},
        content_type="application/json",
    ).status_code in (200, 400)  # fmt: skip

    stored = " ".join(str(v) for row in DraftCheckTally.objects.values() for v in row.values())
    assert "example.com" not in stored and "0612345678" not in stored
    daily_figures_build(day=timezone.localdate())
    today = {
        r.figure: (r.amount, r.base)
        for r in DailyFigure.objects.filter(figure__startswith="guidelines.", department=sales)
    }
    assert today["guidelines.found_email"] == (2, 0)
    assert today["guidelines.found_phone"] == (1, 0)
    checked = today["guidelines.draft_checks"][0]
    assert checked >= 3 and today["guidelines.draft_flagged"] == (2, 0)


def test_it_follows_shares_of_vacancies_to_hires_for_employees_and_alumni(db):
    """The chain counts each stage in the period (never a person followed through it)."""
    sales = department("Sales", 6)
    day, noon = yesterday()
    kit = KitFactory(shareable_key="recruitment.vacancy")
    employee, alumnus = sales.members.first(), AlumnusFactory()
    share(employee, kit=kit, at=noon, clicks=5)
    share(alumnus, kit=kit, at=noon, clicks=3)
    vacancy = VacancyFactory(department=sales)
    for referrer in (employee, alumnus):
        Application.objects.create(vacancy=vacancy, email="a@example.org", created_at=noon,
                                   referrer=referrer, referral_code="code")  # fmt: skip
    Application.objects.create(
        vacancy=vacancy, email="b@example.org", created_at=noon - datetime.timedelta(days=9),
        referrer=alumnus, referral_code="code", stage="hired", ended_at=noon,
    )  # fmt: skip
    daily_figures_build(day=day)

    shown = publish(dashboard(Selection(start=day - datetime.timedelta(days=3), end=day)))
    chains = {c.key: [cell.value for _label, cell in c.stages] for c in shown.chains}
    assert chains["recruitment"] == [2, 8, 2, 1]
    assert chains["alumni-recruitment"] == [1, 3, 1, 1]
