from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hrsocial.forms import IdChoiceField
from people.models import Department, User

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class SignupForm(AllauthSignupForm):
    """Self sign-up, for alumni and freelancers only: employees are created by HR."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    kind = forms.ChoiceField(
        label=_("I am"),
        choices=[
            (User.Kind.ALUMNUS, _("a former employee (alumnus)")),
            (User.Kind.FREELANCER, _("a freelancer (ZZP'er)")),
        ],
        widget=forms.RadioSelect,
    )
    # Former employees prove who they are with one of these (the alumni app checks them
    # against ended employments and verifies at once, or puts the sign-up in HR's queue).
    former_employee_number = forms.CharField(
        label=_("Former employee number (if you know it)"), max_length=30, required=False
    )
    former_work_email = forms.EmailField(
        label=_("Former work e-mail address (if you know it)"), required=False
    )
    field_order = [
        "full_name", "email", "kind", "former_employee_number", "former_work_email",
        "password1", "password2",
    ]  # fmt: skip

    def save(self, request):
        user = super().save(request)
        user.full_name = self.cleaned_data["full_name"]
        user.kind = self.cleaned_data["kind"]
        user.preferred_language = (
            request.LANGUAGE_CODE if request.LANGUAGE_CODE in dict(settings.LANGUAGES) else "nl"
        )
        user.save(update_fields=["full_name", "kind", "preferred_language"])
        # Read by whoever handles allauth's user_signed_up (alumni.receivers), never stored here.
        user.signup_claims = {
            "former_employee_number": self.cleaned_data.get("former_employee_number", ""),
            "former_work_email": self.cleaned_data.get("former_work_email", ""),
        }
        return user


class ProfileForm(forms.ModelForm):
    """What people maintain themselves; HR data (department, manager...) comes from HR."""

    linkedin_url = forms.URLField(
        label=_("LinkedIn profile"),
        required=False,
        assume_scheme="https",
        help_text=_("For example https://www.linkedin.com/in/your-name"),
    )
    x_url = forms.URLField(label=_("X profile"), required=False, assume_scheme="https")

    class Meta:
        model = User
        fields = ["full_name", "bio", "linkedin_url", "x_url", "preferred_language"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "maxlength": 500})}
        help_texts = {
            "bio": _("A few lines colleagues see on your profile card (at most 500 characters)."),
        }

    def clean_linkedin_url(self):
        return _profile_link(self.cleaned_data["linkedin_url"], ("linkedin.com",))

    def clean_x_url(self):
        return _profile_link(self.cleaned_data["x_url"], ("x.com", "twitter.com"))


def _profile_link(url: str, domains: tuple[str, ...]) -> str:
    from urllib.parse import urlsplit

    if not url:
        return url
    host = (urlsplit(url).hostname or "").lower()
    if urlsplit(url).scheme != "https" or not any(
        host == d or host.endswith("." + d) for d in domains
    ):
        raise forms.ValidationError(
            _("Use a https:// link to %(domain)s.") % {"domain": " / ".join(domains)}
        )
    return url


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or words from the bio"), required=False, max_length=200)
    department = IdChoiceField(
        widget=forms.Select(attrs={"class": "form-select"}),
        label=_("Department"), queryset=Department.objects.all(), required=False,
        empty_label=_("All departments"),
    )  # fmt: skip


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False)

    error_messages = {"invalid_choice": _("Unknown language.")}


class PeopleImportForm(forms.Form):
    """The HRIS file to preview. Checked by its content (people.importer.read_table), not by
    its name; here only its size."""

    file = forms.FileField(
        label=_("File from the HRIS (CSV or XLSX)"),
        help_text=_(
            "CSV (comma- or semicolon-separated) or an Excel workbook (XLSX), with a header row. "
            "At most 10 MB and 20,000 people."
        ),
        error_messages={
            "required": _("Choose the file to import."),
            "empty": _("The file is empty."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class ImportConfirmForm(forms.Form):
    """Confirming a preview: the file's digest (the one previewed) and the choice to invite."""

    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    invite = forms.TypedChoiceField(
        label=_("Invitation e-mails for new people"),
        choices=[
            ("no", _("Do not send invitations now (you can send them later from the admin)")),
            ("yes", _("Send each new person an invitation e-mail to set a password")),
        ],
        coerce=lambda value: value == "yes",
        initial="no",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
