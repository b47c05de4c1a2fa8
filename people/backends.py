from allauth.account.auth_backends import AuthenticationBackend

from people.models import User


class PortalBackend(AuthenticationBackend):
    """allauth's authentication (e-mail and password, rate limits), plus: the user of every
    request is loaded with its role flags annotated, so the navigation and permission checks
    of a page need no extra queries for "is this HR?" and "is this a manager?"."""

    def get_user(self, user_id):
        user = User.objects.with_roles().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
