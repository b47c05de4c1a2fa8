"""Who may do what in integrations, in one place: employees make their own API tokens; HR
registers webhooks and sees their deliveries. 404 for anyone else's records."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from integrations.models import AccessToken, WebhookEndpoint
from people.permissions import is_employee, is_hr, role_required

can_use_api = is_employee
can_manage_webhooks = is_hr

api_user_required = role_required(can_use_api)
webhooks_required = role_required(can_manage_webhooks)


def can_manage_channels(user) -> bool:
    return is_hr(user) and user.is_hr_lead


channels_required = role_required(can_manage_channels)


def get_channel_for_user(request, pk):
    from integrations.models import ChatChannel

    if not can_manage_channels(request.user):
        raise Http404
    return get_object_or_404(ChatChannel, pk=pk)


def can_make_hr_tokens(user) -> bool:
    return is_hr(user)


def get_token_for_user(request, pk) -> AccessToken:
    """One's own token only."""
    return get_object_or_404(AccessToken.objects.filter(user=request.user), pk=pk)


def get_webhook_for_user(request, pk) -> WebhookEndpoint:
    if not can_manage_webhooks(request.user):
        raise Http404
    return get_object_or_404(WebhookEndpoint, pk=pk)
