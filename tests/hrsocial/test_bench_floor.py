"""The signed-in floor of `make bench`: the base layout for a signed-in person, nothing else."""

from django.test import override_settings

from bench.common import Page
from bench.run import target


@override_settings(ROOT_URLCONF="bench.urls")
def test_the_signed_in_floor_is_the_base_layout_for_a_signed_in_person(client, emma):
    assert client.get("/bench/floor/").status_code == 302  # signed in only, like every page
    client.force_login(emma)
    response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][:1] == ["base.html"]
    assert "<main" in response.content.decode()


def test_each_kind_of_page_is_held_to_its_own_target():
    everyday, hr_list = Page("a", "/"), Page("b", "/", user="hr@example.com", kind="list")
    public = Page("c", "/", user=None)
    assert target(everyday, of_trivial=9, of_floor=21).endswith("met")
    assert target(everyday, of_trivial=9, of_floor=19).endswith("NOT met")
    assert target(hr_list, of_trivial=5, of_floor=15).endswith(": met")
    assert target(public, of_trivial=49, of_floor=0).endswith("NOT met")
    assert target(Page("floor", "/", kind="reference"), of_trivial=1, of_floor=1) == ""
