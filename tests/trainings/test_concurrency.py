"""Fifty people press "Enrol" at the same moment for ten seats: exactly ten get one.

This needs a database that really runs transactions side by side, so it runs on PostgreSQL
(the CI's second run); SQLite lets only one writer in at a time and proves nothing here.
"""

import threading

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from tests.trainings.factories import SessionFactory
from trainings import services
from trainings.models import Enrolment

PEOPLE = 50
SEATS = 10

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency needs PostgreSQL (set DATABASE_URL); SQLite serialises all writes",
    ),
]


def run_at_once(work, items):
    """Call work(item) for every item in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(items))
    errors = []

    def worker(item):
        try:
            barrier.wait(timeout=30)
            work(item)
        except Exception as error:  # collected and reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_fifty_people_enrolling_at_once_get_ten_seats_and_forty_waitlist_places():
    session = SessionFactory(capacity=SEATS)
    people = UserFactory.create_batch(PEOPLE)

    errors = run_at_once(
        lambda person: services.enrolment_create(session=session, person=person), people
    )

    assert errors == []
    session.refresh_from_db()
    enrolments = Enrolment.objects.filter(session=session)
    assert enrolments.filter(status=Enrolment.Status.BOOKED).count() == SEATS
    assert enrolments.filter(status=Enrolment.Status.WAITLISTED).count() == PEOPLE - SEATS
    assert session.seats_taken == SEATS
    # The waitlist has a strict order: positions 1..40, no ties.
    positions = sorted(enrolments.waitlisted().with_position().values_list("position", flat=True))
    assert positions == list(range(1, PEOPLE - SEATS + 1))


def test_cancellations_and_enrolments_at_once_never_overbook():
    session = SessionFactory(capacity=SEATS)
    booked = [
        services.enrolment_create(session=session, person=p)
        for p in UserFactory.create_batch(SEATS)
    ]
    newcomers = UserFactory.create_batch(20)

    def act(item):
        if isinstance(item, Enrolment):
            services.enrolment_cancel(enrolment=item, cancelled_by=item.person)
        else:
            services.enrolment_create(session=session, person=item)

    errors = run_at_once(act, booked[:5] + newcomers)

    assert errors == []
    session.refresh_from_db()
    assert session.seats_taken == session.enrolments.booked().count() == SEATS
    assert session.enrolments.waitlisted().count() == 15


def test_the_same_person_pressing_twice_at_once_gets_one_enrolment():
    session = SessionFactory(capacity=SEATS)
    person = UserFactory()

    errors = run_at_once(
        lambda _n: services.enrolment_create(session=session, person=person), list(range(5))
    )

    assert len(errors) == 4 and all(
        "already enrolled" in str(e) or "al ingeschreven" in str(e) for e in errors
    )
    assert Enrolment.objects.filter(session=session, person=person).count() == 1
