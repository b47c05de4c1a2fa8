from django import forms
from django.utils.translation import gettext_lazy as _

from guidelines.checker.engine import MAX_DRAFT_LENGTH, Network
from guidelines.models import Category, ChangeKind, Guideline, Rule, Severity
from hrsocial.forms import IdChoiceField
from people.models import Department


class CheckForm(forms.Form):
    """The draft checker: the text of a post and, optionally, where it goes."""

    text = forms.CharField(
        label=_("Your draft"),
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_DRAFT_LENGTH, "dir": "auto"}),
        help_text=_("Up to 5,000 characters. Your draft is not stored."),
    )
    network = forms.ChoiceField(
        label=_("Network (optional)"),
        required=False,
        choices=[("", _("Any network"))] + list(Network.choices),
    )

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if not text.strip():
            raise forms.ValidationError(_("Paste or type the text of your post first."))
        if len(text) > MAX_DRAFT_LENGTH:
            raise forms.ValidationError(
                _("Your draft has %(length)s characters; the checker takes up to 5,000."),
                params={"length": len(text)},
            )
        return text

    @classmethod
    def from_json(cls, payload) -> "CheckForm":
        """The JSON endpoint's body {"text": ..., "network": ...} as form data."""
        if not isinstance(payload, dict):
            payload = {}
        data = {
            key: value
            for key, value in (("text", payload.get("text")), ("network", payload.get("network")))
            if isinstance(value, str)
        }
        return cls(data)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the tips"), required=False, max_length=200)


class GuidelineForm(forms.ModelForm):
    """A tip as HR writes it, in Dutch and (optionally) English."""

    class Meta:
        model = Guideline
        fields = [
            "category", "title", "title_en", "tip", "tip_en", "body", "body_en",
            "do_examples", "do_examples_en", "dont_examples", "dont_examples_en",
            "order", "is_golden_rule",
        ]  # fmt: skip
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "body_en": forms.Textarea(attrs={"rows": 8}),
            "do_examples": forms.Textarea(attrs={"rows": 3}),
            "do_examples_en": forms.Textarea(attrs={"rows": 3}),
            "dont_examples": forms.Textarea(attrs={"rows": 3}),
            "dont_examples_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.all()


class PublishForm(forms.Form):
    """Publishing: is the change material (everyone reads the tip again) or editorial?"""

    kind = forms.ChoiceField(
        label=_("Kind of change"),
        choices=ChangeKind.choices,
        widget=forms.RadioSelect,
        initial=ChangeKind.MATERIAL,
    )
    change_note = forms.CharField(
        label=_("What changed (Dutch)"),
        max_length=300,
        help_text=_("Readers see this note with the version."),
    )
    change_note_en = forms.CharField(
        label=_("What changed (English)"), max_length=300, required=False
    )

    def __init__(self, *args, first: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if first:
            # The first publication always asks everyone; a note is optional.
            del self.fields["kind"]
            self.fields["change_note"].required = False
            self.fields["change_note"].help_text = _("Optional for a first version.")


class ChangeForm(GuidelineForm):
    """Editing a published tip: a change to what readers see is published as a new version
    (with a note); moving it to another category or place is simply saved."""

    kind = PublishForm.base_fields["kind"]
    change_note = forms.CharField(
        label=_("What changed (Dutch)"),
        max_length=300,
        required=False,
        help_text=_("Readers see this note with the version."),
    )
    change_note_en = PublishForm.base_fields["change_note_en"]

    @property
    def content_changed(self) -> bool:
        return any(name in self.changed_data for name in Guideline.CONTENT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if self.content_changed and not cleaned.get("change_note"):
            self.add_error("change_note", _("Say what changed: readers see this note."))
        return cleaned


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = ["severity", "tip", "tip_en", "guideline", "is_active"]
        widgets = {"severity": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["severity"].choices = Severity.choices
        self.fields["guideline"].queryset = Guideline.objects.published().in_reading_order()


class TermsAddForm(forms.Form):
    terms = forms.CharField(
        label=_("Words or phrases, one per line"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=100_000,
        help_text=_(
            "Matched as whole words, ignoring capitals and accents. End with * to also match "
            "longer words: “reorganis*” finds “reorganisatie”."
        ),
    )
    explanation = forms.CharField(
        label=_("Explanation for the employee (optional)"),
        max_length=200,
        required=False,
        help_text=_("Shown to anyone whose draft has one of these terms: never write the reason."),
    )
    internal_note = forms.CharField(
        label=_("Internal note for HR (optional)"),
        max_length=200,
        required=False,
        help_text=_("Only HR sees this, on this page and in the admin."),
    )

    def lines(self) -> list[str]:
        return self.cleaned_data["terms"].splitlines()


class TermSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a term"), required=False, max_length=200)


class ReportFilterForm(forms.Form):
    department = IdChoiceField(
        label=_("Department"),
        queryset=Department.objects.all(),
        required=False,
        empty_label=_("All departments"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    guideline = IdChoiceField(
        label=_("Tip"),
        queryset=Guideline.objects.published().in_reading_order(),
        required=False,
        empty_label=_("All tips"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
