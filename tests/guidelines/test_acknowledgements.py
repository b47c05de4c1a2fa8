"""Acknowledging tips one by one or all at once, and a material change asking for one tip again."""

import pytest

from guidelines.models import Acknowledgement, ChangeKind, Guideline, TipOpening
from tests.guidelines.factories import change_tip, open_tips, published_tip

pytestmark = pytest.mark.django_db


def outstanding(person):
    return {g.title for g in Guideline.objects.outstanding_for(person)}


@pytest.fixture
def tips():
    return [published_tip(title=f"Tip {n}") for n in range(3)]


def test_an_employee_acknowledges_one_tip(client, emma, tips):
    open_tips(emma, tips[0])
    client.force_login(emma)
    response = client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1})
    assert response.status_code == 302
    assert response["Location"] == f"/guidelines/#tip-{tips[0].pk}"
    assert outstanding(emma) == {"Tip 1", "Tip 2"}


def test_with_htmx_the_tip_shows_it_is_done_in_place(client, emma, tips):
    open_tips(emma, tips[0])
    client.force_login(emma)
    response = client.post(
        f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="ack-status" id="ack-{tips[0].pk}">')
    assert "Gelezen en begrepen" in html and "<form" not in html


def test_acknowledging_twice_records_it_once(client, emma, tips):
    open_tips(emma, tips[0])
    client.force_login(emma)
    for _attempt in range(2):
        client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1})
    assert Acknowledgement.objects.filter(person=emma).count() == 1


def test_a_tip_that_changed_while_reading_is_not_acknowledged(client, emma, tips):
    change_tip(tips[0], kind=ChangeKind.MATERIAL, tip="Nieuwe inhoud")
    client.force_login(emma)
    response = client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}, follow=True)
    assert "is gewijzigd terwijl je hem las" in response.content.decode()
    assert not Acknowledgement.objects.exists()


@pytest.mark.parametrize("version", ["", "abc", "-1"])
def test_a_missing_or_odd_version_is_refused_kindly(client, emma, tips, version):
    client.force_login(emma)
    response = client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": version})
    assert response.status_code == 302
    assert not Acknowledgement.objects.exists()


def test_one_click_acknowledges_every_tip_on_the_overview(client, emma, tips):
    open_tips(emma, *tips)
    client.force_login(emma)
    seen = [f"{t.pk}:{t.version}" for t in tips]
    response = client.post("/guidelines/acknowledge/", {"seen": seen}, follow=True)
    assert "je hebt 3 tips bevestigd" in response.content.decode()
    assert outstanding(emma) == set()
    assert "Je hebt alle tips gelezen en begrepen" in response.content.decode()


def test_one_click_skips_a_tip_that_changed_since_the_page_was_shown(client, emma, tips):
    open_tips(emma, *tips)
    seen = [f"{t.pk}:{t.version}" for t in tips]
    change_tip(tips[2], kind=ChangeKind.MATERIAL, tip="Intussen gewijzigd")
    client.force_login(emma)
    response = client.post("/guidelines/acknowledge/", {"seen": seen + ["zzz", "5:x"]}, follow=True)
    html = response.content.decode()
    assert "je hebt 2 tips bevestigd" in html and "Gewijzigd terwijl je las" in html
    assert outstanding(emma) == {"Tip 2"}


def test_one_click_with_nothing_left_says_so(client, emma):
    client.force_login(emma)
    response = client.post("/guidelines/acknowledge/", {}, follow=True)
    assert "Er viel niets meer te bevestigen." in response.content.decode()


def test_alumni_and_freelancers_do_not_acknowledge(client, anouk, tips):
    client.force_login(anouk)
    assert client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}).status_code == 403
    assert not Acknowledgement.objects.exists()


