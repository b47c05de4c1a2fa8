"""Every registered notification category, sent through the service that really sends it, to
an English and a Dutch recipient: each reads title and body in their own language, HR's
content (a training's title) and dates included.

A new category without a scenario here fails the first test: say how it is sent.
"""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import TestCase
from django.utils import timezone

from notifications import categories
from notifications.models import Notification
from tests.factories import DepartmentFactory, UserFactory, make_hr

pytestmark = pytest.mark.django_db

# Words only one of the two languages uses (function words, months, weekdays). Every text in
# the scenarios that nobody translates (names, subjects, notes) avoids them all.
DUTCH = {
    "de", "het", "een", "je", "jij", "jouw", "jou", "u", "uw", "van", "voor", "op", "niet", "nog",
    "wat", "wordt", "bij", "naar", "met", "aan", "als", "heeft", "zijn", "dat", "die", "er", "om",
    "te", "ook", "morgen", "januari", "februari", "maart", "mei", "juni", "juli", "augustus",
    "oktober", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
}  # fmt: skip
ENGLISH = {
    "the", "a", "an", "you", "your", "for", "on", "not", "still", "what", "are", "to", "at", "by",
    "with", "has", "have", "been", "and", "tomorrow", "january", "february", "march", "april",
    "may", "june", "july", "august", "october", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}  # fmt: skip
DUTCH_ONLY = DUTCH - ENGLISH
ENGLISH_ONLY = ENGLISH - DUTCH


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def committed():
    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def world(db):
    """HR (who acts), a department, and a training with a Dutch and an English title."""
    from tests.trainings.factories import PaidTrainingFactory, SessionFactory, TrainingFactory

    hr = make_hr(UserFactory(full_name="Hanna Bakker", is_staff=True), lead=True)
    department = DepartmentFactory(name="Team Q", code="TQ")
    training = TrainingFactory(title="LinkedIn voor beginners", title_en="LinkedIn for beginners")
    paid = PaidTrainingFactory(title="Schrijven voor het web", title_en="Writing for the web")
    # A Thursday in January at nine, next year: month and weekday differ in the languages.
    january = timezone.datetime(timezone.localdate().year + 1, 1, 14, 9, 0)
    start = timezone.make_aware(january + timedelta(days=(3 - january.weekday()) % 7))
    return SimpleNamespace(
        hr=hr,
        department=department,
        training=training,
        paid=paid,
        start=start,
        session=lambda **kw: SessionFactory(
            training=kw.pop("training", training),
            starts_at=start,
            capacity=kw.pop("capacity", 5),
            **kw,
        ),
    )


def colleague(world, **fields):
    return UserFactory(full_name="Kim Lee", department=world.department, **fields)


# --- One scenario per category: make `person` receive it, through the real service ----------


def general(world, person):
    from hrsocial.demo import DEMO_ACCOUNTS
    from notifications import demo

    taken = set(Notification.objects.values_list("recipient__email", flat=True))
    email = next(email for email, _role in DEMO_ACCOUNTS if email not in taken)
    type(person).objects.filter(pk=person.pk).update(email=email)
    demo.seed(SimpleNamespace(log=lambda *args: None))


def guidelines_changed(world, person):
    from tests.guidelines.factories import published_tip

    published_tip(by=world.hr, title="Deel wat je maakt", title_en="Share what you make")


def guidelines_reminder(world, person):
    from guidelines.models import Guideline
    from guidelines.services import acknowledgement_reminders_send
    from tests.guidelines.factories import published_tip

    long_ago = timezone.now() - timedelta(days=400)
    type(person).objects.filter(pk=person.pk).update(date_joined=long_ago)
    tip = published_tip(by=world.hr, title="Deel wat je maakt", title_en="Share what you make")
    Guideline.objects.filter(pk=tip.pk).update(ack_requested_at=long_ago)
    acknowledgement_reminders_send()


def trainings_enrolment(world, person):
    """The waitlist promotion: a seat frees up and is given to `person`."""
    from trainings.services import enrolment_cancel, enrolment_create

    session = world.session(capacity=1)
    first = enrolment_create(session=session, person=colleague(world))
    enrolment_create(session=session, person=person)
    enrolment_cancel(enrolment=first, cancelled_by=first.person)


