from tests.access import LOGIN, Route, everyone, signed_in

# Signed-in people are sent on from the sign-in and sign-up pages.
ENTRANCE = {**everyone(302), "visitor": 200}
# allauth's pages for an account's own settings.
OWN_ACCOUNT = signed_in(200)

ROUTES = [
    Route("home", signed_in(200)),
    Route("search", signed_in(200), query="?q=jansen"),
    Route("health", everyone(200)),
    Route("ready", everyone(200)),
    # Sign-in (django-allauth).
    Route("account_login", ENTRANCE),
    Route("account_logout", {**signed_in(200), "visitor": 302}),
    Route("account_logout", {**everyone(302)}, method="post"),
    Route("account_inactive", everyone(200)),
    Route("account_signup", ENTRANCE),
    Route("account_reauthenticate", OWN_ACCOUNT),
    Route("account_request_reauthentication_code", signed_in(200)),
    Route("account_confirm_reauthentication_code", signed_in(302)),
    Route("account_email", OWN_ACCOUNT),
    Route("account_email_verification_sent", everyone(200)),
    Route("account_change_password", OWN_ACCOUNT),
    Route("account_set_password", {**signed_in(302)}),
    Route("account_reset_password", everyone(200)),
    Route("account_confirm_login_code", {**everyone(302)}),
    Route("account_confirm_email", everyone(200), kwargs=lambda w: {"key": "not-a-key"}),
    Route("account_reset_password_from_key_done", everyone(200)),
    Route(
        "account_reset_password_from_key",
        everyone(200),
        kwargs=lambda w: {"uidb36": "zz", "key": "not-a-key"},
    ),
    Route("account_reset_password_done", everyone(200)),
    Route("socialaccount_login_cancelled", everyone(200)),
    # allauth answers its SSO error page with 401; visitors are sent to sign in again.
    Route("socialaccount_login_error", signed_in(401)),
    Route("socialaccount_signup", {**everyone(302)}),
    Route("socialaccount_connections", OWN_ACCOUNT),
    Route("path:accounts/social/login/cancelled/", signed_in(301)),
    Route("path:accounts/social/login/error/", signed_in(301)),
    Route("path:accounts/social/signup/", signed_in(301)),
    Route("path:accounts/social/connections/", signed_in(301)),
]

__all__ = ["LOGIN", "ROUTES"]
