"""Forms: parse and explain. The rules themselves are in services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from competencies import services
from competencies.models import (
    EXPERT_LEVELS,
    LEVELS,
    Competency,
    CompetencyCategory,
    level_label,
)
from competencies.services.reviews import MAX_TEXT
from hrsocial.forms import IdChoiceField, IdMultipleChoiceField
from people.models import Department

LEVEL_ERRORS = {
    "required": _("Choose a level."),
    "invalid_choice": _("Choose a level from 1 to 4."),
}
TEXT_LIMIT = MAX_TEXT


def _level_field(label, **kwargs):
    return forms.TypedChoiceField(
        label=label,
        choices=LEVELS,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages=LEVEL_ERRORS,
        **kwargs,
    )


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs
    )


def level_choices(bound_field, behaviour) -> list:
    """[(radio button, behaviour text of its level)] for templates/competencies/partials."""
    return [(choice, behaviour(int(choice.data["value"]))) for choice in bound_field]


class SelfAssessmentForm(forms.Form):
    """Per competency: a level (1–4) and an example that shows it."""

    def __init__(self, *args, competencies, lines=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        previous = {line.competency_id: line for line in (lines or [])}
        for competency in competencies:
            line = previous.get(competency.pk)
            self.fields[f"level_{competency.pk}"] = _level_field(
                competency, initial=line.self_level if line else None
            )
            self.fields[f"evidence_{competency.pk}"] = forms.CharField(
                label=_("Example from your work"),
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=TEXT_LIMIT,
                initial=line.evidence if line else "",
                error_messages={"required": _("Give an example that shows this level.")},
            )

    def items(self, evidence: dict) -> list[dict]:
        """What the template shows per competency, with the levels' behaviour texts."""
        items = []
        for competency in self.competencies:
            texts = {level.level: level.display_behaviour for level in competency.levels.all()}
            level = self[f"level_{competency.pk}"]
            items.append(
                {
                    "competency": competency,
                    "level": level,
                    "choices": level_choices(level, texts.get),
                    "evidence": self[f"evidence_{competency.pk}"],
                    "evidence_items": evidence.get(competency.pk, []),
                }
            )
        return items

    def entries(self) -> list:
        return [
            services.SelfAssessment(
                competency_id=c.pk,
                level=self.cleaned_data[f"level_{c.pk}"],
                evidence=self.cleaned_data[f"evidence_{c.pk}"],
            )
            for c in self.competencies
        ]


