import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.privacy import MINIMUM_GROUP, Group, suppress
from insights.figures import MONTH, WEEK, Selection, departments
from insights.sections import all_figures, figure_choices, installed_sections
from people.models import User

MAX_DAYS = 3 * 366


def default_period() -> tuple[datetime.date, datetime.date]:
    end = timezone.localdate() - datetime.timedelta(days=1)
    return end.replace(day=1) - datetime.timedelta(days=334), end


class SelectionForm(forms.Form):
    """The dashboard's filters; an invalid filter shows its message and the default view."""

    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("Until"), required=False)
    granularity = forms.ChoiceField(
        label=_("Per"), required=False, choices=[(MONTH, _("month")), (WEEK, _("week"))]
    )
    department = forms.ChoiceField(label=_("Department"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headcounts = {str(pk): (name, n) for pk, name, n in departments()}
        # A department the organisation's table hides beside its total (complementary
        # suppression) cannot be chosen alone either: the organisation minus the others
        # would give the smaller ones away.
        groups = [
            Group(key=pk, label=name, people=n, value=None)
            for pk, (name, n) in self.headcounts.items()
        ]
        self.hidden = {g.key for g in suppress(groups) if g.hidden}
        self.fields["department"].choices = [("", _("Whole organisation"))] + [
            (pk, name) for pk, (name, _n) in self.headcounts.items()
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period is before its start."))
        if start and end and (end - start).days > MAX_DAYS:
            raise forms.ValidationError(_("Choose a period of at most three years."))
        department = data.get("department")
        if department and self.headcounts[department][1] < MINIMUM_GROUP:
            self.add_error(
                "department",
                _("%(name)s has fewer than %(minimum)s people: its figures cannot be shown on "
                  "their own. Choose the whole organisation or another department.")
                % {"name": self.headcounts[department][0], "minimum": MINIMUM_GROUP},
            )  # fmt: skip
        elif department and department in self.hidden:
            self.add_error(
                "department",
                _("%(name)s cannot be shown on its own: with the organisation's figures it "
                  "would give away those of the departments under %(minimum)s people.")
                % {"name": self.headcounts[department][0], "minimum": MINIMUM_GROUP},
            )  # fmt: skip
        return data

    def selection(self) -> Selection:
        """What to show: the valid filters, the defaults for the rest."""
        start, end = default_period()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return Selection(
            start=data.get("start") or start,
            end=data.get("end") or end,
            granularity=data.get("granularity") or MONTH,
            department=int(data["department"]) if data.get("department") else None,
        )


class InitiativeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    practice = forms.ChoiceField(label=_("Practice"))
    owner = forms.ChoiceField(label=_("Owner"))
    starts_on = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    figure = forms.ChoiceField(
        label=_("The figure it aims to move"),
        error_messages={"required": _("Choose the figure the initiative aims to move.")},
    )
    baseline = forms.FloatField(label=_("Baseline"))
    target = forms.FloatField(label=_("Target"))
    pilot_departments = forms.MultipleChoiceField(
        label=_("Pilot group (optional)"), required=False,
        help_text=_("Departments that try it first; the rest of the organisation is the "
                    "comparison. Leave empty to measure the whole organisation."),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].choices = [(s.label, s.title) for s in installed_sections()]
        self.fields["figure"].choices = [("", "—")] + figure_choices()
        hr = User.objects.hr_staff().order_by("full_name")
        self.fields["owner"].choices = [(str(u.pk), u.full_name or u.email) for u in hr]
        self.headcounts = {str(pk): (name, n) for pk, name, n in departments()}
        self.fields["pilot_departments"].choices = [
            (pk, name) for pk, (name, _n) in self.headcounts.items()
        ]

    def clean(self):
        data = super().clean()
        figure, practice = data.get("figure"), data.get("practice")
        if figure and practice and all_figures()[figure].section != practice:
            self.add_error("figure", _("Choose a figure of the initiative's practice."))
        pilot = data.get("pilot_departments") or []
        if pilot:
            in_pilot = sum(self.headcounts[pk][1] for pk in pilot)
            everyone = sum(n for _name, n in self.headcounts.values())
            if set(pilot) == set(self.headcounts):
                self.add_error(
                    "pilot_departments",
                    _(
                        "A pilot group that is the whole organisation leaves nobody to compare "
                        "with. Leave the pilot group empty to measure the whole organisation."
                    ),
                )
            elif in_pilot < MINIMUM_GROUP or everyone - in_pilot < MINIMUM_GROUP:
                self.add_error(
                    "pilot_departments",
                    _(
                        "The pilot group and the rest must each have at least %(minimum)s people, "
                        "or their figures cannot be shown."
                    )
                    % {"minimum": MINIMUM_GROUP},
                )
        return data  # fmt: skip

    def initiative_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"], "practice": data["practice"], "owner_id": int(data["owner"]),
            "starts_on": data["starts_on"], "figure": data["figure"],
            "baseline": data["baseline"], "target": data["target"],
        }  # fmt: skip

    def pilot_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("pilot_departments") or []]


class ResultForm(forms.Form):
    result = forms.CharField(
        label=_("Result"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ShareForm(forms.Form):
    label = forms.CharField(
        label=_("For whom"), max_length=200,
        help_text=_("For example: the works council, the management team."),
    )  # fmt: skip
    expires_on = forms.DateField(
        label=_("Valid until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day and day < timezone.localdate():
            raise forms.ValidationError(_("Choose a day from today on."))
        return day
