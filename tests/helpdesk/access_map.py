"""Who gets what from every helpdesk URL.

The asker's pages answer 404 to everyone else (so question numbers cannot be probed), managers
included: a manager never sees their reports' questions. HR pages are for HR staff only; the
access map's HR persona is also an HR lead, so it may open the confidential question (what HR
staff who are not the assignee get is in tests/helpdesk/test_access.py).
"""

import tempfile

from django.test.utils import override_settings

from tests.access import Route, employees, hr_only

# Attachments written here are real files, outside the developer's folders.
SAVED_REPLY_PK = 987_654
_private = override_settings(HELPDESK_ATTACHMENTS_ROOT=tempfile.mkdtemp(prefix="helpdesk-map-"))


def setup(world):
    from helpdesk import services
    from tests.helpdesk.factories import (
        PDF,
        CategoryFactory,
        FaqEntryFactory,
        SavedReplyFactory,
        ask,
        checked,
    )

    _private.enable()
    world.hd_category = CategoryFactory(name="Eigen accounts en posts")
    world.hd_question, _token = ask(
        world.employee, category=world.hd_category, upload=checked("concept.pdf", PDF)
    )
    world.hd_attachment = world.hd_question.attachments.get()
    world.hd_answered, _token = ask(
        world.employee, category=world.hd_category, subject="Beantwoord"
    )
    services.question_reply(question=world.hd_answered, author=world.hr, body="Dat mag.")
    world.hd_anonymous, world.hd_token = ask(
        world.employee, category=world.hd_category, anonymous=True
    )
    world.hd_confidential, _token = ask(
        world.colleague, category=world.hd_category, confidential=True, subject="Vertrouwelijk"
    )
    world.hd_faq = FaqEntryFactory(category=world.hd_category)
    world.hd_draft_faq = FaqEntryFactory(category=world.hd_category, is_published=False)
    # A fixed number, so the route below can name it in its query string.
    world.hd_saved_reply = SavedReplyFactory(pk=SAVED_REPLY_PK)


def own(status):
    """The asker's own question: the asker gets `status`, other staff 404."""
    return {**employees(404), "employee": status}


def question(name="question"):
    return lambda w: {"reference": getattr(w, "hd_" + name).reference}


