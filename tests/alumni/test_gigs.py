import datetime

import pytest
from django.urls import reverse

from alumni import services
from alumni.models import Gig, Interest, Membership, Profile, Skill
from notifications.models import Notification
from people.models import Department
from tests.factories import AlumnusFactory, FreelancerFactory
from tests.queries import count_queries

START = datetime.date(2027, 2, 1)


@pytest.fixture
def gig(hanna):
    return services.gig_create(
        posted_by=hanna, skills=["payroll", "excel"], title="Salarisadministratie",
        description="Drie maanden.", starts_on=START,
    )  # fmt: skip


def test_hr_posts_a_gig_and_members_see_it(client, hanna, anouk):
    client.force_login(hanna)
    response = client.post(reverse("alumni:gig-create"), {
        "title": "Payroll", "description": "Hulp", "starts_on": "2027-02-01",
        "place": "remote", "status": "open", "skills_text": "payroll",
    })  # fmt: skip
    gig = Gig.objects.get()
    assert response.status_code == 302 and gig.skills.get().name == "payroll"
    client.force_login(anouk)
    assert "Payroll" in client.get(reverse("alumni:gig-list")).content.decode()


def test_a_gig_ending_before_it_starts_is_refused(client, hanna):
    client.force_login(hanna)
    response = client.post(reverse("alumni:gig-create"), {
        "title": "Payroll", "description": "Hulp", "starts_on": "2027-02-01",
        "ends_on": "2027-01-01", "place": "remote", "status": "open",
    })  # fmt: skip
    assert response.status_code == 200 and not Gig.objects.exists()


def test_members_show_interest_and_hr_picks_one_and_the_others_hear_it_is_filled(
    client, gig, hanna, anouk, femke
):
    for member in (anouk, femke):
        client.force_login(member)
        client.post(reverse("alumni:interest-create", args=[gig.pk]), {"note": "Graag!"})
    assert Interest.objects.filter(gig=gig).count() == 2
    client.force_login(hanna)
    page = client.get(reverse("alumni:gig-detail", args=[gig.pk])).content.decode()
    assert "Anouk Visser" in page and "Graag!" in page
    client.post(reverse("alumni:gig-pick", args=[gig.pk]), {"member": anouk.pk})
    gig.refresh_from_db()
    assert gig.status == Gig.Status.FILLED and gig.picked == anouk
    assert Notification.objects.get(recipient=anouk).title.startswith("Je bent gekozen") or (
        Notification.objects.filter(recipient=anouk).exists()
    )
    assert Notification.objects.filter(recipient=femke, category="alumni.gig").exists()


def test_interest_in_a_filled_gig_is_refused_with_a_message(client, gig, hanna, anouk, femke):
    services.interest_express(gig=gig, member=anouk)
    services.gig_pick(gig=gig, member=anouk, picked_by=hanna)
    client.force_login(femke)
    response = client.post(reverse("alumni:interest-create", args=[gig.pk]), {}, follow=True)
    assert not Interest.objects.filter(member=femke).exists()
    assert list(response.context["messages"])


def test_hr_cannot_pick_someone_who_showed_no_interest(client, gig, hanna, anouk):
    client.force_login(hanna)
    client.post(reverse("alumni:gig-pick", args=[gig.pk]), {"member": anouk.pk})
    gig.refresh_from_db()
    assert gig.status == Gig.Status.OPEN


def _available(name, skills, kind=AlumnusFactory):
    profile = Profile.objects.create(user=kind(full_name=name), available_from=START)
    profile.skills.set([Skill.objects.get_or_create(name=s)[0] for s in skills])
    return profile


def test_matching_shows_available_members_with_most_matching_skills_first(gig):
    _available("Een Skill", ["payroll"])
    _available("Twee Skills", ["payroll", "excel"])
    _available("Geen Match", ["python"])
    later = _available("Te Laat", ["payroll", "excel"])
    later.available_from = START + datetime.timedelta(days=10)
    later.save()
    names = [p.user.full_name for p in services.gig_matches(gig=gig)]
    assert names == ["Twee Skills", "Een Skill"]


