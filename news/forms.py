from django import forms
from django.utils.translation import gettext_lazy as _

from hrsocial.forms import IdMultipleChoiceField
from news.images import checked_image
from news.models import ConsultationQuestion, Post, Tag
from people.models import Department


class PostForm(forms.ModelForm):
    tag_names = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=_("Separated by commas, e.g. “LinkedIn, werving”."),
    )
    material = forms.BooleanField(
        label=_("Material change: mark as updated and ask for confirmation again"),
        required=False,
    )
    publish = forms.BooleanField(label=_("Publish (now or at the scheduled time)"), required=False)

    class Meta:
        model = Post
        # Posted ids are checked to be ids before the query (a huge number: no 500).
        field_classes = {"departments": IdMultipleChoiceField}
        fields = [
            "kind",
            "title",
            "summary",
            "why",
            "body",
            "organisation",
            "example_url",
            "lesson",
            "image",
            "image_alt",
            "audience",
            "departments",
            "publish_at",
            "unpublish_at",
            "is_pinned",
            "requires_confirmation",
            "update_note",
        ]
        widgets = {
            "publish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "unpublish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "departments": forms.CheckboxSelectMultiple,
            "why": forms.Textarea(attrs={"rows": 3}),
            "lesson": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, manager: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = Department.objects.order_by("name")
        if self.instance.pk:
            self.fields["tag_names"].initial = ", ".join(t.name for t in self.instance.tags.all())
        if not manager:
            # Employees write blogs; moderators publish them.
            self.fields["kind"].choices = [(Post.Kind.BLOG, Post.Kind.BLOG.label)]
            for name in (
                "is_pinned",
                "requires_confirmation",
                "publish",
                "material",
                "update_note",
                "publish_at",
                "unpublish_at",
            ):
                del self.fields[name]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):  # a new upload
            return checked_image(image)
        return image

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the image for those who cannot see it."))
        return data

    def tags(self):
        names = {n.strip()[:50] for n in self.cleaned_data.get("tag_names", "").split(",")}
        return [Tag.objects.get_or_create(name=n)[0] for n in sorted(names) if n]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=2**62, widget=forms.HiddenInput
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the author"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("What you said, what we did"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ConsultationForm(forms.Form):
    opens_at = forms.DateTimeField(
        label=_("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous: nobody can ever see who answered what"), required=False
    )

    QUESTIONS = 3

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, self.QUESTIONS + 1):
            self.fields[f"q{n}_text"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n}, max_length=300, required=n == 1
            )
            self.fields[f"q{n}_kind"] = forms.ChoiceField(
                label=_("Kind of answer"), choices=ConsultationQuestion.Kind.choices
            )
            self.fields[f"q{n}_choices"] = forms.CharField(
                label=_("Choices (one a line)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def questions(self) -> list[dict]:
        return [
            {
                "text": self.cleaned_data.get(f"q{n}_text", ""),
                "kind": self.cleaned_data.get(f"q{n}_kind"),
                "choices": self.cleaned_data.get(f"q{n}_choices", ""),
            }
            for n in range(1, self.QUESTIONS + 1)
        ]
