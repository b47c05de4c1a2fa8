from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial.redirects import redirect_to_next
from hrsocial.search import search
from people import services
from people.forms import DirectoryFilterForm, LanguageForm, ProfileForm
from people.models import User, UserQuerySet
from people.permissions import employee_required, get_person_for_user
from people.sections import sections_for

PAGE_SIZE = 24


@employee_required
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    people = User.objects.directory()
    if form.is_valid() and form.cleaned_data["department"]:
        people = people.filter(department=form.cleaned_data["department"])
    query = form.cleaned_data["q"] if form.is_valid() else ""
    people = search(people, query, UserQuerySet.SEARCH_FIELDS)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "people/user_list.html", {"page": page, "form": form, "query": query})


def profile(request, pk):
    person = get_person_for_user(request, pk)
    return render(
        request,
        "people/user_detail.html",
        {"person": person, "sections": sections_for(request, person)},
    )


def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(request.user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        return redirect("people:profile", pk=request.user.pk)
    return render(request, "people/user_form.html", {"form": form})


@login_not_required
@require_POST
def set_language(request):
    """The language switch: remembered in a cookie, and on the profile when signed in."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown language."))
        return redirect_to_next(request, "/")
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.person_set_language(person=request.user, language=language)
    response = redirect_to_next(request, "/")

    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 60 * 60,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response
