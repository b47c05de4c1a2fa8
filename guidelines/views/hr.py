"""HR's pages: writing and publishing tips, the acknowledgement report, the checker's rules."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from guidelines import reports, services
from guidelines.forms import (
    ChangeForm,
    GuidelineForm,
    PublishForm,
    ReportFilterForm,
    RuleForm,
    TermsAddForm,
    TermSearchForm,
)
from guidelines.models import Guideline, Rule
from guidelines.permissions import (
    get_guideline_for_user,
    get_rule_for_user,
    get_term_for_user,
    manager_of_tips_required,
)
from hrsocial import audit
from hrsocial.exports import export_format, table_export

PEOPLE_PER_PAGE = 50
TERMS_PER_PAGE = 50


@manager_of_tips_required
def manage(request):
    tips = (
        Guideline.objects.in_reading_order()
        .annotate(last_published=Max("versions__published_at"))
        .order_by("status", "-is_golden_rule", "category__order", "order", "title")
    )
    return render(request, "guidelines/guideline_manage.html", {"tips": tips})


@manager_of_tips_required
def guideline_create(request):
    form = GuidelineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        guideline = services.guideline_save_draft(
            guideline=form.save(commit=False), saved_by=request.user
        )
        messages.success(request, _("The draft is saved. Publish it when it is ready."))
        return redirect("guidelines:guideline-publish", pk=guideline.pk)
    return render(request, "guidelines/guideline_form.html", {"form": form, "guideline": None})


@manager_of_tips_required
def guideline_edit(request, pk):
    """A draft is simply saved; saving a published tip publishes the change as a version."""
    guideline = get_guideline_for_user(request, pk)
    form_class = ChangeForm if guideline.is_published else GuidelineForm
    form = form_class(request.POST or None, instance=guideline)
    if request.method == "POST" and form.is_valid():
        changed = form.save(commit=False)
        try:
            if not guideline.is_published:
                services.guideline_save_draft(guideline=changed, saved_by=request.user)
                messages.success(request, _("The draft is saved."))
            elif form.content_changed:
                version = services.guideline_publish(
                    guideline=changed,
                    published_by=request.user,
                    kind=form.cleaned_data["kind"],
                    change_note=form.cleaned_data["change_note"],
                    change_note_en=form.cleaned_data["change_note_en"],
                )
                messages.success(
                    request, _("Version %(number)s is published.") % {"number": version.number}
                )
            elif form.has_changed():
                services.guideline_arrange(guideline=changed, arranged_by=request.user)
                messages.success(request, _("The tip is saved; its text did not change."))
            else:
                messages.info(request, _("Nothing has changed."))
            return redirect("guidelines:manage")
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(request, "guidelines/guideline_form.html", {"form": form, "guideline": guideline})


@manager_of_tips_required
def guideline_publish(request, pk):
    guideline = get_guideline_for_user(request, pk)
    if guideline.is_published:
        messages.info(request, _("This tip is published; save a change to publish a new version."))
        return redirect("guidelines:guideline-edit", pk=guideline.pk)
    first = guideline.version == 0
    form = PublishForm(request.POST or None, first=first)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.guideline_publish(
                guideline=guideline,
                published_by=request.user,
                kind=form.cleaned_data.get("kind", "material"),
                change_note=form.cleaned_data["change_note"],
                change_note_en=form.cleaned_data["change_note_en"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Version %(number)s is published.") % {"number": version.number}
            )
            return redirect(guideline)
    return render(
        request,
        "guidelines/guideline_publish.html",
        {"form": form, "guideline": guideline, "first": first},
    )


@manager_of_tips_required
@require_POST
def guideline_unpublish(request, pk):
    guideline = get_guideline_for_user(request, pk)
    services.guideline_unpublish(guideline=guideline, unpublished_by=request.user)
    messages.success(request, _("“%(title)s” is no longer published.") % {"title": guideline})
    return redirect("guidelines:manage")


@manager_of_tips_required
def report(request):
    """Who acknowledged what: per tip, per department, and the people still missing.
    Personal data, so reading it is written to the audit log."""
    form = ReportFilterForm(request.GET or None)
    department = guideline = None
    if form.is_valid():
        department = form.cleaned_data["department"]
        guideline = form.cleaned_data["guideline"]
    report = reports.acknowledgement_report(department=department)
    people = Paginator(
        reports.missing_people(department=department, guideline=guideline), PEOPLE_PER_PAGE
    ).get_page(request.GET.get("page"))
    reports.attach_missing_tips(people.object_list, [r.guideline for r in report.tip_rates])
    audit.record(
        actor=request.user,
        action="guidelines.report-view",
        department=department.pk if department else None,
        tip=guideline.pk if guideline else None,
    )
    return render(
        request,
        "guidelines/acknowledgement_report.html",
        {
            "form": form,
            "tip_rates": report.tip_rates,
            "department_rates": report.department_rates,
            "people": people,
            "department": department,
            "guideline": guideline,
        },
    )


@manager_of_tips_required
def export(request):
    form = ReportFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    audit.record(
        actor=request.user,
        action="guidelines.export",
        department=filters["department"].pk if filters.get("department") else None,
        tip=filters["guideline"].pk if filters.get("guideline") else None,
    )
    rows = reports.export_rows(
        department=filters.get("department"), guideline=filters.get("guideline")
    )
    return table_export(
        header=reports.EXPORT_HEADER,
        rows=rows,
        filename=f"acknowledgements-{timezone.localdate().isoformat()}",
        file_format=export_format(request),
    )


@manager_of_tips_required
def rules(request):
    rows = list(Rule.objects.select_related("guideline").annotate(term_count=Count("terms")))
    missing = [label for kind, label in Rule.Kind.choices if kind not in {r.kind for r in rows}]
    return render(request, "guidelines/rule_list.html", {"rules": rows, "missing": missing})


@manager_of_tips_required
@require_POST
def rules_restore(request):
    created = services.rules_ensure()
    messages.success(
        request,
        ngettext("One rule was added.", "%(count)s rules were added.", created)
        % {"count": created},
    )
    return redirect("guidelines:rules")


def _rule_page(request, rule, *, rule_form=None, terms_form=None, status=200):
    search_form = TermSearchForm(request.GET or None)
    query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    terms = rule.terms.matching(query).order_by("normalized")
    page = Paginator(terms, TERMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "guidelines/rule_form.html",
        {
            "rule": rule,
            "form": rule_form or RuleForm(instance=rule),
            "terms_form": terms_form or TermsAddForm(),
            "search_form": search_form,
            "query": query,
            "page": page,
        },
        status=status,
    )


@manager_of_tips_required
def rule_edit(request, kind):
    rule = get_rule_for_user(request, kind)
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        services.rule_update(
            rule=form.save(commit=False), updated_by=request.user, fields=form.changed_data
        )
        messages.success(request, _("The rule is saved."))
        return redirect("guidelines:rule-edit", kind=rule.kind)
    return _rule_page(request, rule, rule_form=form)


@manager_of_tips_required
@require_POST
def terms_add(request, kind):
    rule = get_rule_for_user(request, kind)
    if not rule.has_terms:
        raise Http404
    form = TermsAddForm(request.POST)
    if form.is_valid():
        try:
            added, skipped = services.terms_add(
                rule=rule,
                texts=form.lines(),
                explanation=form.cleaned_data["explanation"],
                internal_note=form.cleaned_data["internal_note"],
                added_by=request.user,
            )
        except ValidationError as exc:
            form.add_error("terms", exc)
        else:
            message = ngettext("One term added.", "%(count)s terms added.", added) % {
                "count": added
            }
            if skipped:
                message += " " + ngettext(
                    "One was already on the list.", "%(count)s were already on the list.", skipped
                ) % {"count": skipped}
            messages.success(request, message)
            return redirect("guidelines:rule-edit", kind=rule.kind)
    return _rule_page(request, rule, terms_form=form, status=400)


@manager_of_tips_required
@require_POST
def term_delete(request, pk):
    term = get_term_for_user(request, pk)
    services.term_delete(term=term, deleted_by=request.user)
    messages.success(request, _("“%(term)s” is removed from the list.") % {"term": term.text})
    return redirect("guidelines:rule-edit", kind=term.rule.kind)
