"""Insights' pages. Every figure they show comes out of `insights.privacy.publish`: the views
hand templates and exports only its output, never the raw figures."""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial import audit
from hrsocial.exports import export_format, table_export
from insights import figures, permissions, rendering, services
from insights.forms import InitiativeForm, ResultForm, SelectionForm, ShareForm
from insights.models import Initiative, Share
from insights.privacy import publish
from insights.sections import all_figures, installed_sections
from people.permissions import role_required

hr_only = role_required(permissions.can_read)


def _dashboard_context(request, *, exports: bool) -> dict:
    form = SelectionForm(request.GET or None)
    selection = form.selection()
    names = {str(pk): name for pk, name, _n in figures.departments()}
    return {
        "form": form,
        "selection": selection,
        # Published and rendered once per selection (insights.rendering), not per request.
        "sections_html": rendering.sections_html(selection, exports=exports),
        "department_name": names.get(str(selection.department or "")),
    }


@hr_only
def dashboard(request):
    return render(request, "insights/dashboard.html", _dashboard_context(request, exports=True))


@role_required(permissions.can_open_share)
def shared_dashboard(request, token):
    share = permissions.get_share_for_user(request, token)
    audit.record(actor=request.user, action="insights.share_open", target=share)
    context = _dashboard_context(request, exports=False)
    return render(request, "insights/dashboard.html", {**context, "share": share})


@hr_only
def export(request):
    """One figure's series as CSV or XLSX: the same published cells as the chart's table."""
    selection = SelectionForm(request.GET or None).selection()
    key = request.GET.get("figure", "")
    if key not in all_figures():
        raise Http404
    dashboard = publish(figures.dashboard(selection))
    series = next(s for section in dashboard.sections for s in section.series if s.key == key)
    rows = [
        (period, cell.value if not cell.hidden else "", cell.text) for period, cell in series.rows
    ]
    rows.append(
        (_("Whole period"), "" if series.total.hidden else series.total.value, series.total.text)
    )
    audit.record(actor=request.user, action="insights.export", figure=key)
    return table_export(
        header=[_("Period"), series.label, _("Shown as")],
        rows=rows,
        filename=f"insights-{key}-{selection.start.isoformat()}",
        file_format=export_format(request),
    )


def _month(value: str | None) -> datetime.date:
    today = timezone.localdate()
    fallback = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    try:
        month = datetime.date.fromisoformat(f"{value}-01") if value else fallback
    except ValueError:
        return fallback
    return month if month <= today else fallback


@hr_only
def report(request):
    """The printable monthly report: every section's figures for one month, per week."""
    month = _month(request.GET.get("month"))
    end = (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    selection = figures.Selection(start=month, end=end, granularity=figures.WEEK)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    return render(request, "insights/report.html", {
        "sections_html": rendering.sections_html(selection, exports=False),
        "month": month, "end": end, "previous": previous,
    })  # fmt: skip


@hr_only
def initiative_list(request):
    initiatives = Initiative.objects.select_related("owner").prefetch_related("pilot_departments")
    labels = {f.key: f.label for f in all_figures().values()}
    rows = [(i, labels.get(i.figure, i.figure)) for i in initiatives]
    return render(request, "insights/initiative_list.html", {"rows": rows})


@hr_only
def initiative_create(request):
    form = InitiativeForm(request.POST or None, initial={"owner": str(request.user.pk)})
    if request.method == "POST" and form.is_valid():
        initiative = services.initiative_record(
            data=form.initiative_data(), pilot_departments=form.pilot_ids(),
            recorded_by=request.user,
        )  # fmt: skip
        messages.success(request, _("The initiative is recorded."))
        return redirect("insights:initiative-detail", pk=initiative.pk)
    return render(request, "insights/initiative_form.html", {"form": form})


def _initiative_context(request, pk) -> dict:
    initiative = permissions.get_initiative_for_user(request, pk)
    figure = all_figures().get(initiative.figure)
    if figure is None:  # its app is no longer installed
        raise Http404
    pilot = list(initiative.pilot_departments.all())
    comparison = publish(figures.comparison(
        figure=figure, starts_on=initiative.starts_on, pilot_ids=[d.pk for d in pilot],
        until=timezone.localdate() - datetime.timedelta(days=1),
    ))  # fmt: skip
    comparison.chart["target"] = initiative.target
    comparison.chart["baseline"] = initiative.baseline
    sections = {s.label: s.title for s in installed_sections()}
    return {
        "initiative": initiative, "figure": figure, "pilot": pilot, "comparison": comparison,
        "practice": sections.get(initiative.practice, initiative.practice),
    }  # fmt: skip


@hr_only
def initiative_detail(request, pk):
    context = _initiative_context(request, pk)
    result = ResultForm(initial={"result": context["initiative"].result})
    return render(request, "insights/initiative_detail.html", {**context, "result_form": result})


@hr_only
@require_POST
def initiative_result(request, pk):
    initiative = permissions.get_initiative_for_user(request, pk)
    form = ResultForm(request.POST)
    if form.is_valid():
        services.initiative_record_result(
            initiative=initiative, result=form.cleaned_data["result"], recorded_by=request.user
        )
        messages.success(request, _("The result is recorded."))
    else:
        messages.error(request, _("Write the result in at most 4,000 characters."))
    return redirect("insights:initiative-detail", pk=initiative.pk)


@hr_only
def initiative_evidence(request, pk):
    return render(request, "insights/initiative_evidence.html", _initiative_context(request, pk))


@hr_only
def share_list(request):
    shares = Share.objects.select_related("created_by")
    return render(request, "insights/share_list.html", {
        "shares": shares, "form": ShareForm(), "today": timezone.localdate(),
    })  # fmt: skip


@hr_only
@require_POST
def share_create(request):
    form = ShareForm(request.POST)
    if not form.is_valid():
        shares = Share.objects.select_related("created_by")
        return render(request, "insights/share_list.html", {
            "shares": shares, "form": form, "today": timezone.localdate(),
        }, status=400)  # fmt: skip
    services.share_create(
        label=form.cleaned_data["label"], expires_on=form.cleaned_data["expires_on"],
        created_by=request.user,
    )  # fmt: skip
    messages.success(request, _("The link is made: copy it from the list below."))
    return redirect("insights:shares")


@hr_only
@require_POST
def share_revoke(request, pk):
    share = Share.objects.filter(pk=pk).first()
    if share is None:
        raise Http404
    services.share_revoke(share=share, revoked_by=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect("insights:shares")
