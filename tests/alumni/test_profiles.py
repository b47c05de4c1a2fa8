import datetime

import pytest
from django.urls import reverse

from alumni.models import Profile, Skill, Visibility
from hrsocial.models import AuditEntry
from tests.factories import AlumnusFactory
from tests.queries import count_queries

VALID = {
    "former_department": "Finance", "year_from": "2015", "year_to": "2022",
    "current_organisation": "Zelfstandig", "current_role": "Controller",
    "skills_text": "Payroll, excel , payroll", "linkedin_url": "",
    "available_from": "2027-01-04", "available_until": "2027-03-31", "hours_per_week": "16",
    "kvk_number": "12345678",
    **{f"visibility_{f}": "hr" for f in Profile.SHARED_FIELDS},
}  # fmt: skip


def test_it_starts_with_every_field_for_hr_only_and_every_consent_off(anouk):
    profile = Profile.objects.create(user=anouk)
    assert not profile.in_directory and not profile.receives_newsletter
    assert all(profile.visibility_of(f) == Visibility.HR for f in Profile.SHARED_FIELDS)
    assert not Profile.objects.directory().exists()


def test_a_member_saves_skills_and_availability(client, anouk):
    client.force_login(anouk)
    response = client.post(reverse("alumni:profile-edit"), {**VALID, "in_directory": "on"})
    assert response.status_code == 302
    profile = Profile.objects.get(user=anouk)
    assert sorted(profile.skills.values_list("name", flat=True)) == ["excel", "payroll"]
    assert profile.available_from == datetime.date(2027, 1, 4) and profile.in_directory
    assert profile.kvk_number == ""  # alumni have no KvK number field


def test_availability_ending_before_it_starts_is_refused_and_nothing_saved(client, anouk):
    client.force_login(anouk)
    response = client.post(
        reverse("alumni:profile-edit"), {**VALID, "available_until": "2026-12-01"}
    )
    assert response.status_code == 200
    assert "eindigen" in response.content.decode() or response.context["form"].errors
    assert not Skill.objects.exists()
    assert Profile.objects.get(user=anouk).available_from is None


def test_a_freelancer_needs_a_kvk_number_of_eight_digits(client, femke):
    client.force_login(femke)
    response = client.post(reverse("alumni:profile-edit"), {**VALID, "kvk_number": "1234567"})
    assert response.status_code == 200
    assert "kvk_number" in response.context["form"].errors
    client.post(reverse("alumni:profile-edit"), {**VALID, "hourly_rate_min": "60",
                                                  "hourly_rate_max": "85"})  # fmt: skip
    assert Profile.objects.get(user=femke).kvk_number == "12345678"


def _member(name, *, skills=(), visibility=None, directory=True):
    profile = Profile.objects.create(
        user=AlumnusFactory(full_name=name), in_directory=directory,
        current_role="Adviseur", visibility=visibility or {},
        available_from=datetime.date(2020, 1, 1),
    )  # fmt: skip
    for name in skills:
        profile.skills.add(Skill.objects.get_or_create(name=name)[0])
    return profile


def test_the_directory_shows_members_only_what_they_share_with_members(client, anouk):
    _member("Open Olga", skills=["payroll"], visibility=SHARED)
    _member("Gesloten Gert", skills=["payroll"])
    _member("Niet Vermeld", skills=["payroll"], visibility={"skills": "members"}, directory=False)
    client.force_login(anouk)
    page = client.get(reverse("alumni:directory")).content.decode()
    assert "Open Olga" in page and "Gesloten Gert" in page and "Niet Vermeld" not in page
    found = client.get(reverse("alumni:directory"), {"skill": "payroll"}).content.decode()
    assert "Open Olga" in found and "Gesloten Gert" not in found  # skills kept for HR


def test_hr_finds_by_skill_what_is_shared_with_hr_and_the_read_is_audited(client, hanna):
    gert = _member("Gesloten Gert", skills=["payroll"])
    client.force_login(hanna)
    assert (
        "Gesloten Gert"
        in client.get(reverse("alumni:directory"), {"skill": "pay"}).content.decode()
    )
    client.get(reverse("alumni:profile-detail", args=[gert.pk]))
    assert AuditEntry.objects.filter(action="alumni.profile_read").count() == 1


