"""Forms employees and managers fill in: filters, the self-scan, feedback, decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.api import Competency
from hrsocial import formatting
from hrsocial.forms import IdChoiceField
from people.models import User
from trainings.models import Session, Training
from trainings.models.scan import ANSWERS


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters (GET). Unknown values are ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *Training.Format.choices],
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *Training.Level.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *Training.Language.choices],
    )
    competency = IdChoiceField(
        label=_("Competency"),
        required=False,
        queryset=Competency.objects.filter(is_active=True),
        empty_label=_("All competencies"),
    )
    seats = forms.BooleanField(label=_("Has seats this month"), required=False)
    mine = forms.BooleanField(label=_("Meant for my job or department"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("format", "level", "language", "competency"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def selects(self):
        return [self["format"], self["level"], self["language"]]

    def filters(self) -> dict:
        """The valid filters; an invalid one (a tampered URL) is simply dropped."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}

    @property
    def has_competencies(self) -> bool:
        return bool(self.fields["competency"].queryset)


class ReasonForm(forms.Form):
    """Saying no needs a reason the other person reads."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tell your colleague why.")},
    )


class ProposeForm(forms.Form):
    """The manager's proposal (posted from the competency gap view or a training page)."""

    training = IdChoiceField(
        queryset=Training.objects.published(),
        error_messages={"invalid_choice": _("This training is not in the catalogue.")},
    )
    employee = IdChoiceField(
        queryset=User.objects.employees(),
        error_messages={"invalid_choice": _("Choose one of your team members.")},
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ProposalAcceptForm(forms.Form):
    session = IdChoiceField(
        label=_("Session"),
        queryset=Session.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one of the sessions.")},
    )

    def __init__(self, *args, training, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = training.sessions.upcoming()
        self.fields["session"].label_from_instance = session_label


def session_label(session) -> str:
    place = session.location or _("online")
    seats = (
        _("%(free)d seats free") % {"free": session.free_seats}
        if session.free_seats
        else _("full: waitlist")
    )
    start, end = formatting.event(session.starts_at), formatting.time_of_day(session.ends_at)
    return f"{start}–{end}, {place} ({seats})"


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How would you rate it?"),
        coerce=int,
        choices=[
            (1, _("1 – poor")),
            (2, _("2 – below expectations")),
            (3, _("3 – fine")),
            (4, _("4 – good")),
            (5, _("5 – excellent")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Give a rating from 1 to 5."),
            "invalid_choice": _("Give a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("HR reads comments without your name."),
    )


class SelfScanForm(forms.Form):
    """One radio group per statement, plus the formats the person likes to learn in."""

    formats = forms.MultipleChoiceField(
        label=_("How do you like to learn?"),
        required=False,
        choices=Training.Format.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more; leave empty if anything is fine."),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.display_text,
                coerce=int,
                choices=ANSWERS,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose the answer that fits you best."),
                    "invalid_choice": _("Choose one of the four answers."),
                },
            )

    def question_fields(self):
        """(competency, [bound fields]) per competency, for a page grouped by competency."""
        groups = {}
        for question in self.questions:
            groups.setdefault(question.competency, []).append(self[f"q{question.pk}"])
        return list(groups.items())

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}
