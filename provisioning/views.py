from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from provisioning import services
from provisioning.forms import ConnectionForm
from provisioning.models import Connection
from provisioning.permissions import connections_required, get_connection_for_user

NEW_TOKEN_KEY = "provisioning_new_token"


@connections_required
def connections(request):
    """The identity providers' connections; a new one shows its token once."""
    form = ConnectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        connection, token = services.connection_create(
            name=form.cleaned_data["name"],
            created_by=request.user,
            valid_days=form.cleaned_data["valid_days"],
        )
        messages.success(request, _("Connection “%s” created.") % connection.name)
        # Shown on the next page only (a reload neither repeats the POST nor shows it again).
        request.session[NEW_TOKEN_KEY] = token
        return redirect("provisioning:connections")
    token = request.session.pop(NEW_TOKEN_KEY, None)
    return render(
        request,
        "provisioning/connection_list.html",
        {
            "form": form,
            "token": token,
            "connections": Connection.objects.select_related("created_by"),
            "base_url": request.build_absolute_uri("/scim/v2/"),
        },
    )


@connections_required
@require_POST
def connection_revoke(request, pk):
    connection = get_connection_for_user(request, pk)
    services.connection_revoke(connection=connection, revoked_by=request.user)
    messages.success(request, _("Connection “%s” revoked.") % connection.name)
    return redirect("provisioning:connections")