def trainings_reminder(world, person):
    from trainings.services import enrolment_create, reminders_send

    session = world.session()
    enrolment_create(session=session, person=person, now=world.start - timedelta(days=5))
    reminders_send(now=world.start - timedelta(hours=20))


def trainings_feedback(world, person):
    from trainings.services import enrolment_create, feedback_requests_send

    session = world.session()
    enrolment_create(session=session, person=person, now=world.start - timedelta(days=5))
    feedback_requests_send(now=session.ends_at + timedelta(hours=1))


def trainings_proposal(world, person):
    from trainings.services import training_propose

    manager = colleague(world)
    type(person).objects.filter(pk=person.pk).update(manager=manager)
    person.refresh_from_db()
    training_propose(training=world.training, employee=person, proposed_by=manager)


def trainings_approval(world, person):
    from trainings.services import enrolment_create

    report = colleague(world, manager=person)
    enrolment_create(
        session=world.session(training=world.paid),
        person=report,
        now=world.start - timedelta(days=5),
    )


def _ask(person, **fields):
    from tests.helpdesk.factories import CategoryFactory, ask

    category = fields.pop("category", None) or CategoryFactory(name="Accounts", name_en="Accounts")
    question, _token = ask(
        person, category=category, subject="Q-42: LinkedIn", body="OK?", **fields
    )
    return question


def helpdesk_anonymous(world, person):
    from helpdesk import services

    question = _ask(person, anonymous=True)
    services.question_reply(question=question, author=world.hr, body="OK.")
    services.anonymous_askers_notify()


def helpdesk_answer(world, person):
    from helpdesk import services

    services.question_reply(question=_ask(person), author=world.hr, body="OK.")


def helpdesk_new_question(world, person):
    from tests.helpdesk.factories import CategoryFactory

    make_hr(person)
    category = CategoryFactory(name="Vraagsoort Q", name_en="Kind of question Q")
    category.team.add(person)
    _ask(colleague(world), category=category)


def helpdesk_assigned(world, person):
    from helpdesk import services

    make_hr(person)
    services.question_assign(question=_ask(colleague(world)), assignee=person, assigned_by=world.hr)


def _assigned_to(world, person):
    from helpdesk import services

    make_hr(person)
    asker = colleague(world)
    question = _ask(asker)
    services.question_assign(question=question, assignee=person, assigned_by=world.hr)
    return question, asker


def helpdesk_follow_up(world, person):
    from helpdesk import services

    question, asker = _assigned_to(world, person)
    services.question_follow_up(question=question, author=asker, body="OK?")


def helpdesk_response_target(world, person):
    from helpdesk import services

    question, _asker = _assigned_to(world, person)
    question.refresh_from_db()
    services.response_targets_check(now=question.response_warn_at + timedelta(minutes=1))


def helpdesk_rating(world, person):
    from helpdesk import services

    question, _asker = _assigned_to(world, person)
    services.question_reply(question=question, author=person, body="OK.")
    question.refresh_from_db()
    services.rating_give(question=question, score=4)


def _cycle(world):
    from tests.competencies.factories import CompetencyFactory, CycleFactory

    CompetencyFactory(name="Online communicatie", name_en="Online communication")
    return CycleFactory(
        name="Q4",
        departments=[world.department],
        self_assessment_due=world.start.date(),
        ends_on=world.start.date() + timedelta(days=30),
    )


def competencies_assessment(world, person):
    from competencies.services import cycle_add_newcomers

    type(person).objects.filter(pk=person.pk).update(department=world.department)
    cycle_add_newcomers(cycle=_cycle(world))


def competencies_review(world, person):
    from competencies.models import Competency, Review
    from competencies.services import SelfAssessment, cycle_add_newcomers, self_assessment_submit

    report = colleague(world, manager=person)
    cycle_add_newcomers(cycle=_cycle(world))
    self_assessment_submit(
        review=Review.objects.get(employee=report),
        person=report,
        entries=[SelfAssessment(c.pk, 2, "OK.") for c in Competency.objects.active()],
    )


def people_access(world, person):
    from people.services import person_access_change

    make_hr(person, lead=True)
    person_access_change(
        person=colleague(world), changed_by=world.hr, changes={"groups": ([], ["HR"])}
    )