class ReviewForm(forms.Form):
    """Per line of the self-assessment: agree (keep the level) or another level, with a
    comment when it differs."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"level_{line.competency_id}"] = _level_field(
                line.name, initial=line.self_level
            )
            self.fields[f"comment_{line.competency_id}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=TEXT_LIMIT,
                help_text=_("Required when you choose another level than %(level)s.")
                % {"level": level_label(line.self_level)},
            )

    def clean(self):
        data = super().clean()
        for line in self.lines:
            level = data.get(f"level_{line.competency_id}")
            comment = (data.get(f"comment_{line.competency_id}") or "").strip()
            if level is not None and level != line.self_level and not comment:
                self.add_error(
                    f"comment_{line.competency_id}",
                    _("Explain why you choose another level."),
                )
        return data

    def items(self) -> list[dict]:
        items = []
        for line in self.lines:
            level = self[f"level_{line.competency_id}"]
            items.append(
                {
                    "line": line,
                    "level": level,
                    "choices": level_choices(level, line.behaviour),
                    "comment": self[f"comment_{line.competency_id}"],
                }
            )
        return items

    def decisions(self) -> list:
        return [
            services.Decision(
                competency_id=line.competency_id,
                level=self.cleaned_data[f"level_{line.competency_id}"],
                comment=self.cleaned_data[f"comment_{line.competency_id}"],
            )
            for line in self.lines
        ]


class ReactionForm(forms.Form):
    reaction = forms.CharField(
        label=_("Your reaction"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_LIMIT,
        help_text=_("Your manager reads it; it is kept with this review."),
        error_messages={"required": _("Write your reaction first.")},
    )


class CycleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    starts_on = _date_field(_("Starts on"))
    self_assessment_due = _date_field(
        _("Self-assessments due"), help_text=_("Employees get a reminder a few days before.")
    )
    ends_on = _date_field(
        _("Ends on"), help_text=_("Managers' reviews are due; managers get a reminder too.")
    )
    departments = IdMultipleChoiceField(
        label=_("Departments"),
        queryset=Department.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one department.")},
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            services.cycle_validate(
                starts_on=data["starts_on"],
                self_assessment_due=data["self_assessment_due"],
                ends_on=data["ends_on"],
                departments=data["departments"],
            )
        except ValidationError as error:
            self.add_error(None, error)
        return data


class CategoryForm(forms.ModelForm):
    class Meta:
        model = CompetencyCategory
        fields = ["name", "name_en", "order"]


class CompetencyForm(forms.ModelForm):
    """A competency with the observable behaviour of its four levels, in Dutch and English."""

    class Meta:
        model = Competency
        fields = ["category", "name", "name_en", "description", "description_en", "order"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {}
        if self.instance.pk:
            existing = {level.level: level for level in self.instance.levels.all()}
        for level, label in LEVELS:
            current = existing.get(level)
            self.fields[f"behaviour_{level}"] = forms.CharField(
                label=_("Level %(level)s: observable behaviour (Dutch)") % {"level": label},
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.behaviour if current else "",
                error_messages={"required": _("Describe what this level looks like in practice.")},
            )
            self.fields[f"behaviour_en_{level}"] = forms.CharField(
                label=_("Level %(level)s: observable behaviour (English)") % {"level": label},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=current.behaviour_en if current else "",
            )

    def levels(self) -> dict:
        return {
            level: (
                self.cleaned_data[f"behaviour_{level}"],
                self.cleaned_data[f"behaviour_en_{level}"],
            )
            for level, _label in LEVELS
        }


NOT_REQUIRED = ""


class RoleProfileForm(forms.Form):
    """What a job role requires: per competency a level, or not required."""

    def __init__(self, *args, competencies, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        for competency in competencies:
            self.fields[f"level_{competency.pk}"] = forms.TypedChoiceField(
                label=competency,
                choices=[(NOT_REQUIRED, _("not required")), *LEVELS],
                coerce=int,
                empty_value=None,
                required=False,
                initial=current.get(competency.pk, NOT_REQUIRED),
                error_messages={"invalid_choice": _("Choose a level from 1 to 4.")},
            )

    def levels(self) -> dict:
        return {c: self.cleaned_data[f"level_{c.pk}"] for c in self.competencies}


class ExpertProfileForm(forms.Form):
    is_listed = forms.BooleanField(
        label=_("Show me in “who knows what”"),
        required=False,
        help_text=_(
            "Colleagues then find you by your topics and by the competencies in which your "
            "manager assessed you at level 3 or 4. Switch it off any time."
        ),
    )
    tags = forms.CharField(
        label=_("Topics you know about"),
        required=False,
        max_length=600,
        help_text=_("Separate them with commas, for example: LinkedIn advertising, TikTok."),
    )
    ask_me_about = forms.CharField(
        label=_("Ask me about"),
        required=False,
        max_length=300,
        help_text=_("One sentence: what you like to help colleagues with."),
    )

    def clean_tags(self):
        try:
            services.tags_parse(self.cleaned_data["tags"])
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return self.cleaned_data["tags"]


class ExpertSearchForm(forms.Form):
    q = forms.CharField(label=_("Topic"), required=False, max_length=200)
    competency = IdChoiceField(
        label=_("Competency"),
        queryset=Competency.objects.active().ordered(),
        required=False,
        empty_label=_("any competency"),
        error_messages={"invalid_choice": _("Choose one of the competencies in the list.")},
    )
    level = forms.TypedChoiceField(
        label=_("At least level"),
        choices=[(level, level_label(level)) for level in EXPERT_LEVELS],
        coerce=int,
        required=False,
        empty_value=EXPERT_LEVELS[0],
        error_messages={"invalid_choice": _("Choose level 3 or 4.")},
    )
    tag = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
