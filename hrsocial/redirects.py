"""One safe way back to where a form was: the `next` a page posted, if it is ours."""

from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_to_next(request, fallback, *, field="next"):
    """Redirect to `request.POST[field]` when it is a path on this site (no other host or scheme,
    and https when the request was), else to `fallback` (a URL, a URL name or a model).

    The posted value is only ever used as a URL, never reversed as a name, so `?next=zz` or a
    value with a line break cannot make the redirect fail."""
    next_url = request.POST.get(field, "")
    if (
        next_url.startswith("/")  # a path on this site, as our forms post it
        and "\r" not in next_url
        and "\n" not in next_url
        and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return HttpResponseRedirect(next_url)
    return redirect(fallback)
