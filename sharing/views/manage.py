"""HR and the comms group ("Communicatie"): curating kits, suggested texts, the general
disclosure, and the figures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sharing import permissions
from sharing.forms import KitForm, SettingsForm, VariantForm
from sharing.models import CaptionVariant, ShareKit, SharingSettings
from sharing.permissions import manager_required
from sharing.services import figures, kits
from sharing.services import sharing as share_services


@manager_required
def manage(request):
    rows = list(
        ShareKit.objects.select_related("campaign")
        .annotate(variant_count=Count("variants", distinct=True),
                  share_count=Count("shares", distinct=True))
        .order_by("-starts_at", "-pk")[:200]
    )  # fmt: skip
    return render(request, "sharing/manage.html", {"kits": rows})


@manager_required
def kit_create(request):
    return _kit_form(request, ShareKit())


@manager_required
def kit_edit(request, pk):
    return _kit_form(request, permissions.get_kit_for_manager(request, pk))


def _kit_form(request, kit):
    form = KitForm(request.POST or None, request.FILES or None, instance=kit)
    if request.method == "POST" and form.is_valid():
        try:
            kit = kits.kit_save(kit=form.save(commit=False),
                                departments=form.cleaned_data["departments"],
                                saved_by=request.user)  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The kit is saved."))
            return redirect("sharing:kit-manage", pk=kit.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "sharing/kit_form.html", {"form": form, "kit": kit}, status=status)


@manager_required
def kit_manage(request, pk):
    kit = permissions.get_kit_for_manager(request, pk)
    context = {
        "kit": kit, "variants": list(kit.variants.annotate(used=Count("shares"))),
        "variant_form": VariantForm(), "figures": figures.kit_rows(kit),
        "disclosure": share_services.disclosure_for(kit),
    }  # fmt: skip
    return render(request, "sharing/kit_manage.html", context)


@manager_required
@require_POST
def variant_add(request, pk):
    kit = permissions.get_kit_for_manager(request, pk)
    form = VariantForm(request.POST)
    if form.is_valid():
        try:
            kits.variant_add(kit=kit, channel=form.cleaned_data["channel"],
                             text=form.cleaned_data["text"],
                             text_en=form.cleaned_data["text_en"],
                             added_by=request.user)  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The suggested text is added."))
            return redirect("sharing:kit-manage", pk=kit.pk)
    context = {
        "kit": kit, "variants": list(kit.variants.annotate(used=Count("shares"))),
        "variant_form": form, "figures": figures.kit_rows(kit),
        "disclosure": share_services.disclosure_for(kit),
    }  # fmt: skip
    return render(request, "sharing/kit_manage.html", context, status=400)


@manager_required
@require_POST
def variant_delete(request, pk, variant_pk):
    kit = permissions.get_kit_for_manager(request, pk)
    variant = get_object_or_404(CaptionVariant, pk=variant_pk, kit=kit)
    kits.variant_delete(variant=variant, deleted_by=request.user)
    messages.success(request, _("The suggested text is removed."))
    return redirect("sharing:kit-manage", pk=kit.pk)


@manager_required
@require_POST
def kit_publish(request, pk):
    kit = permissions.get_kit_for_manager(request, pk)
    if kit.status == ShareKit.Status.WITHDRAWN:
        messages.error(request, _("A withdrawn kit cannot be published again: make a new one."))
    else:
        kits.kit_publish(kit=kit, published_by=request.user)
        messages.success(request, _("The kit is published; its audience hears of it."))
    return redirect("sharing:kit-manage", pk=kit.pk)


@manager_required
@require_POST
def kit_withdraw(request, pk):
    kit = permissions.get_kit_for_manager(request, pk)
    kits.kit_withdraw(kit=kit, withdrawn_by=request.user)
    messages.success(
        request, _("The kit is withdrawn: its links now say it is no longer available.")
    )
    return redirect("sharing:kit-manage", pk=kit.pk)


@manager_required
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=SharingSettings.current())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The general disclosure is saved."))
        return redirect("sharing:manage")
    status = 400 if request.method == "POST" else 200
    return render(request, "sharing/settings_form.html", {"form": form}, status=status)


@manager_required
def figures_page(request):
    return render(request, "sharing/figures.html", figures.hr_figures())
