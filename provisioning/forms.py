from django import forms
from django.utils.translation import gettext_lazy as _


class ConnectionForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100,
        help_text=_("Which identity provider uses it, e.g. “Entra ID production”."),
    )  # fmt: skip
    valid_days = forms.IntegerField(
        label=_("Valid for (days)"), required=False, min_value=1, max_value=3650,
        help_text=_("Empty: until revoked."),
    )  # fmt: skip