def sharing_new_kit(world, person):
    from sharing.services.kits import kit_publish
    from tests.sharing.factories import KitFactory

    kit_publish(kit=KitFactory(status="draft", title="Zonnepark Q"), published_by=world.hr)


def sharing_weekly(world, person):
    from sharing.services.weekly import weekly_kits_send
    from tests.sharing.factories import KitFactory

    KitFactory(title="Zonnepark Q", published_at=timezone.now() - timedelta(days=1))
    weekly_kits_send()


def sharing_monthly_clicks(world, person):
    from sharing.models import DailyFigure
    from sharing.services.notes import monthly_notes_send
    from tests.sharing.factories import ShareFactory

    share = ShareFactory(sharer=person)
    last_month = (timezone.localdate().replace(day=1) - timedelta(days=1)).replace(day=1)
    DailyFigure.objects.create(share=share, day=last_month, kit=share.kit, channel=share.channel,
                               sharer=person, clicks=7)  # fmt: skip
    monthly_notes_send()


def people_second_factor_reset(world, person):
    from people.services import second_factor_reset

    second_factor_reset(person=person, reset_by=world.hr)


def integrations_webhook_disabled(world, person):
    from integrations import services, webhooks
    from integrations.models import WebhookEndpoint

    make_hr(person)
    endpoint = services.webhook_create(
        actor=world.hr, url="https://93.184.215.14/hook", events=["helpdesk.question_asked"]
    )
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=100)
    webhooks._count_failure(endpoint)


def _news_post(world, **fields):
    from tests.news.factories import PostFactory

    return PostFactory(author=world.hr, title="Zonnepark Q4", why="Omdat", **fields)


def news_mention(world, person):
    from news.services import comment_create

    post = _news_post(world)
    handle = person.email.split("@")[0]
    comment_create(post=post, author=world.hr, body=f"@{handle} Kijk!")


def news_must_read(world, person):
    from news.services import posts_publish_scheduled

    _news_post(world, kind="policy", requires_confirmation=True)
    posts_publish_scheduled()


def news_blog(world, person):
    from news.services import blog_approve

    blog = _news_post(world, kind="blog", status="pending")
    type(blog).objects.filter(pk=blog.pk).update(author=person)
    blog.refresh_from_db()
    blog_approve(post=blog, moderator=world.hr)


def news_response(world, person):
    from news.services import consultation_answer, consultation_respond
    from tests.news.factories import answers, consultation_on

    consultation = consultation_on(_news_post(world, kind="policy"))
    consultation_answer(consultation=consultation, person=person, data=answers(consultation))
    consultation_respond(consultation=consultation, responder=world.hr, response="Zonnepark!")


def news_weekly(world, person):
    from news.services.digest import weekly_digest_send
    from news.services.posts import reading_record

    reading_record(post=_news_post(world), person=person)
    weekly_digest_send()


def alumni_gig(world, person):
    import datetime

    from alumni import services

    type(person).objects.filter(pk=person.pk).update(kind="alumnus", department=None)
    person.kind = "alumnus"
    gig = services.gig_create(
        posted_by=world.hr, skills=[], title="Payroll", description="...",
        starts_on=datetime.date(2027, 2, 1),
    )  # fmt: skip
    services.interest_express(gig=gig, member=person)
    services.gig_pick(gig=gig, member=person, picked_by=world.hr)


def alumni_event(world, person):
    import datetime

    from django.utils import timezone

    from alumni.events import event_sign_up
    from alumni.models import Event

    type(person).objects.filter(pk=person.pk).update(kind="alumnus", department=None)
    person.kind = "alumnus"
    start = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        title="Reünie", starts_at=start, ends_at=start + datetime.timedelta(hours=3),
        location="Utrecht", capacity=10,
    )  # fmt: skip
    event_sign_up(event=event, member=person)


def alumni_membership(world, person):
    from alumni import services

    type(person).objects.filter(pk=person.pk).update(kind="alumnus", department=None)
    person.kind = "alumnus"
    membership = services.membership_sign_up(user=person, employee_number="0000")
    services.membership_approve(membership=membership, approved_by=world.hr)


