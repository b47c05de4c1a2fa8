"""Forms of the helpdesk. Rules that are not about one field live in the services."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from guidelines import api as guidelines_api
from helpdesk.attachments import check_upload
from helpdesk.models import Category, FaqEntry
from helpdesk.models.questions import (
    MAX_TEXT_LENGTH,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    SlaState,
    Status,
)
from helpdesk.services.answering import REPLY_STATUSES
from helpdesk.services.asking import check_text
from hrsocial.caching import CachedValue
from hrsocial.forms import IdChoiceField, IdMultipleChoiceField
from people.models import User
from people.signed_in import PEOPLE

TEXTAREA = {"rows": 8, "maxlength": MAX_TEXT_LENGTH}
ATTACHMENT_HELP = _("Optional. A PDF, PNG, JPEG or Word (DOCX) file of at most 10 MB.")


class OnceForm(forms.Form):
    """A form with a one-time key: submitted twice, it does its work once."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("submission_key", uuid.uuid4())
        super().__init__(*args, **kwargs)


class AttachmentMixin(forms.Form):
    attachment = forms.FileField(
        label=_("Attachment"), required=False, help_text=ATTACHMENT_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.docx"}),
    )  # fmt: skip

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        return check_upload(upload) if upload else None


class TextMixin:
    text_label = _("Text")

    def clean_body(self):
        return check_text(self.cleaned_data.get("body", ""), field_label=self.text_label)


class AskForm(TextMixin, AttachmentMixin, OnceForm):
    text_label = _("Your question")

    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_("In one line, for example: May I tweet about the project I work on?"),
    )
    category = IdChoiceField(
        label=_("Category"), queryset=Category.objects.none(), empty_label=None
    )
    body = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Markdown is allowed. At most 10,000 characters."),
        # The service says "cannot be empty" in the same words everywhere.
        required=False,
    )
    anonymous = forms.BooleanField(
        label=_("Ask anonymously"),
        required=False,
        help_text=_(
            "HR will not see who asked. You follow your question through a private link and "
            "your notifications. Files lose their author details; what you wrote in them "
            "stays."
        ),
    )
    confidential = forms.BooleanField(
        label=_("Confidential"),
        required=False,
        help_text=_("Only the HR colleague handling it and the HR leads can read it."),
    )
    field_order = ["subject", "category", "body", "attachment", "anonymous", "confidential"]

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.active()
        if categories is not None:
            # The cached (value, label) pairs: rendering the queryset would cost a query.
            self.fields["category"].widget.choices = categories
        # The fields live outside the <form> element; see helpdesk/question_form.html.
        for field in self.fields.values():
            field.widget.attrs["form"] = "ask-form"


class FollowUpForm(TextMixin, AttachmentMixin, OnceForm):
    text_label = _("Your message")
    body = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={**TEXTAREA, "rows": 4}),
        required=False,
    )  # fmt: skip


class ReplyForm(TextMixin, AttachmentMixin, OnceForm):
    text_label = _("The reply")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "reply-%s")  # the note form is on the same page
        super().__init__(*args, **kwargs)

    body = forms.CharField(
        label=_("Reply to the asker"),
        widget=forms.Textarea(attrs=TEXTAREA),
        required=False,
        help_text=_("The asker sees this. Markdown is allowed."),
    )
    status = forms.ChoiceField(
        label=_("After sending"),
        choices=[(s.value, s.label) for s in REPLY_STATUSES],
        initial=Status.ANSWERED,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what the reply does to the status."),
            "invalid_choice": _("Choose what the reply does to the status."),
        },
    )


class NoteForm(TextMixin, AttachmentMixin, OnceForm):
    text_label = _("The note")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "note-%s")
        super().__init__(*args, **kwargs)

    body = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": 3}),
        required=False,
        help_text=_("Only HR sees this; never the asker."),
    )


def hr_staff_choices():
    """Assignee choices: HR staff only (a few dozen people), never all employees."""
    return User.objects.hr_staff().order_by("full_name")


# (pk, name) of the HR staff, for pages that only list them (no model instances). Kept in the
# shared cache until people or groups change (people.signed_in).
HR_STAFF_NAMES = CachedValue(
    "helpdesk:hr-staff",
    lambda: list(hr_staff_choices().values_list("pk", "full_name")),
    generation=PEOPLE,
)


def hr_staff_names() -> list[tuple[int, str]]:
    return HR_STAFF_NAMES.get()


