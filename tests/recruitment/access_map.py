"""Who gets what from every recruitment URL.

Visitors see public open vacancies, the feeds, the forms to apply and ask, and a candidate's
status page by its private link only. Employees see internal vacancies too, refer and apply
internally, and see their own referrals in coarse terms; alumni and freelancers see public
vacancies. The pipeline is HR's alone (403 for everyone else, so no candidate's data leaks).
"""

import tempfile

from django.test.utils import override_settings

from tests.access import Route, employees, everyone, hr_only, signed_in

_private = override_settings(RECRUITMENT_CV_ROOT=tempfile.mkdtemp(prefix="recruitment-map-"))


def setup(world):
    from recruitment.models import CandidateQuestion, Vacancy
    from recruitment.services.applications import application_submit
    from tests.recruitment.factories import VacancyFactory, upload

    _private.enable()
    world.rc_vacancy = VacancyFactory(slug="adviseur-map")
    world.rc_internal = VacancyFactory(
        slug="intern-map", visibility=Vacancy.Visibility.INTERNAL, salary_min=None, salary_max=None
    )
    world.rc_closed = VacancyFactory(slug="gesloten-map", status=Vacancy.Status.CLOSED)
    world.rc_application, _new = application_submit(
        vacancy=world.rc_vacancy, name="Sanne", email="sanne@example.org", cv=upload(),
        cv_name="cv.pdf",
    )  # fmt: skip
    world.rc_withdrawn, _new = application_submit(
        vacancy=world.rc_vacancy, name="Joost", email="joost@example.org"
    )
    world.rc_question = CandidateQuestion.objects.create(
        vacancy=world.rc_vacancy, question="Lease-auto?", email="v@example.org"
    )
    from django.core import signing

    from recruitment.services.referrals import OPT_OUT_SALT

    world.rc_opt_out = signing.dumps("0" * 64, salt=OPT_OUT_SALT)


def token(name):
    return lambda w: {"token": getattr(w, name).token}


def app(w):
    return {"pk": w.rc_application.pk}


ROUTES = [
    # Public
    Route("recruitment-public:list", everyone(200)),
    Route("recruitment-public:feed-rss", everyone(200)),
    Route("recruitment-public:feed-json", everyone(200)),
    Route("recruitment-public:sitemap", everyone(200)),
    Route("recruitment-public:vacancy", everyone(200), kwargs=lambda w: {"slug": "adviseur-map"}),
    Route("recruitment-public:vacancy", everyone(410), kwargs=lambda w: {"slug": "gesloten-map"}),
    Route("recruitment-public:vacancy", everyone(404), kwargs=lambda w: {"slug": "intern-map"}),
    Route("recruitment-public:apply", everyone(200), kwargs=lambda w: {"slug": "adviseur-map"}),
    Route("recruitment-public:apply", everyone(200), method="post", data={"name": ""},
          kwargs=lambda w: {"slug": "adviseur-map"}),
    Route("recruitment-public:apply", everyone(302), kwargs=lambda w: {"slug": "gesloten-map"}),
    Route("recruitment-public:ask", everyone(200), kwargs=lambda w: {"slug": "adviseur-map"}),
    Route("recruitment-public:ask", everyone(200), method="post", data={"question": ""},
          kwargs=lambda w: {"slug": "adviseur-map"}),
    Route("recruitment-public:status", everyone(200), kwargs=token("rc_application")),
    Route("recruitment-public:status", everyone(404), kwargs=lambda w: {"token": "x" * 43}),
    Route("recruitment-public:withdraw", everyone(302), method="post",
          kwargs=token("rc_withdrawn")),
    Route("recruitment-public:withdraw", everyone(405), kwargs=token("rc_withdrawn")),
    Route("recruitment-public:never-again", everyone(200),
          kwargs=lambda w: {"token": w.rc_opt_out}),
    Route("recruitment-public:never-again", everyone(404), kwargs=lambda w: {"token": "vals"}),
    # Signed in
    Route("recruitment:index", signed_in(200)),
    Route("recruitment:vacancy", signed_in(200), kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:vacancy", employees(200, 404), kwargs=lambda w: {"pk": w.rc_internal.pk}),
    Route("recruitment:vacancy-apply", employees(302), method="post",
          data={"motivation": "Graag."}, kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:vacancy-refer", employees(302), method="post",
          data={"name": "Piet", "email": "piet@example.org"},
          kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:referrals", employees(200)),
    Route("recruitment:referrer-preference", employees(302), method="post",
          data={"show_name": "1"}),
    # HR
    Route("recruitment:hr-vacancies", hr_only(200)),
    Route("recruitment:hr-vacancy-new", hr_only(200)),
    Route("recruitment:hr-vacancy-edit", hr_only(200), kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:hr-pipeline", hr_only(200), kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:hr-pipeline", hr_only(200), query="?stage=bogus&page=999",
          kwargs=lambda w: {"pk": w.rc_vacancy.pk}),
    Route("recruitment:hr-application", hr_only(200), kwargs=app),
    Route("recruitment:hr-application-stage", hr_only(302), method="post",
          data={"stage": "screening"}, kwargs=app),
    Route("recruitment:hr-application-note", hr_only(302), method="post",
          data={"body": "Sterk profiel."}, kwargs=app),
    Route("recruitment:hr-application-screened", hr_only(302), method="post", kwargs=app),
    Route("recruitment:hr-application-bonus-paid", hr_only(302), method="post", kwargs=app),
    Route("recruitment:hr-application-email", hr_only(200),
          kwargs=lambda w: {"pk": w.rc_application.pk, "kind": "received"}),
    Route("recruitment:hr-application-email", hr_only(404),
          kwargs=lambda w: {"pk": w.rc_application.pk, "kind": "bogus"}),
    Route("recruitment:hr-application-cv", hr_only(200), kwargs=app),
    Route("recruitment:hr-questions", hr_only(200)),
    Route("recruitment:hr-question", hr_only(200), kwargs=lambda w: {"pk": w.rc_question.pk}),
    Route("recruitment:hr-figures", hr_only(200)),
]  # fmt: skip
