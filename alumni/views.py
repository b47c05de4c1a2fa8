from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alumni import services
from alumni.forms import RejectForm
from alumni.models import Membership
from alumni.overview import network_overview
from alumni.permissions import (
    get_pending_membership_for_user,
    is_waiting,
    network_required,
    verifier_required,
)


@network_required
def index(request):
    return render(request, "alumni/index.html", network_overview(request.user))


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


@network_required
def directory(request):
    from django.utils import timezone

    from alumni.directory import directory_page
    from alumni.forms import DirectoryFilterForm

    form = DirectoryFilterForm(request.GET or None)
    search = form.cleaned_data if form.is_valid() else {}
    page = directory_page(
        viewer=request.user, skill=search.get("skill", ""),
        available_on=timezone.localdate() if search.get("available") else None,
        number=request.GET.get("page"),
    )  # fmt: skip
    return render(request, "alumni/directory.html", {"form": form, "page": page})


@network_required
def profile_detail(request, pk):
    from alumni.permissions import can_see_rates, get_profile_for_user
    from hrsocial import audit

    profile = get_profile_for_user(request, pk)
    if request.user.is_hr and profile.user_id != request.user.pk:
        audit.record(actor=request.user, action="alumni.profile_read", target=profile.user)
    return render(
        request,
        "alumni/profile_detail.html",
        {
            "profile": profile,
            "shown": profile.shown_to(request.user),
            "can_see_rates": can_see_rates(request.user, profile),
        },
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


# Gigs ("klussen").


@network_required
def gig_list(request):
    from alumni.models import Gig
    from alumni.permissions import can_manage_gigs

    rows = Gig.objects.all() if can_manage_gigs(request.user) else Gig.objects.listed()
    gigs = list(rows.order_by("-created_at", "-pk").prefetch_related("skills")[:100])
    return render(request, "alumni/gig_list.html", {"gigs": gigs})


@network_required
def gig_detail(request, pk):
    from alumni.directory import match_rows
    from alumni.forms import InterestForm
    from alumni.models import Interest, Profile
    from alumni.permissions import can_manage_gigs, can_show_interest, get_gig_for_user

    gig = get_gig_for_user(request, pk)
    context = {"gig": gig, "interest_form": InterestForm(), "mine": None}
    if can_show_interest(request.user):  # HR shows no interest: nothing to look up
        context["mine"] = Interest.objects.filter(gig=gig, member=request.user).first()
    if can_manage_gigs(request.user):
        interests = list(gig.interests.select_related("member").order_by("created_at"))
        members = [i.member for i in interests]
        profiles = {
            p.user_id: p
            for p in Profile.objects.filter(user__in=members).prefetch_related("skills")
        }
        warned = services.gig_dba_warnings(gig=gig, people=members)
        context["interests"] = [
            (i, profiles.get(i.member_id), i.member_id in warned) for i in interests
        ]
        context["matches"] = match_rows(services.gig_matches(gig=gig))
    return render(request, "alumni/gig_detail.html", context)


def gig_create(request):
    from django.core.exceptions import PermissionDenied

    from alumni.forms import GigForm
    from alumni.permissions import can_manage_gigs

    if not can_manage_gigs(request.user):
        raise PermissionDenied
    form = GigForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k in form._meta.fields}
        gig = services.gig_create(
            posted_by=request.user, skills=form.cleaned_data["skills_text"], **fields
        )
        messages.success(request, _("The gig is saved."))
        return redirect(gig)
    return render(request, "alumni/gig_form.html", {"form": form})


@require_POST
def interest_create(request, pk):
    from django.core.exceptions import PermissionDenied

    from alumni.forms import InterestForm
    from alumni.permissions import can_show_interest, get_gig_for_user

    gig = get_gig_for_user(request, pk)
    if not can_show_interest(request.user):
        raise PermissionDenied
    form = InterestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note is too long (at most 1,000 characters)."))
        return redirect(gig)
    try:
        services.interest_express(gig=gig, member=request.user, note=form.cleaned_data["note"])
    except services.GigError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("HR knows you are interested."))
    return redirect(gig)


@require_POST
def gig_pick(request, pk):
    from django.core.exceptions import PermissionDenied

    from alumni.forms import PickForm
    from alumni.permissions import can_manage_gigs, get_gig_for_user
    from people.models import User

    if not can_manage_gigs(request.user):
        raise PermissionDenied
    gig = get_gig_for_user(request, pk)
    form = PickForm(request.POST)
    member = None
    if form.is_valid():
        member = User.objects.filter(pk=form.cleaned_data["member"]).first()
    try:
        if member is None:
            raise services.GigError(_("Only someone who showed interest can be picked."))
        services.gig_pick(gig=gig, member=member, picked_by=request.user)
    except services.GigError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is picked; the others are told.") % {"name": member})
    return redirect(gig)


def my_data(request):
    """The member's JSON download of what the network keeps about them."""
    from django.core.exceptions import PermissionDenied
    from django.http import JsonResponse

    from alumni.permissions import can_edit_profile

    if not can_edit_profile(request.user):
        raise PermissionDenied
    response = JsonResponse(
        services.member_data(user=request.user), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="alumni-data.json"'
    return response


@require_POST
def membership_leave(request):
    from django.contrib.auth import logout
    from django.core.exceptions import PermissionDenied

    from alumni.permissions import can_edit_profile

    if not can_edit_profile(request.user):
        raise PermissionDenied
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that you leave the network."))
        return redirect("alumni:profile-edit")
    services.membership_delete(user=request.user)
    logout(request)
    return redirect("account_login")
