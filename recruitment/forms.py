from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from recruitment.models import Application, Vacancy
from recruitment.uploads import check_cv


class HoneypotMixin(forms.Form):
    # Hidden from people (CSS and aria-hidden); bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class VacancyForm(forms.ModelForm):
    class Meta:
        model = Vacancy
        fields = [
            "title", "title_en", "department", "job_role", "location", "postal_code", "remote",
            "hours_per_week", "employment_type", "salary_min", "salary_max", "description",
            "description_en", "requirements", "requirements_en", "opens_on", "closes_on", "status",
            "visibility", "referral_bonus",
        ]  # fmt: skip
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class ApplicationForm(HoneypotMixin):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=30, required=False)
    motivation = forms.CharField(
        label=_("Motivation"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    cv = forms.FileField(
        label=_("CV (PDF or Word, at most 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    long_retention = forms.TypedChoiceField(
        label=_("How long may we keep your data?"),
        choices=[
            ("0", _("Four weeks after the procedure (the standard)")),
            ("1", _("One year after the procedure, so you can be considered for other jobs")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="0",
    )

    def clean_cv(self):
        upload = self.cleaned_data["cv"]
        self.cv_name = check_cv(upload)
        return upload


class InternalApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    tell_manager = forms.BooleanField(label=_("My manager may know that I applied"), required=False)


class QuestionForm(HoneypotMixin):
    name = forms.CharField(label=_("Name (optional)"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail address for the answer"))
    question = forms.CharField(
        label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReferralForm(forms.Form):
    name = forms.CharField(label=_("Their name"), max_length=150)
    email = forms.EmailField(label=_("Their e-mail address"))
    note = forms.CharField(
        label=_("A personal note (optional)"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class AnswerForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=2000, widget=forms.Textarea)
    answer = forms.CharField(label=_("Answer"), max_length=5000, widget=forms.Textarea)
    is_general = forms.BooleanField(
        label=_("General question: show it on all the department's vacancies"), required=False
    )
    publish = forms.BooleanField(label=_("Publish on the vacancy page"), required=False)


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=[c for c in Application.Stage.choices if c[0] != Application.Stage.WITHDRAWN],
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


def first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    raise ValidationError("no error")
