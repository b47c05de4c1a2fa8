"""Attachments, served only after the permission check, always as a download."""

from django.http import FileResponse, Http404

from helpdesk.attachments import CONTENT_TYPES
from helpdesk.permissions import get_attachment_for_user
from people.permissions import employee_required


@employee_required
def attachment_download(request, reference):
    attachment = get_attachment_for_user(request, reference, token=request.GET.get("token", ""))
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type=CONTENT_TYPES[attachment.kind],
    )
    # Never rendered in the portal's origin, never kept in a shared cache.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
