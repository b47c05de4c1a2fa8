from allauth.account.auth_backends import AuthenticationBackend

from people.signed_in import load_user


class PortalBackend(AuthenticationBackend):
    """allauth's authentication (e-mail and password, rate limits), plus: the user of every
    request is loaded with its role flags annotated, so the navigation and permission checks
    of a page need no extra queries for "is this HR?" and "is this a manager?". With a shared
    cache the loaded user is kept there until people or groups change (people.signed_in)."""

    def get_user(self, user_id):
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
