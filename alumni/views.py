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
    messages.success(
        request, _("%(name)s is now a member of the network.") % {"name": membership.user}
    )
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


DIRECTORY_PAGE_SIZE = 25


@network_required
def directory(request):
    from django.core.paginator import Paginator
    from django.utils import timezone

    from alumni.forms import DirectoryFilterForm
    from alumni.models import Profile, Visibility

    form = DirectoryFilterForm(request.GET or None)
    rows = Profile.objects.directory()
    hr = request.user.is_hr
    if form.is_valid():
        skill = " ".join(form.cleaned_data["skill"].replace("\x00", "").split()).lower()
        if skill:
            rows = rows.filter(skills__name__icontains=skill).distinct()
            if not hr:  # never reveal a skill the member keeps from other members
                rows = rows.filter(visibility__skills=Visibility.MEMBERS)
        if form.cleaned_data["available"]:
            rows = rows.available_on(timezone.localdate())
            if not hr:
                rows = rows.filter(visibility__availability=Visibility.MEMBERS)
    page = Paginator(rows, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    cards = [(p, p.shown_to(request.user)) for p in page.object_list]
    return render(request, "alumni/directory.html", {"form": form, "page": page, "cards": cards})


@network_required
def profile_detail(request, pk):
    from alumni.permissions import get_profile_for_user
    from hrsocial import audit

    profile = get_profile_for_user(request, pk)
    if request.user.is_hr and profile.user_id != request.user.pk:
        audit.record(actor=request.user, action="alumni.profile_read", target=profile.user)
    return render(
        request,
        "alumni/profile_detail.html",
        {"profile": profile, "shown": profile.shown_to(request.user)},
    )


def profile_edit(request):
    from django.core.exceptions import PermissionDenied

    from alumni.forms import ProfileForm
    from alumni.permissions import is_member

    if not is_member(request.user):
        raise PermissionDenied
    profile = services.profile_for(request.user)
    form = ProfileForm(
        request.POST or None, instance=profile, freelancer=request.user.is_freelancer
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in form._meta.fields}
        services.profile_update(
            profile=profile, data=data, skills=form.cleaned_data["skills_text"],
            visibility=form.visibility(),
        )  # fmt: skip
        messages.success(request, _("Your profile is saved."))
        return redirect("alumni:profile-edit")
    return render(request, "alumni/profile_form.html", {"form": form, "profile": profile})
