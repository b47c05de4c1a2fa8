"""The tips as employees read them: overview, one tip, what changed, acknowledging."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from guidelines import services
from guidelines.diff import versions_diff
from guidelines.forms import SearchForm
from guidelines.models import Acknowledgement, Guideline, GuidelineQuerySet
from guidelines.permissions import get_guideline_for_user, reader_required
from guidelines.rendering import attach_body_html
from hrsocial.search import search


def _reading_order(tip):
    return (not tip.is_golden_rule, tip.category.order, tip.category.name, tip.order, tip.title)


@reader_required
def overview(request):
    """All published tips grouped by category, the golden rule first; searchable, printable,
    with the reader's acknowledgement per tip. One query, however many tips."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    tips = Guideline.objects.published().with_acknowledgement(request.user).in_reading_order()
    tips = sorted(search(tips, query, GuidelineQuerySet.SEARCH_FIELDS), key=_reading_order)
    attach_body_html(tips)
    golden = next((t for t in tips if t.is_golden_rule), None)
    groups: dict = {}
    for tip in tips:
        if tip is not golden:
            groups.setdefault(tip.category, []).append(tip)
    outstanding = [t for t in tips if not t.acknowledged]
    return render(
        request,
        "guidelines/guideline_list.html",
        {
            "form": form,
            "query": query,
            "tips": tips,
            "golden": golden,
            "groups": list(groups.items()),
            "outstanding": outstanding,
            "opened_outstanding": [t for t in outstanding if t.opened],
        },
    )


@reader_required
def detail(request, pk):
    """One tip. Opening it is recorded (see `services.guideline_open` for why a GET may):
    a tip can only be acknowledged after its page was opened."""
    guideline = get_guideline_for_user(request, pk)
    services.guideline_open(guideline=guideline, person=request.user)
    latest = (
        Acknowledgement.objects.filter(person=request.user, guideline=guideline)
        .order_by("-version")
        .first()
    )
    versions = list(guideline.versions.select_related("published_by"))
    attach_body_html([guideline])
    return render(
        request,
        "guidelines/guideline_detail.html",
        {
            "guideline": guideline,
            "acknowledgement": latest,
            "acknowledged": guideline.counts_as_acknowledged(latest and latest.version),
            "opened": True,
            "versions": versions,
        },
    )


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _versions_to_compare(numbers: list[int], old, new) -> tuple[int | None, int | None]:
    """The two version numbers to compare; anything odd falls back to the latest change."""
    if not numbers:
        return None, None
    new = new if new in numbers else numbers[-1]
    old = old if old in numbers else None
    if old is not None and old > new:
        old, new = new, old
    if old is None or old == new:
        older = [n for n in numbers if n < new]
        if older:
            old = older[-1]
        elif len(numbers) > 1:
            old, new = numbers[-2], numbers[-1]
        else:
            old = None
    return old, new


@reader_required
def changes(request, pk):
    """A readable difference between two versions (by default: the latest and the one before)."""
    guideline = get_guideline_for_user(request, pk)
    versions = {v.number: v for v in guideline.versions.select_related("published_by")}
    old, new = _versions_to_compare(
        sorted(versions), _number(request.GET.get("from")), _number(request.GET.get("to"))
    )
    old, new = versions.get(old), versions.get(new)
    return render(
        request,
        "guidelines/guideline_changes.html",
        {
            "guideline": guideline,
            "versions": sorted(versions.values(), key=lambda v: -v.number),
            "old": old,
            "new": new,
            "rows": versions_diff(old, new) if old and new else [],
        },
    )


@reader_required
@require_POST
def acknowledge(request, pk):
    """ "Gelezen en begrepen" for one tip, in the version the reader saw."""
    guideline = get_guideline_for_user(request, pk)
    error = None
    try:
        services.guideline_acknowledge(
            guideline=guideline, person=request.user, version=_number(request.POST.get("version"))
        )
    except ValidationError as exc:
        error = exc.messages[0]
    if request.htmx:
        return _acknowledged_in_place(request, guideline, error)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request, _("Thank you: you acknowledged “%(title)s”.") % {"title": guideline}
        )
    return redirect(_back(request, guideline))


def _acknowledged_in_place(request, guideline, error):
    """The htmx answer: the tip's new state and, on the overview, the summary above the tips
    (an out-of-band swap), so the page is right without a reload."""
    on_detail = request.POST.get("next") == "detail"
    # Annotated afresh (acknowledged, opened): after an error the tip shows what is true now.
    tip = Guideline.objects.with_acknowledgement(request.user).get(pk=guideline.pk)
    context = {"tip": tip, "error": error, "next": request.POST.get("next", "")}
    if not on_detail:
        outstanding = list(Guideline.objects.outstanding_for(request.user).in_reading_order())
        context |= {
            "summary_oob": True,
            "outstanding": outstanding,
            "opened_outstanding": [t for t in outstanding if t.opened],
            "any_tips": True,
        }
    return render(request, "guidelines/partials/ack_status.html", context)


def _back(request, guideline) -> str:
    if request.POST.get("next") == "detail":
        return guideline.get_absolute_url()
    return reverse("guidelines:index") + f"#tip-{guideline.pk}"


@reader_required
@require_POST
def acknowledge_all(request):
    """Every outstanding tip in one click; `seen` says which version of each was on screen."""
    seen = {}
    for value in request.POST.getlist("seen"):
        pk, _sep, version = value.partition(":")
        if _number(pk) is not None and _number(version) is not None:
            seen[int(pk)] = int(version)
    count, changed, unopened = services.guidelines_acknowledge_all(person=request.user, seen=seen)
    if count:
        messages.success(
            request,
            ngettext(
                "Thank you: you acknowledged one tip.",
                "Thank you: you acknowledged %(count)s tips.",
                count,
            )
            % {"count": count},
        )
    elif not changed and not unopened:
        messages.info(request, _("There was nothing left to acknowledge."))
    if changed:
        messages.warning(
            request,
            _("Changed while you were reading, please read again: %(titles)s")
            % {"titles": ", ".join(str(g) for g in changed)},
        )
    if unopened:
        messages.info(
            request,
            _("Not confirmed yet, because you have not opened them: %(titles)s")
            % {"titles": ", ".join(str(g) for g in unopened)},
        )
    return redirect("guidelines:index")
