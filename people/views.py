from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from hrsocial.redirects import redirect_to_next
from hrsocial.search import search
from people import services
from people.forms import (
    DirectoryFilterForm,
    ImportConfirmForm,
    LanguageForm,
    PeopleImportForm,
    ProfileForm,
)
from people.models import User, UserQuerySet
from people.permissions import (
    employee_required,
    get_import_for_user,
    get_person_for_second_factor_reset,
    get_person_for_user,
    import_required,
    second_factor_reset_required,
)
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


# The HRIS import: upload and preview, confirm, follow the import (people.services).


@import_required
def import_upload(request):
    posted = request.method == "POST"
    form = PeopleImportForm(request.POST, request.FILES) if posted else PeopleImportForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = services.import_batch_create(
            uploaded_by=request.user, file_name=upload.name, data=upload.read()
        )
        return redirect("people:import-detail", reference=batch.reference)
    return render(request, "people/import_form.html", {"form": form})


@import_required
def import_detail(request, reference):
    """The preview with its confirm form, the progress of the import, or its result."""
    batch = get_import_for_user(request, reference)
    confirm_form = ImportConfirmForm(initial={"digest": batch.digest})
    return render(
        request,
        "people/import_detail.html",
        {
            "batch": batch,
            "confirm_form": confirm_form,
            "change_lists": _change_lists(batch.preview),
            **_progress(batch),
        },
    )


def _change_lists(preview: dict) -> list[dict]:
    """The preview's lists for the page, with the names of the changed fields."""
    counts = preview.get("counts", {})
    lists = []
    for key, title in (
        ("new", _("New people")),
        ("updated", _("Updated")),
        ("returned", _("Returning: alumni network members employed again")),
        ("ended", _("Employment ends: they lose employee access")),
    ):
        changes = [
            {
                **change,
                "field_labels": [
                    str(User._meta.get_field(f).verbose_name) for f in change["fields"]
                ],
            }
            for change in preview.get(key, [])
        ]
        lists.append({"id": key, "title": title, "changes": changes, "total": counts.get(key, 0)})
    return lists


@import_required
@require_POST
def import_confirm(request, reference):
    batch = get_import_for_user(request, reference)
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether new people get an invitation."))
        return redirect("people:import-detail", reference=batch.reference)
    try:
        services.import_batch_confirm(
            batch=batch,
            confirmed_by=request.user,
            digest=form.cleaned_data["digest"],
            invite=form.cleaned_data["invite"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("people:import-detail", reference=batch.reference)


@import_required
def import_progress(request, reference):
    """Polled by htmx while the import runs; once it is over, the page reloads to the result."""
    batch = get_import_for_user(request, reference)
    if not batch.is_running and request.htmx:
        return HttpResponseClientRefresh()
    return render(
        request, "people/partials/import_progress.html", {"batch": batch, **_progress(batch)}
    )


def _progress(batch) -> dict:
    """How far the import is: rows done of the total (the task writes it to the cache)."""
    if not batch.is_running:
        return {}
    done, total = cache.get(services.import_progress_key(batch)) or (0, 0)
    return {"done": done, "total": total, "percent": round(100 * done / total) if total else 0}


@second_factor_reset_required
def second_factor_reset(request, pk):
    """A lost device: an HR lead confirms, then removes the person's second factors (POST)."""
    person = get_person_for_second_factor_reset(request, pk)
    if request.method == "POST":
        services.second_factor_reset(person=person, reset_by=request.user)
        messages.success(
            request,
            _("The second factor of %(person)s was reset; they have been notified.")
            % {"person": person},
        )
        return redirect("people:profile", pk=person.pk)
    return render(
        request,
        "people/second_factor_reset.html",
        {"person": person, "has_second_factor": person.has_second_factor},
    )
