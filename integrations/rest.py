"""The portal's read-only API (django-ninja), at /api/, with its OpenAPI page at /api/docs/.

Each app contributes a Router (`api_routers = ["<app>.rest.router"]` on its config), mounted
at /api/<label>/ behind `TokenAuth("<label>:read")`: a personal access token (Authorization:
Bearer hrs_…) with that scope, not expired or revoked, of an active person. The routers use
the apps' own querysets and permission helpers with `request.user` set to the token's owner as
the API sees them (`tokens.acting_user`: no HR rights without an HR token). Requests are
rate limited per token (API_RATE_LIMIT_PER_MINUTE).
"""

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import HttpBearer

from hrsocial import plugins
from hrsocial.ratelimit import rate_limited, seconds_until_next_period
from integrations import tokens
from integrations.models import AccessToken


class RateLimited(Exception):
    pass


class TokenAuth(HttpBearer):
    def __init__(self, scope: str):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str):
        found = tokens.token_find(token)
        if found is None or self.scope not in found.scopes:
            return None
        if rate_limited(
            key=f"integrations:api:{found.pk}", limit=settings.API_RATE_LIMIT_PER_MINUTE
        ):
            raise RateLimited
        if found.last_used_at is None or (timezone.now() - found.last_used_at).seconds > 60:
            AccessToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = tokens.acting_user(found)
        request.access_token = found
        return found


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="hrsocial API",
        version="1",
        description=(
            "Read-only access for integrations. Authenticate with a personal access token "
            "(Authorization: Bearer …), made on your own settings page in the portal."
        ),
        urls_namespace="api",
        docs_url="/docs/",
        openapi_url="/openapi.json",
    )
    for config in plugins.portal_apps():
        for path in config.api_routers:
            api.add_router(
                f"/{config.label}/", import_string(path), auth=TokenAuth(f"{config.label}:read"),
                tags=[str(config.verbose_name)],
            )  # fmt: skip

    @api.exception_handler(RateLimited)
    def too_many(request, exc):
        response = api.create_response(
            request, {"detail": _("Too many requests: try again in a minute.")}, status=429
        )
        response["Retry-After"] = str(seconds_until_next_period())
        return response

    return api
