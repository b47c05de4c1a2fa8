"""Every competencies URL with the answer each role gets. The colleague is not the manager's
report: the manager gets 404 for their profile, gaps and review, as anyone would who may not
see them; HR sees everything."""

from tests.access import LOGIN, Route, employees, hr_only, managers_only
from tests.competencies.factories import (
    CompetencyFactory,
    CycleFactory,
    RequirementFactory,
    ReviewFactory,
    self_assessed,
)
from tests.factories import JobRoleFactory


def own_and_above(status=200):
    """The person themselves, their manager and HR; alumni and freelancers are refused."""
    return {**employees(status), "alumnus": 403, "freelancer": 403}


def hr_sees_others(status=200):
    return {**employees(404), "hr": status}


def setup(world):
    world.competency = CompetencyFactory(name="Online communicatie")
    role = JobRoleFactory(title="Communicatieadviseur")
    RequirementFactory(job_role=role, competency=world.competency, level=3)
    world.role = role
    world.cycle = CycleFactory(departments=[world.employee.department])
    world.review = self_assessed(
        ReviewFactory(cycle=world.cycle, employee=world.employee), {world.competency: 2}
    )
    world.colleague_review = ReviewFactory(cycle=world.cycle, employee=world.colleague)


def employee_review(w):
    return {"pk": w.review.pk}


def colleague_review(w):
    return {"pk": w.colleague_review.pk}


ROUTES = [
    Route("competencies:index", employees(200)),
    Route("competencies:framework", employees(200)),
    Route("competencies:profile", own_and_above(), kwargs=lambda w: {"pk": w.employee.pk}),
    Route("competencies:profile", hr_sees_others(), kwargs=lambda w: {"pk": w.colleague.pk}),
    Route("competencies:gaps", own_and_above(), kwargs=lambda w: {"pk": w.employee.pk}),
    Route("competencies:gaps", hr_sees_others(), kwargs=lambda w: {"pk": w.colleague.pk}),
    Route("competencies:review-detail", own_and_above(), kwargs=employee_review),
    Route("competencies:review-detail", hr_sees_others(), kwargs=colleague_review),
    # The self-assessment is the employee's own; those who may read it get 403.
    Route(
        "competencies:self-assessment",
        {**employees(403), "employee": 200},
        kwargs=employee_review,
    ),
    Route(
        "competencies:self-assessment",
        {**employees(403), "employee": 200},
        method="post",
        kwargs=employee_review,
        data={},
    ),
    Route("competencies:self-assessment", {**hr_sees_others(403)}, kwargs=colleague_review),
    # Only the manager reviews; the employee and HR are sent back with a message.
    Route(
        "competencies:manager-review",
        {**employees(302), "manager": 200},
        kwargs=employee_review,
    ),
    Route(
        "competencies:manager-review",
        {**employees(302), "manager": 200},
        method="post",
        kwargs=employee_review,
        data={},
    ),
    # The colleague has no manager, so HR reviews them (here: not self-assessed yet).
    Route("competencies:manager-review", hr_sees_others(302), kwargs=colleague_review),
    Route(
        "competencies:reaction",
        {**employees(403), "employee": 302},
        method="post",
        kwargs=employee_review,
        data={"reaction": "Herkenbaar"},
    ),
    Route("competencies:reaction", hr_sees_others(403), method="post", kwargs=colleague_review),
    Route("competencies:team", managers_only(200)),
    Route("competencies:experts", employees(200)),
    Route("competencies:experts", employees(200), query="?q=tiktok&level=3&page=2"),
    Route("competencies:experts", employees(200), query="?level=9&competency=x"),
    Route("competencies:expert-profile", employees(200)),
    Route(
        "competencies:expert-profile",
        employees(302),
        method="post",
        data={"tags": "TikTok", "ask_me_about": ""},
    ),
    # HR.
    Route("competencies:hr-dashboard", hr_only(200)),
    Route("competencies:competency-create", hr_only(200)),
    Route("competencies:competency-create", hr_only(200), method="post", data={}),
    Route("competencies:competency-edit", hr_only(200), kwargs=lambda w: {"pk": w.competency.pk}),
    Route(
        "competencies:competency-retire",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.competency.pk},
    ),
    Route(
        "competencies:competency-reactivate",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.competency.pk},
    ),
    Route("competencies:category-create", hr_only(200)),
    Route("competencies:category-create", hr_only(200), method="post", data={"name": ""}),
    Route(
        "competencies:category-edit",
        hr_only(200),
        kwargs=lambda w: {"pk": w.competency.category_id},
    ),
    Route("competencies:role-list", hr_only(200)),
    Route("competencies:role-edit", hr_only(200), kwargs=lambda w: {"pk": w.role.pk}),
    Route(
        "competencies:role-edit",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.role.pk},
        data=lambda w: {f"level_{w.competency.pk}": "2"},
    ),
    Route("competencies:cycle-create", hr_only(200)),
    Route("competencies:cycle-create", hr_only(200), method="post", data={"name": "x"}),
    Route("competencies:cycle-detail", hr_only(200), kwargs=lambda w: {"pk": w.cycle.pk}),
    Route(
        "competencies:cycle-close",
        hr_only(302),
        method="post",
        kwargs=lambda w: {"pk": w.cycle.pk},
    ),
    Route(
        "competencies:department",
        hr_only(200),
        kwargs=lambda w: {"pk": w.employee.department_id},
    ),
]

__all__ = ["LOGIN", "ROUTES"]
