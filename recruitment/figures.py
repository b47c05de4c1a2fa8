"""Channel figures for HR: per vacancy and channel clicks → applications → hires, the time
applications spend in each stage, the referral share of hires and the top referrers (by
name only when they opted in). Group figures go through hrsocial.privacy (five people)."""

from collections import defaultdict

from django.db.models import Count, Q

from hrsocial.caching import CachedValue
from hrsocial.plugins import provided
from hrsocial.privacy import Group, figure, suppress
from recruitment.models import Application, ReferrerPreference, StageChange, Vacancy

HIRED = Application.Stage.HIRED


def _stage_counts(vacancy_id: int) -> dict[str, int]:
    return dict(
        Application.objects.filter(vacancy_id=vacancy_id).order_by()
        .values_list("stage").annotate(n=Count("pk"))
    )  # fmt: skip


# A vacancy's applications per stage, for HR's list of them: counting 100,000 applications
# took 20 ms a request. Forgotten whenever an application of the vacancy is saved or deleted
# (recruitment/apps.py); stages only change through `Application.save`.
STAGE_COUNTS = CachedValue(
    "recruitment:stage-counts", _stage_counts, instance_parts=lambda a: [a.vacancy_id]
)


def channel_rows(vacancy) -> list[Group]:
    share_figures = provided("share_figures")
    clicks = share_figures(vacancy).clicks if share_figures else {}
    counts = {
        row["channel"]: row
        for row in vacancy.applications.order_by()
        .values("channel")
        .annotate(applications=Count("pk"), hires=Count("pk", filter=Q(stage=HIRED)))
    }
    labels = dict(Application.Channel.choices)
    groups = []
    for channel in sorted(set(counts) | set(clicks)):
        row = counts.get(channel, {"applications": 0, "hires": 0})
        groups.append(
            Group(
                key=channel,
                label=str(labels.get(channel, channel)),
                people=row["applications"],
                value={
                    "clicks": clicks.get(channel),
                    "applications": row["applications"],
                    "hires": row["hires"],
                },
            )
        )
    return suppress(groups)


def time_in_stage() -> list[tuple[str, float | None, int]]:
    """(stage label, average days, applications) over applications that left the stage."""
    durations = defaultdict(list)
    previous = {}
    for application_id, stage, at in StageChange.objects.order_by(
        "application_id", "at"
    ).values_list("application_id", "stage", "at")[:200_000]:
        if application_id in previous:
            last_stage, last_at = previous[application_id]
            durations[last_stage].append((at - last_at).total_seconds() / 86400)
        previous[application_id] = (stage, at)
    rows = []
    for value, label in Application.Stage.choices:
        days = durations.get(value, [])
        average = round(sum(days) / len(days), 1) if days else None
        rows.append((label, figure(len(days), average), len(days)))
    return rows


def overview() -> dict:
    vacancies = list(
        Vacancy.objects.exclude(status=Vacancy.Status.DRAFT).order_by("-opens_on")[:30]
    )
    hires = Application.objects.filter(stage=HIRED)
    total_hires = hires.count()
    referred_hires = hires.filter(referrer__isnull=False).count()
    opted_in = ReferrerPreference.objects.filter(show_name=True).values_list("user_id", flat=True)
    top = (
        Application.objects.filter(referrer_id__in=opted_in)
        .values("referrer__full_name")
        .annotate(referred=Count("pk"), hired=Count("pk", filter=Q(stage=HIRED)))
        .order_by("-hired", "-referred")[:10]
    )
    return {
        "per_vacancy": [(vacancy, channel_rows(vacancy)) for vacancy in vacancies],
        "time_in_stage": time_in_stage(),
        "total_hires": total_hires,
        "referral_share": figure(
            total_hires, round(100 * referred_hires / total_hires) if total_hires else None
        ),
        "top_referrers": list(top),
    }