class AssignForm(forms.Form):
    assignee = IdChoiceField(
        label=_("Assigned to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        field.queryset = hr_staff_choices()
        if staff is not None:  # a list the page already loaded: render from it, no query
            field.choices = [("", field.empty_label)] + [(p.pk, p.full_name) for p in staff]


class DetailsForm(forms.Form):
    """The question page's details, saved together: status, category, confidentiality."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=Status.choices,
        error_messages={"invalid_choice": _("Unknown status."), "required": _("Unknown status.")},
    )
    category = IdChoiceField(
        label=_("Category"),
        queryset=Category.objects.active(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("Choose a category from the list."),
            "required": _("Choose a category from the list."),
        },
    )
    confidential = forms.BooleanField(label=_("Confidential"), required=False)


class GuidelinesForm(forms.Form):
    guidelines = IdMultipleChoiceField(
        label=_("Related tips"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, guidelines=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["guidelines"]
        field.queryset = guidelines_api.published_tips()
        if guidelines is not None:  # a list the page already loaded: render from it
            field.choices = [(g.pk, str(g)) for g in guidelines]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5."),
            "invalid_choice": _("Choose a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )


class QueueFilterForm(forms.Form):
    """The queue's filters. Invalid values are ignored, not an error: it is a list page."""

    SORTS = {
        "newest": ("-created_at", "-id"),
        "oldest": ("created_at", "id"),
        "due": ("response_due_at", "id"),
        "updated": ("-updated_at", "-id"),
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("active", _("Not answered or closed")), *Status.choices],
    )
    category = forms.TypedChoiceField(label=_("Category"), required=False, coerce=int,
                                      empty_value=None)  # fmt: skip
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    sla = forms.ChoiceField(
        label=_("Response target"), required=False, choices=[("", _("All")), *SlaState.choices]
    )
    anonymous = forms.ChoiceField(
        label=_("Anonymous"),
        required=False,
        choices=[("", _("All")), ("yes", _("Anonymous only")), ("no", _("Named only"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("relevance", _("Best match (when searching)")),
            ("oldest", _("Oldest first")),
            ("due", _("Response due first")),
            ("updated", _("Recently changed")),
        ],
    )

    def __init__(self, *args, staff=(), categories=None, **kwargs):
        """`staff`: (pk, name) pairs (see hr_staff_names)."""
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Nobody")),
            *((str(pk), name) for pk, name in staff),
        ]
        if categories is None:
            categories = Category.objects.all()
        self.fields["category"].choices = [("", _("All"))] + [(c.pk, str(c)) for c in categories]
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "q" else "form-select"

    def values(self) -> dict:
        """The valid filters (an invalid one counts as not set)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors
        }


def is_reference(value) -> bool:
    """A question reference as `new_reference` makes them (anything else is dropped)."""
    return (
        isinstance(value, str)
        and len(value) == REFERENCE_LENGTH
        and all(c in REFERENCE_ALPHABET for c in value)
    )


class BulkAssignForm(forms.Form):
    questions = forms.MultipleChoiceField(choices=(), required=False)
    assignee = forms.ChoiceField(label=_("Assign the selected questions to"))

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = {str(person.pk): person for person in staff}
        self.fields["assignee"].choices = [("none", _("Nobody")), *(
            (pk, person.full_name) for pk, person in self.staff.items()
        )]  # fmt: skip
        self.fields["questions"].choices = [
            (value, value)
            for value in (self.data.getlist("questions") if self.data else [])
            if is_reference(value)
        ]

    def clean_questions(self):
        chosen = self.cleaned_data["questions"]
        if not chosen:
            raise ValidationError(_("Select at least one question."))
        return chosen[:100]

    @property
    def chosen_assignee(self):
        """The HR colleague chosen, or None for "nobody"."""
        return self.staff.get(self.cleaned_data["assignee"])


class FaqEntryForm(forms.ModelForm):
    class Meta:
        model = FaqEntry
        fields = ["category", "title", "title_en", "answer", "answer_en", "is_published"]
        widgets = {
            "answer": forms.Textarea(attrs={"rows": 8}),
            "answer_en": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "title": _("Phrase the question in general terms, without names."),
        }


class FaqFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the FAQ"), required=False, max_length=200)
    category = IdChoiceField(
        label=_("Category"),
        queryset=Category.objects.all(),
        required=False,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class DraftForm(forms.Form):
    """What the "May I post this?" checker sends: the draft and the network it is for."""

    draft = forms.CharField(required=False)
    network = forms.CharField(required=False, max_length=100)
