from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alumni import services
from alumni.forms import RejectForm
from alumni.models import Membership
from alumni.permissions import (
    get_pending_membership_for_user,
    is_waiting,
    network_required,
    verifier_required,
)


@network_required
def index(request):
    return render(request, "alumni/index.html", {})


def waiting(request):
    """The one page a sign-up sees until it is verified (alumni.middleware)."""
    if not is_waiting(request.user):
        return redirect("alumni:index")
    membership = Membership.objects.get(user=request.user)
    return render(request, "alumni/waiting.html", {"membership": membership})


@verifier_required
def verification_queue(request):
    memberships = list(Membership.objects.verification_queue()[:200])
    return render(
        request,
        "alumni/verification_queue.html",
        {"memberships": memberships, "reject_form": RejectForm()},
    )


@require_POST
def membership_approve(request, pk):
    membership = get_pending_membership_for_user(request, pk)
    services.membership_approve(membership=membership, approved_by=request.user)
    messages.success(request, _("%(name)s is now a member of the network.") % {"name": membership.user})
    return redirect("alumni:verification-queue")


@require_POST
def membership_reject(request, pk):
    membership = get_pending_membership_for_user(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("reason", []):
            messages.error(request, error)
        return redirect("alumni:verification-queue")
    services.membership_reject(
        membership=membership, rejected_by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The sign-up of %(name)s is rejected.") % {"name": membership.user})
    return redirect("alumni:verification-queue")
