"""The employee's side: kits to share, the share page (pick a text, edit, check, share), the
personal link's page (copy the text, open the network), and their own figures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sharing import permissions
from sharing.forms import LeaderboardForm, ShareForm
from sharing.models import Channel, ShareKit, SharingProfile
from sharing.permissions import sharer_required
from sharing.services import figures
from sharing.services import sharing as services


@sharer_required
def index(request):
    kits = list(
        ShareKit.objects.shareable_by(request.user).select_related("campaign")
        .order_by("-starts_at", "-pk")[:100]
    )  # fmt: skip
    return render(request, "sharing/kit_list.html", {"kits": kits})


def _channel(request) -> str:
    channel = request.GET.get("channel") or request.POST.get("channel") or Channel.LINKEDIN
    return channel if channel in Channel.values else Channel.LINKEDIN


def _page(request, kit, *, channel, form=None, review=None, status=200):
    variants = services.variants_in_rotation(kit, channel)
    disclosure = services.disclosure_for(kit)
    chosen = None
    wanted = request.GET.get("variant", "")
    if wanted.isdigit():
        chosen = next((v for v in variants if v.pk == int(wanted)), None)
    chosen = chosen or (variants[0] if variants else None)
    if form is None:
        text = services.with_disclosure(
            chosen.display_text if chosen else kit.display_title, disclosure
        )
        form = ShareForm(kit=kit, initial={"channel": channel, "text": text,
                                           "variant": chosen.pk if chosen else ""})  # fmt: skip
    context = {
        "kit": kit, "channel": channel, "channels": Channel.choices, "variants": variants,
        "chosen": chosen, "disclosure": disclosure, "form": form, "review": review,
        "takes_text": services.takes_text(channel),
    }  # fmt: skip
    return render(request, "sharing/kit_share.html", context, status=status)


@sharer_required
def kit_share_page(request, pk):
    kit = permissions.get_kit_for_sharer(request, pk)
    return _page(request, kit, channel=_channel(request))


@sharer_required
@require_POST
def kit_check(request, pk):
    """Check the edited text: length, disclosure, near-duplicates, the tips' draft checker."""
    kit = permissions.get_kit_for_sharer(request, pk)
    form = ShareForm(request.POST, kit=kit)
    if not form.is_valid():
        return _page(request, kit, channel=_channel(request), form=form, status=400)
    data = form.cleaned_data
    review = services.text_review(
        kit=kit, channel=data["channel"], text=data["text"], sharer=request.user
    )
    return _page(request, kit, channel=data["channel"], form=form, review=review)


@sharer_required
@require_POST
def kit_share(request, pk):
    kit = permissions.get_kit_for_sharer(request, pk)
    form = ShareForm(request.POST, kit=kit)
    if form.is_valid():
        data = form.cleaned_data
        try:
            share = services.share_create(
                kit=kit, sharer=request.user, channel=data["channel"], text=data["text"],
                variant_id=data["variant"].pk if data["variant"] else None,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("text", error)
        else:
            return redirect("sharing:share-detail", code=share.code)
    review = services.text_review(
        kit=kit, channel=_channel(request), text=request.POST.get("text", "")[:5000],
        sharer=request.user, check=False,
    )  # fmt: skip
    return _page(request, kit, channel=_channel(request), form=form, review=review, status=400)


@sharer_required
def share_detail(request, code):
    share = permissions.get_own_share(request, code)
    context = {
        "share": share, "kit": share.kit, "personal_url": services.personal_url(share),
        "network_url": services.network_url(share),
        "takes_text": services.takes_text(share.channel),
        "available": share.kit.is_available(),
    }  # fmt: skip
    return render(request, "sharing/share_detail.html", context)


@sharer_required
def kit_image(request, pk):
    kit = permissions.get_kit_for_sharer(request, pk)
    if not kit.image:
        raise Http404
    try:
        handle = kit.image.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, content_type=_image_type(kit.image.name))


def _image_type(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower()
    return {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}.get(
        extension, "application/octet-stream"
    )


@sharer_required
def mine(request):
    shares = list(figures.own_shares(request.user))
    profile = SharingProfile.objects.filter(user=request.user).first()
    context = {
        "shares": shares, "total_clicks": sum(s.click_count for s in shares),
        "on_leaderboard": bool(profile and profile.on_leaderboard),
    }  # fmt: skip
    return render(request, "sharing/mine.html", context)


@sharer_required
@require_POST
def leaderboard_choice(request):
    form = LeaderboardForm(request.POST)
    form.is_valid()
    on = form.cleaned_data.get("on_leaderboard", False)
    SharingProfile.objects.update_or_create(user=request.user, defaults={"on_leaderboard": on})
    if on:
        messages.success(request, _("You are on the leaderboard: HR sees your clicks by name."))
    else:
        messages.success(request, _("You are not on the leaderboard: HR does not see your clicks."))
    return redirect("sharing:mine")
