from alumni.services import membership_sign_up


def handle_sign_up(sender, request, user, **kwargs):
    """allauth's user_signed_up: the claims the sign-up form kept on the user
    (people.forms.SignupForm) go to the verification."""
    claims = getattr(user, "signup_claims", {}) or {}
    membership_sign_up(
        user=user,
        employee_number=claims.get("former_employee_number", ""),
        work_email=claims.get("former_work_email", ""),
    )
