"""Every integrations URL: the API (with a bearer token per role, all scopes; HR's token is an
HR token) and the token and webhook pages (see tests/access.py)."""

from integrations import services, tokens
from tests.access import Route, employees, hr_only, signed_in
from tests.guidelines.factories import GuidelineFactory
from tests.helpdesk.factories import FaqEntryFactory
from tests.recruitment.factories import VacancyFactory
from tests.trainings.factories import TrainingFactory


def bearer(user) -> dict:
    _token, secret = tokens.token_create(
        user=user, name="access map", scopes=tokens.scopes(), days=30, is_hr=user.is_hr
    )
    return {"Authorization": f"Bearer {secret}"}


def api(status=200, *, hr=None, others=None) -> dict:
    """Visitors (no token) 401; employees `status`; alumni and freelancers `others`."""
    others = status if others is None else others
    return {
        "visitor": 401,
        "employee": status,
        "manager": status,
        "hr": status if hr is None else hr,
        "alumnus": others,
        "freelancer": others,
    }


def setup(world):
    world.api_training = TrainingFactory(title="API-training")
    world.api_draft_tip = GuidelineFactory(title="API-concepttip")
    world.api_faq = FaqEntryFactory()
    from recruitment.models import Vacancy

    world.api_internal_vacancy = VacancyFactory(visibility=Vacancy.Visibility.INTERNAL)
    world.api_token, _secret = tokens.token_create(
        user=world.employee, name="kaart", scopes=["people:read"], days=30
    )
    from integrations.models import ChatChannel

    world.channel = ChatChannel.objects.create(
        kind="teams", name="Team", url="https://93.184.215.14/t"
    )
    world.webhook = services.webhook_create(
        actor=world.hr, url="https://93.184.215.14/hook", events=["helpdesk.question_asked"]
    )


ROUTES = [
    Route("api:api-root", {**signed_in(404), "visitor": 404}),
    Route("api:openapi-json", signed_in(200)),
    Route("api:openapi-view", signed_in(200)),
    Route("api:people-list", api(200), auth=bearer),
    Route("api:people-detail", api(200, others=404), auth=bearer,
          kwargs=lambda w: {"pk": w.employee.pk}),
    Route("api:trainings-list", api(200, others=404), auth=bearer),
    Route("api:trainings-detail", api(200, others=404), auth=bearer,
          kwargs=lambda w: {"pk": w.api_training.pk}),
    Route("api:trainings-sessions", api(200, others=404), auth=bearer),
    Route("api:helpdesk-faq-list", api(200, others=404), auth=bearer),
    Route("api:helpdesk-faq-detail", api(200, others=404), auth=bearer,
          kwargs=lambda w: {"pk": w.api_faq.pk}),
    Route("api:guidelines-tips-list", api(200), auth=bearer),
    Route("api:guidelines-tips-detail", api(404, hr=200), auth=bearer,
          kwargs=lambda w: {"pk": w.api_draft_tip.pk}),
    Route("api:recruitment-vacancies-list", api(200), auth=bearer),
    Route("api:recruitment-vacancies-detail", api(200, others=404), auth=bearer,
          kwargs=lambda w: {"pk": w.api_internal_vacancy.pk}),
    Route("api:insights-figures", api(404, hr=200), auth=bearer),
    Route("api:insights-section", api(404, hr=200), auth=bearer,
          kwargs=lambda w: {"label": "trainings"}),
    Route("integrations:tokens", employees(200)),
    Route("integrations:tokens", employees(422), method="post",
          data={"name": "", "days": 30}),
    Route("integrations:token-revoke", {**employees(404), "employee": 302}, method="post",
          kwargs=lambda w: {"pk": w.api_token.pk}),
    Route("integrations:webhooks", hr_only(200)),
    Route("integrations:webhooks", hr_only(422), method="post",
          data={"url": "https://10.0.0.1/", "events": ["helpdesk.question_asked"]}),
    Route("integrations:webhook-detail", hr_only(200), kwargs=lambda w: {"pk": w.webhook.pk}),
    Route("integrations:webhook-active", hr_only(302), method="post",
          data={"active": "0"}, kwargs=lambda w: {"pk": w.webhook.pk}),
    Route("integrations:webhook-delete", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.webhook.pk}),
    Route("integrations:channels", hr_only(200)),
    Route("integrations:channels", hr_only(422), method="post",
          data={"kind": "slack", "name": "x", "url": "http://127.0.0.1/"}),
    Route("integrations:channel-active", hr_only(302), method="post",
          data={"active": "1"}, kwargs=lambda w: {"pk": w.channel.pk}),
    Route("integrations:channel-delete", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.channel.pk}),
]  # fmt: skip
