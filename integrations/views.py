from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial import audit
from integrations import services, tokens
from integrations.forms import ChannelForm, TokenForm, WebhookForm
from integrations.models import (
    AccessToken,
    ChatChannel,
    ChatMessage,
    WebhookDelivery,
    WebhookEndpoint,
)
from integrations.permissions import (
    api_user_required,
    channels_required,
    get_channel_for_user,
    get_token_for_user,
    get_webhook_for_user,
    webhooks_required,
)


@api_user_required
def token_list(request):
    """One's own tokens; a new token's secret is shown on this answer only."""
    form = TokenForm(request.POST or None, user=request.user)
    secret = ""
    if request.method == "POST" and form.is_valid():
        _token, secret = tokens.token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            days=form.cleaned_data["days"],
            is_hr=form.cleaned_data.get("is_hr", False),
        )
        form = TokenForm(user=request.user)
    status = 422 if form.errors else 200
    return render(
        request,
        "integrations/token_list.html",
        {
            "form": form,
            "secret": secret,
            "tokens": AccessToken.objects.filter(user=request.user),
        },
        status=status,
    )


@require_POST
@api_user_required
def token_revoke(request, pk):
    token = get_token_for_user(request, pk)
    tokens.token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token is revoked: it no longer works."))
    return redirect("integrations:tokens")


@webhooks_required
def webhook_list(request):
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        endpoint = services.webhook_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The webhook is registered."))
        return redirect("integrations:webhook-detail", pk=endpoint.pk)
    return render(
        request,
        "integrations/webhook_list.html",
        {"form": form, "endpoints": WebhookEndpoint.objects.all()},
        status=422 if form.errors else 200,
    )


@webhooks_required
def webhook_detail(request, pk):
    endpoint = get_webhook_for_user(request, pk)
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-created_at", "-id")
    return render(
        request,
        "integrations/webhook_detail.html",
        {"endpoint": endpoint, "deliveries": deliveries[:100]},
    )


@require_POST
@webhooks_required
def webhook_active(request, pk):
    endpoint = get_webhook_for_user(request, pk)
    active = request.POST.get("active") == "1"
    services.webhook_set_active(actor=request.user, endpoint=endpoint, active=active)
    return redirect("integrations:webhook-detail", pk=endpoint.pk)


@require_POST
@webhooks_required
def webhook_delete(request, pk):
    endpoint = get_webhook_for_user(request, pk)
    services.webhook_delete(actor=request.user, endpoint=endpoint)
    messages.success(request, _("The webhook is deleted."))
    return redirect("integrations:webhooks")


@channels_required
def channel_list(request):
    """HR leads: the Teams and Slack channels, and the latest messages with their status."""
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        channel = form.save(commit=False)
        channel.created_by = request.user
        channel.save()
        audit.record(actor=request.user, action="integrations.channel_create", target=channel)
        messages.success(request, _("The channel is saved."))
        return redirect("integrations:channels")
    return render(
        request,
        "integrations/channel_list.html",
        {
            "form": form,
            "channels": ChatChannel.objects.select_related("department", "person"),
            "chat_messages": ChatMessage.objects.select_related("channel")[:100],
        },
        status=422 if form.errors else 200,
    )


@require_POST
@channels_required
def channel_active(request, pk):
    channel = get_channel_for_user(request, pk)
    active = request.POST.get("active") == "1"
    services.channel_set_active(actor=request.user, channel=channel, active=active)
    if active:
        messages.success(request, _("The channel is on again: the next notices go to it."))
    else:
        messages.success(request, _("The channel is off: its notices go by e-mail."))
    return redirect("integrations:channels")


@require_POST
@channels_required
def channel_delete(request, pk):
    channel = get_channel_for_user(request, pk)
    audit.record(actor=request.user, action="integrations.channel_delete", target=channel)
    channel.delete()
    messages.success(request, _("The channel is deleted."))
    return redirect("integrations:channels")
