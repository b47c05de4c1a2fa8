"""Every figure passes insights.privacy.publish: groups under five show nothing, and neither
does a group that the shown total minus the shown groups would give away."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse

from insights import figures
from insights.figures import Selection
from insights.privacy import publish
from insights.raw import NotPublished, RawCell
from tests.insights.helpers import days_ago, department, figure


@pytest.fixture
def three_departments(db):
    return department("Vier", 4), department("Zes", 6), department("Twaalf", 12)


def breakdown(dashboard, key):
    return next(b for s in dashboard.sections for b in s.breakdowns if b.key == key)


def series(dashboard, key):
    return next(x for s in dashboard.sections for x in s.series if x.key == key)


def selection():
    return Selection(start=days_ago(60), end=days_ago(1))


def test_it_hides_a_department_of_four_and_the_next_smallest_beside_the_total(three_departments):
    four, six, twelve = three_departments
    figure("trainings.enrolments", four, 3)
    figure("trainings.enrolments", six, 5)
    figure("trainings.enrolments", twelve, 9)

    shown = dict(breakdown(publish(figures.dashboard(selection())), "trainings.enrolments").rows)

    assert shown["Vier"].hidden and shown["Vier"].value is None
    # The total (17) minus Twaalf (9) would give Vier and Zes together only; minus Zes too
    # it would give Vier: so Zes is hidden as well.
    assert shown["Zes"].hidden
    assert shown["Twaalf"].value == 9


def test_it_never_lets_a_total_minus_the_other_departments_give_a_small_one_away(
    three_departments,
):
    for n, dept in enumerate(three_departments):
        figure("helpdesk.questions", dept, 10 + n)
    dashboard = publish(figures.dashboard(selection()))
    table = breakdown(dashboard, "helpdesk.questions")
    hidden = [cell for _name, cell in table.rows if cell.hidden]
    assert table.total.value == 33
    assert len(hidden) != 1  # one hidden part beside a total is the total minus the others


def test_it_refuses_a_department_of_four_as_a_filter_with_a_clear_message(
    client, hanna, three_departments
):
    four = three_departments[0]
    client.force_login(hanna)
    response = client.get(reverse("insights:index"), {"department": four.pk})
    assert response.status_code == 200
    assert "Vier heeft minder dan 5 mensen" in response.content.decode()
    assert response.context["selection"].department is None


def test_it_shows_no_figure_of_a_department_of_four_even_when_asked_directly(three_departments):
    four = three_departments[0]
    figure("trainings.enrolments", four, 3)
    chosen = Selection(start=days_ago(60), end=days_ago(1), department=four.pk)
    enrolments = series(publish(figures.dashboard(chosen)), "trainings.enrolments")
    assert enrolments.total.hidden
    assert all(cell.hidden for cell in enrolments.cells)
    assert all(value is None for value in enrolments.chart["datasets"][0]["data"])


def test_it_hides_an_average_over_fewer_than_five_answers(three_departments):
    twelve = three_departments[2]
    figure("trainings.satisfaction", twelve, 9, 2)  # two ratings of 4.5 on average
    rating = series(publish(figures.dashboard(selection())), "trainings.satisfaction")
    assert rating.total.hidden


def test_it_refuses_to_turn_a_raw_figure_into_text():
    raw = RawCell(3, 0, 4)
    with pytest.raises(NotPublished):
        str(raw)
    with pytest.raises(NotPublished):
        f"{raw}"  # noqa: B907
    with pytest.raises(NotPublished):
        Template("{{ raw }}").render(Context({"raw": raw}))
    # Templates cannot reach the numbers inside: Django refuses names starting with "_".
    with pytest.raises(TemplateSyntaxError):
        Template("{{ raw._amount }}")


def test_it_refuses_to_publish_a_cell_alone():
    with pytest.raises(TypeError):
        publish(RawCell(3, 0, 10))


def test_it_shows_no_person_anywhere(client, hanna, three_departments):
    twelve = three_departments[2]
    figure("trainings.enrolments", twelve, 9)
    client.force_login(hanna)
    body = client.get(reverse("insights:index")).content.decode()
    export = client.get(reverse("insights:export"), {"figure": "trainings.enrolments"})
    for person in twelve.members.all():
        assert person.email not in body
        assert person.full_name not in body
    assert b"@example.com" not in b"".join(export.streaming_content)
    # The daily figures have no person in them at all.
    from insights.models import DailyFigure

    assert not [
        f for f in DailyFigure._meta.get_fields() if f.name in {"person", "user", "employee"}
    ]


def test_it_refuses_the_department_that_hides_a_small_one_beside_the_total(
    client, hanna, three_departments
):
    """Vier alone is hidden, so Zes is hidden beside the organisation's total too: showing Zes
    on its own would let the total minus Zes and Twaalf give Vier away."""
    zes = three_departments[1]
    hanna.department = None  # so these three are the organisation's only departments
    hanna.save()
    client.force_login(hanna)
    response = client.get(reverse("insights:index"), {"department": zes.pk})
    assert "Zes kan niet apart worden getoond" in response.content.decode()
    assert response.context["selection"].department is None