def test_hr_never_finds_a_member_by_what_they_keep_from_everyone(client, hanna):
    """Visible to "nobody" means hidden from HR too: a search must not reveal a skill or an
    availability a member keeps from everyone (the profile page hides them from HR as well)."""
    _member("Open Olga", skills=["payroll"])
    _member("Stille Sem", skills=["payroll"], visibility={"skills": "nobody"})
    _member("Bezette Bo", skills=["payroll"], visibility={"availability": "nobody"})
    client.force_login(hanna)
    by_skill = client.get(reverse("alumni:directory"), {"skill": "payroll"}).content.decode()
    assert "Open Olga" in by_skill and "Bezette Bo" in by_skill and "Stille Sem" not in by_skill
    available = client.get(reverse("alumni:directory"), {"available": "on"}).content.decode()
    assert "Open Olga" in available and "Stille Sem" in available
    assert "Bezette Bo" not in available


def test_a_member_not_in_the_directory_is_not_found_by_other_members(client, anouk):
    hidden = _member("Niet Vermeld", directory=False)
    client.force_login(anouk)
    assert client.get(reverse("alumni:profile-detail", args=[hidden.pk])).status_code == 404


SHARED = {"skills": "members", "availability": "members"}


def test_the_directory_runs_the_same_queries_for_5_and_50_members(client, anouk):
    for i in range(5):
        _member(f"Lid {i}", skills=["payroll", "excel"], visibility=SHARED)
    client.force_login(anouk)
    url = reverse("alumni:directory") + "?skill=payroll&available=on"
    few = count_queries(client, url)
    assert "Lid 0" in client.get(url).content.decode()
    for i in range(45):
        _member(f"Lid b{i}", skills=["payroll"], visibility=SHARED)
    assert count_queries(client, url) == few


@pytest.mark.parametrize("viewer", ["member", "hr"])
def test_directory_search_and_page_two_cost_the_same_at_two_sizes(client, anouk, hanna, viewer):
    """The bench's directory pages (20,000 members there): skill search, and a later page."""
    from alumni.directory import PAGE_SIZE as DIRECTORY_PAGE_SIZE

    def add(n, prefix):
        for i in range(n):
            _member(f"{prefix} {i:03}", skills=["payroll", "excel"], visibility=SHARED)

    add(DIRECTORY_PAGE_SIZE + 5, "Lid a")
    client.force_login(anouk if viewer == "member" else hanna)
    urls = [
        reverse("alumni:directory") + "?skill=pay",
        reverse("alumni:directory") + "?page=2",
        reverse("alumni:directory") + "?skill=excel&available=on&page=2",
    ]
    few = [count_queries(client, url) for url in urls]
    add(3 * DIRECTORY_PAGE_SIZE, "Lid b")
    assert [count_queries(client, url) for url in urls] == few


def test_a_skill_search_lists_each_member_once(client, anouk):
    _member("Twee Vaardigheden", skills=["payroll", "payroll-advies"], visibility=SHARED)
    client.force_login(anouk)
    page = client.get(reverse("alumni:directory"), {"skill": "payroll"})
    assert page.context["page"].paginator.count == 1


def test_the_directory_total_follows_changes_and_its_rows_are_always_live(client, anouk):
    """The total of a search is cached (alumni.directory.DIRECTORY_SEARCH); who is listed is
    not: a change that sends no signal (a bulk update elsewhere) never lists someone who left."""
    from people.models import User

    first = _member("Eerste Lid", skills=["payroll"], visibility=SHARED)
    client.force_login(anouk)
    url = reverse("alumni:directory")
    assert client.get(url, {"skill": "payroll"}).context["page"].paginator.count == 1
    _member("Tweede Lid", skills=["payroll"], visibility=SHARED)  # a new profile forgets it
    assert client.get(url, {"skill": "payroll"}).context["page"].paginator.count == 2
    first.in_directory = False
    first.save()
    assert client.get(url, {"skill": "payroll"}).context["page"].paginator.count == 1
    first.in_directory = True
    first.save()
    User.objects.filter(pk=first.user_id).update(is_active=False)  # no signal: total stays 2
    page = client.get(url, {"skill": "payroll"}).content.decode()
    assert "Tweede Lid" in page and "Eerste Lid" not in page


def test_a_renamed_member_moves_in_the_directory_at_once(client, anouk):
    _member("Bert", visibility=SHARED)
    carla = _member("Carla", visibility=SHARED)
    client.force_login(anouk)
    names = lambda: [c.name for c in client.get(reverse("alumni:directory")).context["page"]]  # noqa: E731
    assert names() == ["Bert", "Carla"]
    carla.user.full_name = "Anna"
    carla.user.save(update_fields=["full_name"])
    assert names() == ["Anna", "Bert"]
