"""HR's invitation of a freelancer, and the freelancer's sign-up from its link. The rules are
in alumni.freelancers."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alumni import freelancers
from alumni.models import FreelancerInvitation
from alumni.permissions import can_invite_freelancers


def freelancer_invite(request):
    if not can_invite_freelancers(request.user):
        raise PermissionDenied
    form = freelancers.FreelancerInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = freelancers.freelancer_invite(invited_by=request.user, **form.cleaned_data)
        except freelancers.InvitationError as error:
            form.add_error("email", str(error))
        else:
            email = invitation.person.email
            messages.success(
                request, _("The invitation is on its way to %(email)s.") % {"email": email}
            )
            return redirect("alumni:freelancer-invite")
    recent = list(
        FreelancerInvitation.objects.select_related("person").order_by("-sent_at", "-pk")[:50]
    )
    return render(request, "alumni/freelancer_invite.html", {"form": form, "recent": recent})


@login_not_required
def freelancer_join(request, token):
    try:
        invitation = freelancers.invitation_from_token(token)
    except freelancers.InvitationError as error:
        return render(request, "alumni/freelancer_join.html", {"error": str(error)}, status=400)
    form = freelancers.FreelancerJoinForm(request.POST or None, person=invitation.person)
    if request.method == "POST" and form.is_valid():
        try:
            person = freelancers.freelancer_join(invitation=invitation, data=form.cleaned_data)
        except freelancers.InvitationError as error:
            return render(request, "alumni/freelancer_join.html", {"error": str(error)}, status=400)
        login(request, person)
        messages.success(request, _("Welcome to the network. Your profile is saved."))
        return redirect("alumni:profile-edit")
    return render(request, "alumni/freelancer_join.html", {"form": form, "invitation": invitation})