def test_a_material_change_asks_only_that_tip_again(client, emma, tips):
    open_tips(emma, *tips)
    client.force_login(emma)
    client.post("/guidelines/acknowledge/", {"seen": [f"{t.pk}:1" for t in tips]})
    change_tip(tips[1], kind=ChangeKind.MATERIAL, tip="Belangrijk anders")
    assert outstanding(emma) == {"Tip 1"}
    [changed] = Guideline.objects.outstanding_for(emma)
    assert changed.acknowledged_before  # named as "changed" on the overview and home page


def test_an_editorial_change_keeps_the_acknowledgement(client, emma, tips):
    open_tips(emma, *tips)
    client.force_login(emma)
    client.post("/guidelines/acknowledge/", {"seen": [f"{t.pk}:1" for t in tips]})
    change_tip(tips[1], kind=ChangeKind.EDITORIAL, tip="Typfout hersteld")
    assert outstanding(emma) == set()


def test_after_acknowledging_a_newer_version_the_older_still_counts_for_history(emma, tips):
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=1)
    change_tip(tips[0], kind=ChangeKind.MATERIAL, tip="v2")
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=2)
    assert list(
        emma.guideline_acknowledgements.values_list("version", flat=True).order_by("version")
    ) == [1, 2]
    assert "Tip 0" not in outstanding(emma)


def test_the_home_page_lists_the_tips_to_do_naming_the_changed_ones(client, emma, tips):
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=1)
    Acknowledgement.objects.create(person=emma, guideline=tips[1], version=1)
    change_tip(tips[0], kind=ChangeKind.MATERIAL, tip="v2")
    client.force_login(emma)
    html = client.get("/").content.decode()
    assert "Tips om te lezen" in html
    assert "Er wachten 2 tips op je ‘gelezen en begrepen’." in html
    assert 'Tip 0</a> <span class="badge text-bg-warning">gewijzigd</span>' in html
    assert "Tip 2</a></li>" in html
    assert "‘Tip 0’ is gewijzigd sinds je hem las" in html


def test_the_home_panel_goes_away_when_everything_is_done(client, emma, tips):
    for tip in tips:
        Acknowledgement.objects.create(person=emma, guideline=tip, version=1)
    client.force_login(emma)
    assert "Tips om te lezen" not in client.get("/").content.decode()


def test_the_home_panel_costs_one_query_however_many_tips(client, emma, rf):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guidelines.home import acknowledgement_todo

    def queries_for_panel():
        request = rf.get("/")
        request.user = emma
        with CaptureQueriesContext(connection) as queries:
            acknowledgement_todo(request)
        return len(queries)

    published_tip()
    few = queries_for_panel()
    for _n in range(10):
        published_tip()
    assert queries_for_panel() == few == 1


def test_people_outside_the_staff_get_no_home_panel(client, femke, tips):
    client.force_login(femke)
    assert "Tips om te lezen" not in client.get("/").content.decode()


# --- Opening before acknowledging ----------------------------------------------------------


def test_a_tip_that_was_not_opened_cannot_be_acknowledged(client, emma, tips):
    client.force_login(emma)
    response = client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}, follow=True)
    assert "Open ‘Tip 0’ en lees de tip eerst" in response.content.decode()
    assert not Acknowledgement.objects.exists()


def test_opening_the_tips_page_records_it_once_per_version(client, emma, tips):
    client.force_login(emma)
    for _attempt in range(2):
        assert client.get(f"/guidelines/{tips[0].pk}/").status_code == 200
    assert list(TipOpening.objects.values_list("person", "guideline", "version")) == [
        (emma.pk, tips[0].pk, 1)
    ]
    response = client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1})
    assert response.status_code == 302
    assert outstanding(emma) == {"Tip 1", "Tip 2"}


def test_an_opening_before_a_material_change_does_not_count(client, emma, tips):
    open_tips(emma, tips[0])
    change_tip(tips[0], kind=ChangeKind.MATERIAL, tip="Nieuwe inhoud")
    client.force_login(emma)
    client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 2})
    assert not Acknowledgement.objects.exists()
    client.get(f"/guidelines/{tips[0].pk}/")
    client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 2})
    assert Acknowledgement.objects.get().version == 2


