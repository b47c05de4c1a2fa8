"""Forms HR uses to run the catalogue: trainings, sessions, questions, attendance, reports."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrsocial.forms import IdChoiceField
from trainings.forms.employee import session_label
from trainings.models import ScanQuestion, Session, Training, TrainingCompetency
from trainings.models.sessions import Enrolment

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = [
            "title", "title_en", "summary", "summary_en", "description", "description_en",
            "format", "level", "language", "duration_minutes", "provider", "provider_name",
            "cost", "departments", "job_roles", "elearning_url", "is_published",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
            "departments": forms.CheckboxSelectMultiple,
            "job_roles": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "departments": _("Leave departments and job roles empty for everyone."),
            "cost": _("Only for external trainings; a paid one needs the manager's approval."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elearning_url"].assume_scheme = "https"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("provider") == Training.Provider.INTERNAL and cleaned.get("cost"):
            self.add_error("cost", _("Only an external training can cost money."))
        if cleaned.get("format") == Training.Format.ELEARNING and not cleaned.get("elearning_url"):
            self.add_error("elearning_url", _("An e-learning needs the link to the online course."))
        if (
            self.instance.pk
            and cleaned.get("format") == Training.Format.ELEARNING
            and self.instance.sessions.exists()
        ):
            self.add_error(
                "format", _("This training has sessions, so it cannot be an e-learning.")
            )
        return cleaned


CompetencyFormSet = inlineformset_factory(
    Training,
    TrainingCompetency,
    fields=["competency", "level"],
    extra=2,
    can_delete=True,
)


class PastConfirmMixin:
    """A session that has started asks HR to confirm the change (checked again by the
    service: the box is not only a browser thing)."""

    def add_past_confirm(self, session):
        if session is not None and session.pk and session.has_started():
            self.fields["past_confirmed"] = forms.BooleanField(
                label=_("I know this session is in the past and want to change it anyway"),
                required=True,
                error_messages={
                    "required": _("Tick the box to confirm a change to a session in the past.")
                },
            )

    @property
    def past_confirmed(self) -> bool:
        return bool(self.cleaned_data.get("past_confirmed"))


class SessionForm(PastConfirmMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["starts_at", "ends_at", "location", "online_url", "trainer", "capacity"]
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}
        help_texts = {
            "starts_at": _("Dutch time (Europe/Amsterdam)."),
            "capacity": _("You cannot go below the seats already taken."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["online_url"].assume_scheme = "https"
        self.add_past_confirm(self.instance)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_at"), cleaned.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The end must be after the start."))
        capacity = cleaned.get("capacity")
        if capacity is not None and self.instance.pk and capacity < self.instance.seats_taken:
            self.add_error(
                "capacity",
                _(
                    "%(taken)d seats are already taken, so the session needs at least %(taken)d "
                    "seats. Cancel enrolments first if you must have fewer."
                )
                % {"taken": self.instance.seats_taken},
            )
        if not cleaned.get("location") and not cleaned.get("online_url"):
            self.add_error("location", _("Give a place, an online link, or both."))
        return cleaned

    def validate_constraints(self, exclude=None):
        """The form says it in words above; the database constraints stay the safety net."""


class SessionCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Message to the participants"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SeatCancelForm(PastConfirmMixin, forms.Form):
    """HR cancels one participant's seat; the reason is shown to the participant."""

    reason = forms.CharField(
        label=_("Reason (the participant reads it)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the reason: the participant reads it.")},
    )

    def __init__(self, *args, session, **kwargs):
        # Both forms are on one page: their fields need ids of their own (valid HTML, labels).
        kwargs.setdefault("auto_id", "cancel_%s")
        super().__init__(*args, **kwargs)
        self.add_past_confirm(session)


class EnrolmentMoveForm(PastConfirmMixin, forms.Form):
    """HR moves a participant to another upcoming session of the same training."""

    to_session = IdChoiceField(
        label=_("New session"),
        queryset=Session.objects.none(),
        error_messages={"required": _("Choose the session to move to.")},
    )
    reason = forms.CharField(
        label=_("Message to the participant (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, session, **kwargs):
        kwargs.setdefault("auto_id", "move_%s")
        super().__init__(*args, **kwargs)
        self.fields["to_session"].queryset = (
            session.training.sessions.upcoming().exclude(pk=session.pk).order_by("starts_at")
        )
        self.fields["to_session"].label_from_instance = session_label
        self.add_past_confirm(session)


class ScanQuestionForm(forms.ModelForm):
    class Meta:
        model = ScanQuestion
        fields = ["competency", "text", "text_en", "order", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = self.fields["competency"].queryset.filter(
            is_active=True
        )


class ReportFilterForm(forms.Form):
    """The period of HR's report; the last twelve months unless chosen otherwise."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput({"type": "date"})
    )

    def period(self):
        today = timezone.localdate()
        default = (today.replace(year=today.year - 1), today)
        if not self.is_valid():
            return default
        start = self.cleaned_data.get("start") or default[0]
        end = self.cleaned_data.get("end") or default[1]
        return (start, end) if start <= end else (end, start)


class AttendanceForm(forms.Form):
    """Present or no-show for each participant with a seat."""

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrolments = enrolments
        choices = [
            (Enrolment.Attendance.PRESENT, _("Present")),
            (Enrolment.Attendance.NO_SHOW, _("No-show")),
        ]
        for enrolment in enrolments:
            initial = enrolment.attendance
            self.fields[f"e{enrolment.pk}"] = forms.ChoiceField(
                label=enrolment.person.full_name,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=None if initial == Enrolment.Attendance.UNKNOWN else initial,
            )

    def rows(self):
        return [(e, self[f"e{e.pk}"]) for e in self.enrolments]

    def attendance(self) -> dict[int, str]:
        return {
            e.pk: self.cleaned_data[f"e{e.pk}"]
            for e in self.enrolments
            if self.cleaned_data.get(f"e{e.pk}")
        }
