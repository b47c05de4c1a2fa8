from django import forms
from django.utils.translation import gettext_lazy as _


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the person reads it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
        error_messages={"required": _("Say why the sign-up is rejected.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].replace("\x00", "").strip()
        if not reason:
            raise forms.ValidationError(_("Say why the sign-up is rejected."))
        return reason


class ProfileForm(forms.ModelForm):
    """The member's own profile: what they share, with whom, and their consents."""

    skills_text = forms.CharField(
        label=_("Skills and expertise"),
        required=False,
        max_length=500,
        help_text=_("Separate them with commas, for example: payroll, Python, recruitment"),
    )

    class Meta:
        from alumni.models import Profile

        model = Profile
        fields = [
            "former_department", "year_from", "year_to", "current_organisation",
            "current_role", "linkedin_url", "available_from", "available_until",
            "hours_per_week", "open_to_return", "kvk_number", "hourly_rate_min",
            "hourly_rate_max", "in_directory", "receives_newsletter",
        ]  # fmt: skip
        widgets = {
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "available_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, freelancer=False, **kwargs):
        from alumni.models import Profile, Visibility

        super().__init__(*args, **kwargs)
        if not freelancer:
            for name in ("kvk_number", "hourly_rate_min", "hourly_rate_max"):
                del self.fields[name]
        if self.instance.pk:
            self.fields["skills_text"].initial = ", ".join(
                s.name for s in self.instance.skills.all()
            )
        labels = {
            "former_department": _("former department"), "years": _("years"),
            "current_organisation": _("current organisation"), "current_role": _("current role"),
            "skills": _("skills"), "linkedin_url": _("LinkedIn"),
            "availability": _("availability"), "open_to_return": _("open to returning"),
        }  # fmt: skip
        for field in Profile.SHARED_FIELDS:
            self.fields[f"visibility_{field}"] = forms.ChoiceField(
                label=_("Who sees: %(field)s") % {"field": labels[field]},
                choices=Visibility.choices,
                initial=self.instance.visibility_of(field),
            )

    def clean_kvk_number(self):
        number = self.cleaned_data["kvk_number"].strip()
        if number and not (len(number) == 8 and number.isascii() and number.isdigit()):
            raise forms.ValidationError(_("A KvK number has exactly eight digits."))
        return number

    def clean_skills_text(self):
        names = []
        for raw in self.cleaned_data["skills_text"].replace("\x00", "").split(","):
            name = " ".join(raw.split())[:60].lower()
            if name and name not in names:
                names.append(name)
        if len(names) > 30:
            raise forms.ValidationError(_("At most 30 skills."))
        return names

    def clean(self):
        data = super().clean()
        start, end = data.get("available_from"), data.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("Availability cannot end before it starts."))
        low, high = data.get("hourly_rate_min"), data.get("hourly_rate_max")
        if low is not None and high is not None and high < low:
            self.add_error("hourly_rate_max", _("The highest rate cannot be below the lowest."))
        first, last = data.get("year_from"), data.get("year_to")
        if first and last and last < first:
            self.add_error("year_to", _("The last year cannot be before the first."))
        return data

    def visibility(self) -> dict:
        from alumni.models import Profile

        return {f: self.cleaned_data[f"visibility_{f}"] for f in Profile.SHARED_FIELDS}


class DirectoryFilterForm(forms.Form):
    skill = forms.CharField(label=_("Skill"), required=False, max_length=60)
    available = forms.BooleanField(label=_("Available for gigs now"), required=False)

    def clean_skill(self):
        """One search for " Payroll ", "payroll" and "PAYROLL" (and one cached count)."""
        return " ".join(self.cleaned_data["skill"].replace("\x00", "").split()).lower()


class GigForm(forms.ModelForm):
    skills_text = ProfileForm.base_fields["skills_text"]

    class Meta:
        from alumni.models import Gig

        model = Gig
        fields = ["title", "description", "starts_on", "ends_on", "hours_per_week", "place",
                  "department", "job_role", "status"]  # fmt: skip
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
        }

    clean_skills_text = ProfileForm.clean_skills_text

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The gig cannot end before it starts."))
        return data


class InterestForm(forms.Form):
    note = forms.CharField(
        label=_("A short note for HR (optional)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
    )  # fmt: skip


class PickForm(forms.Form):
    member = forms.IntegerField(min_value=1, max_value=2**31 - 1)
