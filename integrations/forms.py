from django import forms
from django.utils.translation import gettext_lazy as _

from integrations import tokens, webhooks
from integrations.models import ChatChannel


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “intranet widget”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Read access to"), widget=forms.CheckboxSelectMultiple
    )
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, initial=90)
    is_hr = forms.BooleanField(
        label=_("Include what only HR sees (drafts)"), required=False,
    )  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(s, s) for s in tokens.scopes()]
        self.fields["days"].choices = [
            (d, _("%(days)s days") % {"days": d}) for d in tokens.LIFETIMES
        ]
        if not user.is_hr:
            del self.fields["is_hr"]

    def clean_name(self):
        name = self.cleaned_data["name"].replace("\x00", "").strip()
        if not name:
            raise forms.ValidationError(_("Give the token a name."))
        return name


class WebhookForm(forms.Form):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    description = forms.CharField(label=_("Description"), max_length=200, required=False)
    events = forms.MultipleChoiceField(label=_("Events"), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].choices = list(webhooks.events().items())

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhooks.check_target(url)
        return url


class ChannelForm(forms.ModelForm):
    class Meta:
        model = ChatChannel
        fields = ["kind", "name", "url", "department", "person"]
        help_texts = {
            "url": _("The incoming-webhook URL (Slack) or the workflow's URL (Teams)."),
            "department": _("Shared channel of this department; empty: for everyone."),
            "person": _("Only this person's own chat: private notices may go there too."),
        }

    def clean_url(self):
        url = self.cleaned_data["url"]
        webhooks.check_target(url)
        return url