def test_an_opening_before_an_editorial_change_still_counts(client, emma, tips):
    open_tips(emma, tips[0])
    change_tip(tips[0], kind=ChangeKind.EDITORIAL, tip="Typfout hersteld")
    client.force_login(emma)
    client.post(f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 2})
    assert Acknowledgement.objects.get().version == 2


def test_one_click_acknowledges_only_the_tips_that_were_opened(client, emma, tips):
    open_tips(emma, tips[1])
    client.force_login(emma)
    seen = [f"{t.pk}:{t.version}" for t in tips]
    response = client.post("/guidelines/acknowledge/", {"seen": seen}, follow=True)
    html = response.content.decode()
    assert "je hebt één tip bevestigd" in html
    assert "Nog niet bevestigd, omdat je ze nog niet hebt geopend: Tip 0, Tip 2" in html
    assert outstanding(emma) == {"Tip 0", "Tip 2"}


def test_the_overview_asks_to_open_a_tip_before_confirming_it(client, emma, tips):
    open_tips(emma, tips[0])
    client.force_login(emma)
    html = client.get("/guidelines/").content.decode()
    assert f'action="/guidelines/{tips[0].pk}/acknowledge/"' in html
    assert f'action="/guidelines/{tips[1].pk}/acknowledge/"' not in html
    assert "Open de tip om te bevestigen dat je hem las" in html
    assert 'action="/guidelines/acknowledge/"' not in html  # one opened tip: its own button
    open_tips(emma, tips[1])
    html = client.get("/guidelines/").content.decode()
    assert "Ik heb de 2 tips die ik opende gelezen en begrepen" in html
    assert f'value="{tips[2].pk}:1"' not in html


def test_alumni_opening_a_tip_is_refused_and_not_recorded(client, anouk, tips):
    client.force_login(anouk)
    assert client.get(f"/guidelines/{tips[0].pk}/").status_code == 403
    assert not TipOpening.objects.exists()


def test_with_htmx_on_the_overview_the_summary_is_updated_too(client, emma, tips):
    open_tips(emma, *tips)
    client.force_login(emma)
    response = client.post(
        f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    summary = html[html.index('<div id="ack-summary"') :]
    assert summary.startswith('<div id="ack-summary" class="no-print" data-hx-swap-oob="true">')
    assert "Er wachten 2 tips op je ‘gelezen en begrepen’." in summary
    assert f'value="{tips[0].pk}:1"' not in summary and f'value="{tips[1].pk}:1"' in summary


def test_with_htmx_on_the_tips_page_the_changed_note_goes_away(client, emma, tips):
    Acknowledgement.objects.create(person=emma, guideline=tips[0], version=1)
    change_tip(tips[0], kind=ChangeKind.MATERIAL, tip="Nieuwe inhoud")
    client.force_login(emma)
    page = client.get(f"/guidelines/{tips[0].pk}/").content.decode()
    assert "Je hebt versie 1 bevestigd." in page
    response = client.post(
        f"/guidelines/{tips[0].pk}/acknowledge/",
        {"version": 2, "next": "detail"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Gelezen en begrepen" in html and "<form" not in html
    assert "Je hebt versie 1 bevestigd." not in html and "ack-summary" not in html


def test_with_htmx_a_tip_not_opened_links_to_its_page_with_the_reason(client, emma, tips):
    client.force_login(emma)
    response = client.post(
        f"/guidelines/{tips[0].pk}/acknowledge/", {"version": 1}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    in_place = html.split("ack-summary")[0]
    assert f'href="/guidelines/{tips[0].pk}/"' in in_place and "<form" not in in_place
    assert "Open ‘Tip 0’ en lees de tip eerst" in in_place
    assert not Acknowledgement.objects.exists()