ROUTES = [
    Route("helpdesk:index", employees(200)),
    Route("helpdesk:index", employees(200), query="?page=9"),
    Route("helpdesk:question-create", employees(200)),
    Route("helpdesk:question-create", employees(200), query="?subject=Mag%20ik%20dit%20posten"),
    # An empty form comes back with its messages: nothing is saved.
    Route("helpdesk:question-create", employees(200), method="post", data={"subject": ""}),
    Route(
        "helpdesk:ask-about-draft",
        employees(302),
        method="post",
        data={"draft": "Trots op ons nieuwe zonnepark!", "network": "linkedin"},
    ),
    Route("helpdesk:ask-about-draft", employees(405)),
    Route("helpdesk:suggestions", employees(200), query="?subject=twitteren+over+klant"),
    Route(
        "helpdesk:solved-without-ticket",
        employees(302),
        method="post",
        data=lambda w: {"source": "faq", "object_id": w.hd_faq.pk},
    ),
    Route(
        "helpdesk:solved-without-ticket",
        employees(404),
        method="post",
        data=lambda w: {"source": "faq", "object_id": w.hd_draft_faq.pk},
    ),
    Route("helpdesk:question-detail", own(200), kwargs=question()),
    Route("helpdesk:question-detail", own(200), kwargs=question("anonymous")),
    Route("helpdesk:question-asked", own(200), kwargs=question()),
    Route(
        "helpdesk:question-follow-up",
        own(302),
        method="post",
        kwargs=question(),
        data=lambda w: {"body": "Nog een vraag.", "submission_key": "a" * 32},
    ),
    Route("helpdesk:question-follow-up", employees(405), kwargs=question()),
    Route("helpdesk:question-seen", own(302), method="post", kwargs=question()),
    Route("helpdesk:question-close", own(302), method="post", kwargs=question()),
    Route(
        "helpdesk:question-rate",
        own(302),
        method="post",
        kwargs=question("answered"),
        data={"score": "5", "comment": "Helder!"},
    ),
    # The private link is a bearer link: whoever holds it (signed in) can follow the question.
    Route("helpdesk:question-private", employees(200), kwargs=lambda w: {"token": w.hd_token}),
    Route("helpdesk:question-private", employees(404), kwargs=lambda w: {"token": "x" * 43}),
    Route(
        "helpdesk:question-private-asked", employees(200), kwargs=lambda w: {"token": w.hd_token}
    ),
    Route("helpdesk:question-private-asked", employees(404), kwargs=lambda w: {"token": "x" * 43}),
    # HR
    Route("helpdesk:queue", hr_only(200)),
    Route("helpdesk:queue", hr_only(200), query="?q=tweeten&status=&sort=due&anonymous=yes"),
    Route("helpdesk:queue", hr_only(200), query="?status=bogus&category=x&assignee=me&sla=overdue"),
    Route(
        "helpdesk:queue-assign",
        hr_only(302),
        method="post",
        data=lambda w: {"questions": [w.hd_question.reference], "assignee": w.hr.pk},
    ),
    Route(
        "helpdesk:queue-assign",
        hr_only(302),
        method="post",
        data=lambda w: {"mine": w.hd_question.reference},
    ),
    Route("helpdesk:queue-export", hr_only(200), method="post", data={"status": "active"}),
    Route("helpdesk:question-manage", hr_only(200), kwargs=question()),
    Route("helpdesk:question-manage", hr_only(200), kwargs=question("confidential")),
    Route("helpdesk:question-manage", hr_only(404), kwargs=lambda w: {"reference": "ZZZZZZZZZZ"}),
    Route(
        "helpdesk:question-reply",
        hr_only(302),
        method="post",
        kwargs=question(),
        data={"body": "Dat mag.", "status": "answered", "submission_key": "b" * 32},
    ),
    Route(
        "helpdesk:question-note",
        hr_only(302),
        method="post",
        kwargs=question(),
        data={"body": "Intern.", "submission_key": "c" * 32},
    ),
    Route(
        "helpdesk:question-assign",
        hr_only(302),
        method="post",
        kwargs=question(),
        data=lambda w: {"assignee": w.hr.pk},
    ),
    Route(
        "helpdesk:question-details",
        hr_only(302),
        method="post",
        kwargs=question(),
        data=lambda w: {"status": "waiting", "category": w.hd_category.pk, "confidential": "on"},
    ),
    Route("helpdesk:question-guidelines", hr_only(302), method="post", kwargs=question(), data={}),
    Route(
        "helpdesk:saved-reply", hr_only(200), kwargs=question(), query=f"?reply={SAVED_REPLY_PK}"
    ),
    Route("helpdesk:saved-reply", hr_only(404), kwargs=question(), query="?reply=x"),
    Route("helpdesk:faq-create", hr_only(200), kwargs=question("answered")),
    # The FAQ
    Route("helpdesk:faq", employees(200)),
    Route("helpdesk:faq", employees(200), query="?q=klant&category=1&page=2"),
    Route("helpdesk:faq-detail", employees(200), kwargs=lambda w: {"pk": w.hd_faq.pk}),
    Route(
        "helpdesk:faq-detail",
        {**employees(404), "hr": 200},
        kwargs=lambda w: {"pk": w.hd_draft_faq.pk},
    ),
    Route(
        "helpdesk:faq-vote",
        employees(302),
        method="post",
        kwargs=lambda w: {"pk": w.hd_faq.pk},
        data={"helpful": "yes"},
    ),
    Route("helpdesk:faq-edit", hr_only(200), kwargs=lambda w: {"pk": w.hd_faq.pk}),
    # Files: the asker and HR; everyone else 404.
    Route(
        "helpdesk:attachment",
        {**own(200), "hr": 200},
        kwargs=lambda w: {"reference": w.hd_attachment.reference},
    ),
]
