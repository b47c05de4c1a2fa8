"""/api/: the ninja API's URLs. Its endpoints authenticate with tokens, not the session, so
they are exempt from the sign-in redirect; the docs page and schema need a signed-in user."""

from integrations.rest import build_api

api = build_api()
urlpatterns, _ninja, app_name = api.urls
for pattern in urlpatterns:
    if pattern.name not in ("openapi-json", "openapi-view"):
        pattern.callback.login_required = False