def alumni_invitation(world, person):
    from django.utils import timezone

    from alumni import freelancers
    from alumni.models import FreelancerInvitation

    type(person).objects.filter(pk=person.pk).update(kind="freelancer", department=None)
    person.kind = "freelancer"
    invitation = FreelancerInvitation.objects.create(
        person=person, invited_by=world.hr, sent_at=timezone.now()
    )
    freelancers._send(invitation)


def integrations_channel_disabled(world, person):
    from integrations import chat
    from integrations.models import ChatChannel

    make_hr(person, lead=True)
    channel = ChatChannel.objects.create(
        kind="teams", name="Kapot", url="https://93.184.215.14/hook", created_by=person
    )
    ChatChannel.objects.filter(pk=channel.pk).update(consecutive_failures=100)
    chat._count_failure(channel)


def recruitment_referral(world, person):
    from recruitment.models import Application
    from recruitment.services.applications import application_move, application_submit
    from recruitment.services.referrals import referral_create
    from tests.recruitment.factories import VacancyFactory

    vacancy = VacancyFactory()
    email = f"kandidaat{person.pk}@example.org"
    referral_create(vacancy=vacancy, referrer=person, name="Piet", email=email)
    application, _new = application_submit(vacancy=vacancy, name="Piet", email=email)
    application_move(application=application, stage=Application.Stage.INTERVIEW, by=world.hr)


def recruitment_hr(world, person):
    from recruitment.services.questions import question_ask
    from tests.recruitment.factories import VacancyFactory

    make_hr(person)
    question_ask(vacancy=VacancyFactory(), question="Is er een lease-auto?", email="v@example.org")


SCENARIOS = {
    "general": general,
    "recruitment.referral": recruitment_referral,
    "recruitment.hr": recruitment_hr,
    "guidelines.changed": guidelines_changed,
    "guidelines.reminder": guidelines_reminder,
    "trainings.enrolment": trainings_enrolment,
    "trainings.reminder": trainings_reminder,
    "trainings.feedback": trainings_feedback,
    "trainings.proposal": trainings_proposal,
    "trainings.approval": trainings_approval,
    "helpdesk.anonymous": helpdesk_anonymous,
    "helpdesk.answer": helpdesk_answer,
    "helpdesk.new_question": helpdesk_new_question,
    "helpdesk.assigned": helpdesk_assigned,
    "helpdesk.follow_up": helpdesk_follow_up,
    "helpdesk.response_target": helpdesk_response_target,
    "helpdesk.rating": helpdesk_rating,
    "competencies.assessment": competencies_assessment,
    "competencies.review": competencies_review,
    "people.access": people_access,
    "sharing.new_kit": sharing_new_kit,
    "sharing.monthly_clicks": sharing_monthly_clicks,
    "sharing.weekly": sharing_weekly,
    "people.second_factor_reset": people_second_factor_reset,
    "integrations.webhook_disabled": integrations_webhook_disabled,
    "news.mention": news_mention,
    "news.must_read": news_must_read,
    "news.blog": news_blog,
    "news.response": news_response,
    "news.weekly": news_weekly,
    "alumni.gig": alumni_gig,
    "alumni.event": alumni_event,
    "alumni.membership": alumni_membership,
    "alumni.invitation": alumni_invitation,
    "integrations.channel_disabled": integrations_channel_disabled,
}


def test_every_registered_category_has_a_scenario():
    assert {c.key for c in categories.all_categories()} == set(SCENARIOS)


@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_each_recipient_reads_the_notification_in_their_own_language(world, key):
    texts = {}
    for language, name in (("en", "Ann Smith"), ("nl", "Daan Visser")):
        person = UserFactory(full_name=name, preferred_language=language)
        with committed():
            SCENARIOS[key](world, person)
        row = Notification.objects.filter(recipient=person, category=key).order_by("pk").last()
        assert row is not None, f"{key} did not reach the {language} recipient"
        # …and the settings page offers this category to the person it reached.
        person = type(person).objects.get(pk=person.pk)
        assert categories.get(key).audience(person), f"{key} is not offered to its recipient"
        texts[language] = f"{row.title}\n{row.body}"
    english, dutch = words(texts["en"]), words(texts["nl"])
    assert english & ENGLISH_ONLY and not english & DUTCH_ONLY, texts["en"]
    assert dutch & DUTCH_ONLY and not dutch & ENGLISH_ONLY, texts["nl"]
