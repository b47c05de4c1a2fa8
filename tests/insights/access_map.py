"""Who gets what from insights: HR reads, records initiatives and shares links; whoever has
a valid shared link and is an employee sees the read-only dashboard; nobody else sees a thing."""

from django.utils import timezone

from insights.models import Initiative, Share
from tests.access import LOGIN, Route, employees, hr_only


def setup(world):
    world.insights_initiative = Initiative.objects.create(
        title="Tips in het werkoverleg", practice="guidelines", owner=world.hr,
        starts_on=timezone.localdate(), figure="guidelines.acknowledgement_rate",
        baseline=60, target=80, created_by=world.hr,
    )  # fmt: skip
    world.insights_share = Share.objects.create(label="OR", created_by=world.hr)
    world.insights_revoked = Share.objects.create(
        label="Oud", created_by=world.hr, revoked_at=timezone.now()
    )


initiative = {"kwargs": lambda w: {"pk": w.insights_initiative.pk}}
share = {"kwargs": lambda w: {"pk": w.insights_share.pk}}

ROUTES = [
    Route("insights:index", hr_only(200)),
    Route("insights:index", hr_only(200), query="?start=2026-05-01&end=2026-01-01"),
    Route("insights:export", hr_only(200), query="?figure=trainings.enrolments"),
    Route("insights:export", hr_only(404), query="?figure=nothing"),
    Route("insights:report", hr_only(200)),
    Route("insights:report", hr_only(200), query="?month=nonsense"),
    Route("insights:initiatives", hr_only(200)),
    Route("insights:initiative-create", hr_only(200)),
    Route("insights:initiative-create", hr_only(200), method="post", data={"title": ""}),
    Route("insights:initiative-detail", hr_only(200), **initiative),
    Route("insights:initiative-evidence", hr_only(200), **initiative),
    Route(
        "insights:initiative-result",
        hr_only(302),
        method="post",
        data={"result": "Gehaald"},
        **initiative,
    ),  # fmt: skip
    Route("insights:shares", hr_only(200)),
    Route("insights:share-create", hr_only(302), method="post", data={"label": "MT"}),
    Route("insights:share-revoke", hr_only(302), method="post", **share),
    Route(
        "insights:shared",
        {**employees(200), "visitor": LOGIN},
        kwargs=lambda w: {"token": w.insights_share.token},
    ),  # fmt: skip
    Route(
        "insights:shared",
        {**employees(404), "visitor": LOGIN},
        kwargs=lambda w: {"token": w.insights_revoked.token},
    ),  # fmt: skip
]
