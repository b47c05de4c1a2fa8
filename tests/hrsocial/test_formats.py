"""One style per kind of date, and money in the language's format, in pages and e-mails:
"donderdag 14 januari 2027, 09:00" for events, "14 jan. 2027" in tables, "€ 395,00" /
"€395.00"; never "2 Okt" nor "14-01-2027 om 09:00"."""

import datetime
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from hrsocial import formatting
from tests.factories import UserFactory

# A Thursday in January, at nine in the portal's time zone; the pages are read a few days
# before (time_machine), so the session is upcoming whenever the test runs.
EVENT = datetime.datetime(2027, 1, 14, 9, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))
BEFORE = time_machine.travel(EVENT - datetime.timedelta(days=5), tick=False)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            {
                "event": "donderdag 14 januari 2027, 09:00",
                "event_day": "donderdag 14 januari 2027",
                "long_date": "14 januari 2027",
                "table_date": "14 jan. 2027",
                "table_datetime": "14 jan. 2027, 09:00",
            },
        ),
        (
            "en",
            {
                "event": "Thursday 14 January 2027, 09:00",
                "event_day": "Thursday 14 January 2027",
                "long_date": "14 January 2027",
                "table_date": "14 Jan 2027",
                "table_datetime": "14 Jan 2027, 09:00",
            },
        ),
    ],
)
def test_each_kind_of_date_has_one_style_per_language(language, expected):
    with translation.override(language):
        assert {name: getattr(formatting, name)(EVENT) for name in expected} == expected
        # An aware moment is shown in the portal's time zone, whatever zone it comes in.
        assert formatting.event(EVENT.astimezone(datetime.UTC)) == expected["event"]


def test_table_months_in_dutch_have_a_full_stop_except_may():
    with translation.override("nl"):
        assert formatting.table_date(datetime.date(2026, 10, 2)) == "2 okt. 2026"
        assert formatting.table_date(datetime.date(2026, 5, 2)) == "2 mei 2026"


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("nl", Decimal("395"), "€\u00a0395,00"),
        ("nl", Decimal("1250.5"), "€\u00a01.250,50"),
        ("en", Decimal("395"), "€395.00"),
        ("en", Decimal("1250.5"), "€1,250.50"),
    ],
)
def test_money_in_the_language_s_format(language, amount, expected):
    with translation.override(language):
        assert formatting.money(amount) == expected


@pytest.fixture
def paid_session(db):
    from tests.trainings.factories import PaidTrainingFactory, SessionFactory

    training = PaidTrainingFactory(
        title="Schrijven voor het web", title_en="Writing for the web", cost=Decimal("395")
    )
    return SessionFactory(training=training, starts_at=EVENT, capacity=5)


@BEFORE
@pytest.mark.parametrize(
    ("language", "money", "day"),
    [
        ("nl", "€\u00a0395,00", "donderdag 14 januari 2027"),
        ("en", "€395.00", "Thursday 14 January 2027"),
    ],
)
def test_a_training_page_shows_its_price_and_session_day_in_the_reader_s_language(
    client, paid_session, language, money, day
):
    client.force_login(UserFactory(preferred_language=language))
    page = client.get(reverse("trainings:training-detail", args=[paid_session.training.pk]))
    text = page.content.decode().replace("&nbsp;", "\u00a0")
    assert money in text and day in text
    assert "395.00" not in text if language == "nl" else "395,00" not in text


@BEFORE
@pytest.mark.parametrize(
    ("language", "when"),
    [("nl", "donderdag 14 januari 2027, 09:00"), ("en", "Thursday 14 January 2027, 09:00")],
)
def test_the_confirmation_page_and_e_mail_show_the_event_in_one_style(client, db, language, when):
    from tests.trainings.factories import SessionFactory, TrainingFactory
    from trainings.services import enrolment_create

    session = SessionFactory(training=TrainingFactory(), starts_at=EVENT, capacity=5)
    person = UserFactory(preferred_language=language)
    with TestCase.captureOnCommitCallbacks(execute=True):
        enrolment = enrolment_create(session=session, person=person)
    (message,) = mail.outbox
    assert when in message.body
    assert "14-01-2027" not in message.body
    client.force_login(person)
    page = client.get(reverse("trainings:enrolment-detail", args=[enrolment.pk]))
    assert when in page.content.decode()


# Machine formats stay allowed: ISO for <time datetime> and date inputs.
MACHINE_FORMATS = {"Y-m-d"}  # a <time datetime> takes |machine ("c" has microseconds)


def test_templates_use_the_named_styles_not_ad_hoc_date_formats():
    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.*"):
        for match in re.finditer(r"\|(?:date|time):[\"']([^\"']*)[\"']", path.read_text()):
            if match.group(1) not in MACHINE_FORMATS:
                found.append(f"{path.name}: {match.group(0)}")
    assert found == []
