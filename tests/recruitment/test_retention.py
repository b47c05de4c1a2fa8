from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import TestCase
from django.utils import timezone

from recruitment.models import Application, StageChange
from recruitment.services.applications import application_move, application_submit
from recruitment.tasks import shred_expired_applications
from tests.recruitment.factories import VacancyFactory, upload

pytestmark = pytest.mark.django_db


def submit(vacancy, *, long_retention=False):
    with TestCase.captureOnCommitCallbacks(execute=True):
        application, _new = application_submit(
            vacancy=vacancy, name="Sanne", email="sanne@example.org", motivation="Graag.",
            cv=upload(), cv_name="cv.pdf", long_retention=long_retention,
        )  # fmt: skip
    return application


def run_task():
    with TestCase.captureOnCommitCallbacks(execute=True):
        return shred_expired_applications()


@pytest.mark.parametrize(
    "long_retention,kept_for", [(False, timedelta(weeks=4)), (True, timedelta(days=365))]
)
def test_it_deletes_personal_data_and_the_cv_after_the_retention_period(
    hanna, _cv_root, long_retention, kept_for
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        vacancy = VacancyFactory()
        application = submit(vacancy, long_retention=long_retention)
        application_move(application=application, stage=Application.Stage.REJECTED, by=hanna)
    with time_machine.travel(start + kept_for - timedelta(hours=1), tick=False):
        assert run_task() == 0
        application.refresh_from_db()
        assert application.name == "Sanne"
    with time_machine.travel(start + kept_for + timedelta(hours=1), tick=False):
        assert run_task() == 1
    application.refresh_from_db()
    assert application.is_shredded
    assert (application.name, application.email, application.phone, application.motivation) == (
        "",
        "",
        "",
        "",
    )
    assert not application.cv
    assert not [p for p in Path(_cv_root).rglob("*") if p.is_file()]
    # The anonymous counts keep their stage, channel and dates.
    assert application.stage == Application.Stage.REJECTED
    assert application.channel == Application.Channel.DIRECT
    assert application.created_at and application.ended_at
    assert StageChange.objects.filter(application=application).count() == 2


def test_a_running_procedure_is_never_deleted(hanna):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        application = submit(VacancyFactory())
        application_move(application=application, stage=Application.Stage.INTERVIEW, by=hanna)
    with time_machine.travel(start + timedelta(days=800), tick=False):
        assert run_task() == 0
    application.refresh_from_db()
    assert not application.is_shredded


def test_reopening_a_procedure_stops_the_clock(hanna):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        application = submit(VacancyFactory())
        application_move(application=application, stage=Application.Stage.REJECTED, by=hanna)
        application_move(application=application, stage=Application.Stage.SCREENING, by=hanna)
    with time_machine.travel(start + timedelta(weeks=5), tick=False):
        assert run_task() == 0


def test_a_referred_person_who_never_applied_keeps_only_the_hash_after_six_months(emma):
    from recruitment.models import Referral
    from recruitment.services.referrals import referral_create

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        referral_create(vacancy=VacancyFactory(), referrer=emma, name="Piet", email="p@example.org")
    with time_machine.travel(start + timedelta(days=190), tick=False):
        run_task()
    referral = Referral.objects.get()
    assert (referral.name, referral.email) == ("", "")
    assert referral.email_hash
