"""HR's acknowledgement report: rates per tip and department, who is missing, the CSV export."""

from datetime import datetime

import pytest

from guidelines import reports
from guidelines.models import Acknowledgement, ChangeKind
from hrsocial.models import AuditEntry
from tests.exports import read_csv, read_xlsx
from tests.factories import UserFactory
from tests.guidelines.factories import change_tip, open_tips, published_tip
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(emma, milan, hanna, cas, anouk):
    """Two tips everyone acknowledged; then HR changed the second one materially and only
    Emma read it again."""
    first = published_tip(title="Eerste")
    second = published_tip(title="Tweede")
    for person in (emma, milan, hanna, cas, anouk):
        for tip in (first, second):
            Acknowledgement.objects.create(person=person, guideline=tip, version=1)
    change_tip(second, kind=ChangeKind.MATERIAL, tip="Nu echt anders")
    Acknowledgement.objects.create(person=emma, guideline=second, version=2)
    return first, second


def test_the_rate_per_tip_counts_only_current_acknowledgements_of_current_staff(world):
    rates = {
        r.guideline.title: (r.acknowledged, r.total, r.percent)
        for r in reports.acknowledgement_report().tip_rates
    }
    # Staff: Emma, Milan, Hanna, Cas (Anouk is an alumna and does not count).
    assert rates == {"Eerste": (4, 4, 100), "Tweede": (1, 4, 25)}


def test_the_rate_per_tip_says_how_many_opened_it_since_its_last_material_change(
    world, emma, milan, cas, anouk
):
    first, second = world
    open_tips(milan, first)  # opened, not confirmed
    open_tips(emma, first, second)  # now in version 2 of the second
    open_tips(anouk, first)  # an alumna does not count
    open_tips(cas, first)
    change_tip(first, kind=ChangeKind.EDITORIAL, tip="Typfout hersteld")
    open_tips(cas, first)  # version 2 of the first: still one person
    rates = {
        r.guideline.title: (r.opened, r.acknowledged, r.total)
        for r in reports.acknowledgement_report().tip_rates
    }
    assert rates == {"Eerste": (3, 4, 4), "Tweede": (1, 1, 4)}


def test_the_report_page_shows_the_opened_column(client, hanna, world, emma):
    open_tips(emma, *world)
    client.force_login(hanna)
    html = client.get("/guidelines/manage/acknowledgements/").content.decode()
    assert '<th scope="col" class="text-end">Geopend</th>' in html
    assert '<td class="text-end">1 / 4</td>' in html


def test_the_rate_per_department(world, communication):
    rates = {r.name: r for r in reports.acknowledgement_report().department_rates}
    communicatie = rates["Communicatie"]  # Emma and Milan
    assert (communicatie.members, communicatie.complete, communicatie.percent_complete) == (
        2,
        1,
        50,
    )
    assert communicatie.percent_pairs == 75
    ict = rates["ICT"]  # Cas
    assert (ict.members, ict.complete, ict.percent_pairs) == (1, 0, 50)


def test_people_who_left_no_longer_count(world, cas):
    cas.is_active = False
    cas.save()
    rates = {
        r.guideline.title: (r.acknowledged, r.total)
        for r in reports.acknowledgement_report().tip_rates
    }
    assert rates == {"Eerste": (3, 3), "Tweede": (1, 3)}


def test_who_is_missing_overall_per_tip_and_per_department(world, communication):
    first, second = world
    assert [p.full_name for p in reports.missing_people()] == [
        "Cas Peters",
        "Hanna Bakker",
        "Milan de Vries",
    ]
    assert list(reports.missing_people(guideline=first)) == []
    assert [p.full_name for p in reports.missing_people(department=communication)] == [
        "Milan de Vries"
    ]


def test_the_report_page_shows_rates_and_missing_people_and_is_audited(client, hanna, world):
    client.force_login(hanna)
    html = client.get("/guidelines/manage/acknowledgements/").content.decode()
    assert "1 / 4" in html and "25%" in html
    assert "Milan de Vries" in html and "Cas Peters" in html
    assert "Emma Jansen" not in html
    assert AuditEntry.objects.filter(action="guidelines.report-view", actor=hanna).exists()


def test_the_report_filters_by_department_and_tip(client, hanna, world, communication):
    first, second = world
    client.force_login(hanna)
    html = client.get(
        f"/guidelines/manage/acknowledgements/?department={communication.pk}&guideline={second.pk}"
    ).content.decode()
    assert "Wie ‘Tweede’ nog niet heeft bevestigd" in html
    assert "Milan de Vries" in html and "Cas Peters" not in html


def test_a_bad_filter_is_ignored_not_an_error(client, hanna, world):
    client.force_login(hanna)
    response = client.get(
        "/guidelines/manage/acknowledgements/?department=abc&guideline=999999&page=x"
    )
    assert response.status_code == 200


def test_the_report_costs_the_same_number_of_queries_for_5_or_50_people(client, hanna):
    tip = published_tip()

    def queries():
        client.force_login(hanna)
        return count_queries(client, "/guidelines/manage/acknowledgements/")

    for person in UserFactory.create_batch(5):
        open_tips(person, tip)
        Acknowledgement.objects.create(person=person, guideline=tip, version=1)
    few = queries()
    for person in UserFactory.create_batch(45):
        open_tips(person, tip)
        Acknowledgement.objects.create(person=person, guideline=tip, version=1)
    UserFactory.create_batch(5)  # and some who did not
    assert queries() == few


def test_the_export_has_a_line_per_employee_and_tip(client, hanna, world):
    client.force_login(hanna)
    response = client.get("/guidelines/manage/acknowledgements/export/")
    assert response["Content-Disposition"].startswith('attachment; filename="acknowledgements-')
    rows = read_csv(response)
    assert rows[0] == [
        "Naam",
        "E-mail",
        "Afdeling",
        "Tip",
        "Status",
        "Bevestigde versie",
        "Bevestigd op",
    ]
    lines = {(r[0], r[3]): (r[4], r[5]) for r in rows[1:]}
    assert len(lines) == 8  # four employees, two tips
    assert lines[("Emma Jansen", "Tweede")] == ("bevestigd", "2")
    assert lines[("Milan de Vries", "Tweede")] == ("opnieuw te bevestigen", "1")
    assert AuditEntry.objects.filter(action="guidelines.export", actor=hanna).exists()


def test_the_export_neutralises_spreadsheet_formulas(client, hanna):
    published_tip(title='=HYPERLINK("http://evil")')
    UserFactory(full_name="+Mallory")
    client.force_login(hanna)
    body = b"".join(
        client.get("/guidelines/manage/acknowledgements/export/").streaming_content
    ).decode()
    assert "'+Mallory" in body and "'=HYPERLINK" in body


def test_the_export_comes_as_xlsx_with_the_same_rows(client, hanna, world):
    client.force_login(hanna)
    url = "/guidelines/manage/acknowledgements/export/"
    csv_rows = read_csv(client.get(url))
    xlsx_rows = read_xlsx(client.get(url + "?format=xlsx"))
    assert xlsx_rows[0] == csv_rows[0]
    as_text = [
        [
            "" if v is None else v.date().isoformat() if isinstance(v, datetime) else str(v)
            for v in row
        ]
        for row in xlsx_rows[1:]
    ]
    assert sorted(as_text) == sorted(csv_rows[1:])


def test_only_hr_sees_the_report(client, emma, milan):
    for person in (emma, milan):
        client.force_login(person)
        assert client.get("/guidelines/manage/acknowledgements/").status_code == 403
        assert client.get("/guidelines/manage/acknowledgements/export/").status_code == 403