def test_hr_is_warned_when_a_former_employee_would_do_the_same_work_as_freelancer(hanna):
    finance = Department.objects.create(name="Financiën")
    gig = services.gig_create(posted_by=hanna, skills=[], title="Controller", description=".",
                              starts_on=START, department=finance)  # fmt: skip
    former = AlumnusFactory(full_name="Oud Collega", department=finance)
    freelancer = FreelancerFactory(full_name="Oud Collega")
    Membership.objects.create(user=freelancer, status="verified", former_person=former)
    stranger = FreelancerFactory()
    assert services.gig_dba_warnings(gig=gig, people=[freelancer, stranger]) == {freelancer.pk}


def test_the_gig_page_for_hr_runs_the_same_queries_for_5_and_50_interested(client, gig, hanna):
    def add(n):
        for i in range(n):
            p = _available(f"Lid {Interest.objects.count()}-{i}", ["payroll"], FreelancerFactory)
            services.interest_express(gig=gig, member=p.user, note="x")

    add(5)
    client.force_login(hanna)
    url = reverse("alumni:gig-detail", args=[gig.pk])
    few = count_queries(client, url)
    add(45)
    assert count_queries(client, url) == few


def test_gig_matching_costs_the_same_queries_at_two_sizes_and_the_page_too(client, gig, hanna):
    """The bench's HR gig page over 20,000 members: matching costs two queries however many
    members match (the order, then the members), one while the order is cached, and the page
    the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from alumni.permissions import get_gig_for_user

    def add(n):
        for i in range(n):
            _available(f"Match {Profile.objects.count()}-{i}", ["payroll", "excel"][: 1 + i % 2])

    def queries():
        with CaptureQueriesContext(connection) as cold:
            services.gig_matches(gig=prefetched)
        with CaptureQueriesContext(connection) as warm:
            matches = services.gig_matches(gig=prefetched)
        return len(cold), len(warm), matches

    class Request:
        user = hanna

    prefetched = get_gig_for_user(Request, gig.pk)
    add(5)
    *small, matches = queries()
    assert len(matches) == 5
    client.force_login(hanna)
    url = reverse("alumni:gig-detail", args=[gig.pk])
    few = count_queries(client, url)
    add(45)  # new profiles forget the cached order
    *large, matches = queries()
    assert small == large == [2, 1]
    assert len(matches) == 20 and matches[0].matching == 2  # best first, at most 20
    assert count_queries(client, url) == few


def test_a_cached_match_order_never_shows_who_left_or_hid_their_availability(gig):
    from people.models import User

    left = _available("Vertrokken", ["payroll", "excel"])
    hidden = _available("Verborgen", ["payroll", "excel"])
    _available("Blijver", ["payroll"])
    assert len(services.gig_matches(gig=gig)) == 3  # the order is cached now
    # Changes that send no signal (bulk updates elsewhere) leave the cached order in place…
    User.objects.filter(pk=left.user_id).update(is_active=False)
    Profile.objects.filter(pk=hidden.pk).update(visibility={"availability": "nobody"})
    # …but the members are read live, with every rule.
    assert [p.user.full_name for p in services.gig_matches(gig=gig)] == ["Blijver"]


def test_a_changed_profile_or_person_changes_the_matches_at_once(gig):
    one = _available("Een Skill", ["payroll"])
    assert [p.matching for p in services.gig_matches(gig=gig)] == [1]
    one.skills.add(Skill.objects.get(name="excel"))
    assert [p.matching for p in services.gig_matches(gig=gig)] == [2]
    two = _available("Aaa Eerst", ["payroll", "excel"])
    assert [p.pk for p in services.gig_matches(gig=gig)] == [two.pk, one.pk]
    one.user.full_name = "Aa Nog Eerder"
    one.user.save()
    assert [p.pk for p in services.gig_matches(gig=gig)] == [one.pk, two.pk]
