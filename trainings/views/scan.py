"""The self-scan: answer the statements, see your levels and what would help you next."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from people.permissions import employee_required
from trainings import services
from trainings.forms import SelfScanForm
from trainings.models import ScanQuestion, SelfScan, Training
from trainings.recommendations import recommendations_for


@employee_required
def scan(request):
    questions = list(ScanQuestion.objects.in_use())
    latest = SelfScan.objects.filter(person=request.user).first()
    form = SelfScanForm(
        request.POST or None,
        questions=questions,
        initial={"formats": latest.preferred_formats if latest else []},
    )
    if request.method == "POST" and questions and form.is_valid():
        try:
            services.scan_submit(
                person=request.user,
                answers=form.answers(),
                preferred_formats=form.cleaned_data["formats"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you! Here are your levels and what fits you."))
            return redirect("trainings:scan-result")
    return render(
        request,
        "trainings/selfscan_form.html",
        {"form": form, "questions": questions, "latest": latest},
    )


@employee_required
def scan_result(request):
    latest = SelfScan.objects.latest_for(request.user)
    if latest is None:
        return redirect("trainings:scan")
    previous = (
        SelfScan.objects.filter(person=request.user, created_at__lt=latest.created_at)
        .prefetch_related("results")
        .first()
    )
    before = {r.competency_id: r.level for r in previous.results.all()} if previous else {}
    results = sorted(latest.results.all(), key=lambda r: (r.competency.order, r.competency.name))
    for result in results:
        result.before = before.get(result.competency_id)
    formats = dict(Training.Format.choices)
    return render(
        request,
        "trainings/selfscan_result.html",
        {
            "scan": latest,
            "results": results,
            "previous": previous,
            "recommendations": recommendations_for(request.user, latest),
            "preferred_formats": [formats[f] for f in latest.preferred_formats if f in formats],
        },
    )
