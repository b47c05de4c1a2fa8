from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hrsocial.forms import IdChoiceField, IdMultipleChoiceField
from people.models import Department
from sharing.images import check_image
from sharing.models import Audience, CaptionVariant, Channel, ShareKit, SharingSettings

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class KitForm(forms.ModelForm):
    departments = IdMultipleChoiceField(
        queryset=Department.objects.all(), required=False, label=_("Departments"),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    class Meta:
        model = ShareKit
        fields = ["title", "title_en", "summary", "summary_en", "url", "image", "audience",
                  "departments", "starts_at", "ends_at", "campaign", "disclosure",
                  "disclosure_en", "add_utm"]  # fmt: skip
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "image": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise ValidationError(_("Use a web address that starts with http:// or https://."))
        return url

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload, not the stored file
            return check_image(image)
        return image

    def clean(self):
        data = super().clean()
        if data.get("audience") == Audience.DEPARTMENTS and not data.get("departments"):
            self.add_error("departments", _("Choose at least one department."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class VariantForm(forms.ModelForm):
    class Meta:
        model = CaptionVariant
        fields = ["channel", "text", "text_en"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "text_en": forms.Textarea(attrs={"rows": 3}),
        }


class SettingsForm(forms.ModelForm):
    class Meta:
        model = SharingSettings
        fields = ["disclosure", "disclosure_en"]


class ShareForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, label=_("Network"))
    text = forms.CharField(
        label=_("Your text"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )  # fmt: skip
    variant = IdChoiceField(queryset=CaptionVariant.objects.none(), required=False)

    def __init__(self, *args, kit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["variant"].queryset = kit.variants.all()

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if "\x00" in text:
            raise ValidationError(_("The text contains a character that is not allowed."))
        return text


class LeaderboardForm(forms.Form):
    on_leaderboard = forms.BooleanField(required=False, label=_("Show me on the leaderboard"))
