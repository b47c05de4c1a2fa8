from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hrsocial import audit
from people import services
from people.models import HR_GROUP, HR_LEADS_GROUP, Department, JobRole, User

# Changing these makes someone HR, an HR lead or an admin: only HR leads and superusers may,
# after typing their own password again (PersonChangeForm), and the other HR leads are told.
HR_GROUPS = (HR_GROUP, HR_LEADS_GROUP)
ACCESS_FIELDS = ("groups", "is_staff", "is_superuser")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(JobRole)
class JobRoleAdmin(admin.ModelAdmin):
    list_display = ["title"]
    search_fields = ["title"]


class PersonCreationForm(forms.ModelForm):
    """HR adds a person; they set their own password from the invitation e-mail."""

    invite = forms.BooleanField(label=_("Send an invitation e-mail"), required=False, initial=True)

    class Meta:
        model = User
        fields = ["email", "full_name", "kind", "employee_number", "department", "job_role",
                  "manager", "start_date", "preferred_language"]  # fmt: skip


class PersonChangeForm(forms.ModelForm):
    """The person as HR edits them. `actor` (set by UserAdmin.get_form) is who is editing:
    HR staff who are not HR leads cannot touch the HR groups or staff status (the fields are
    disabled and HR groups are not even offered, so a tampered POST is refused), and whoever
    may change them confirms with their own password."""

    actor = None

    confirm_password = forms.CharField(
        label=_("Your own password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Needed only when you change the HR groups, staff or superuser status."),
    )

    class Meta:
        model = User
        fields = [
            "email", "full_name", "kind", "preferred_language", "employee_number", "department",
            "job_role", "manager", "start_date", "end_date", "bio", "linkedin_url", "x_url",
            "is_active", "is_staff", "is_superuser", "groups", "user_permissions",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.actor_may_change_access():
            for name in ("is_staff", "is_superuser"):
                if name in self.fields:
                    self.fields[name].disabled = True
            if "groups" in self.fields:
                self.fields["groups"].queryset = self.fields["groups"].queryset.exclude(
                    name__in=HR_GROUPS
                )
            self.fields["confirm_password"].disabled = True
            self.fields["confirm_password"].help_text = _("Only HR leads change HR groups.")

    def actor_may_change_access(self) -> bool:
        actor = self.actor
        return actor is not None and (actor.is_superuser or actor.is_hr_lead)

    def _hr_groups_before(self) -> set[str]:
        if not self.instance.pk:
            return set()
        return set(self.instance.groups.filter(name__in=HR_GROUPS).values_list("name", flat=True))

    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if groups is None or self.actor_may_change_access():
            return groups
        # Keep the HR groups the person has: this form cannot offer or take them away.
        kept = self.instance.groups.filter(name__in=HR_GROUPS) if self.instance.pk else []
        return list(groups) + list(kept)

    def clean(self):
        cleaned = super().clean()
        self.access_changes = {}  # {field: (before, after)}, for UserAdmin.save_related
        if self.actor is None or self.errors:
            return cleaned
        for name in ("is_staff", "is_superuser"):
            if name in cleaned and name in self.changed_data:
                self.access_changes[name] = (bool(self.initial.get(name)), cleaned[name])
        if "groups" in cleaned:
            before = self._hr_groups_before()
            after = {g.name for g in cleaned["groups"] if g.name in HR_GROUPS}
            if after != before:
                self.access_changes["groups"] = (sorted(before), sorted(after))
        if self.access_changes:
            if not self.actor_may_change_access():
                raise ValidationError(_("Only HR leads change HR groups and admin status."))
            if not self.actor.check_password(cleaned.get("confirm_password") or ""):
                self.add_error(
                    "confirm_password",
                    _("Type your own password to change HR groups or admin status."),
                )
        return cleaned

    def clean_manager(self):
        manager = self.cleaned_data.get("manager")
        if manager and self.instance.pk and User.manager_chain_contains(manager, self.instance.pk):
            raise ValidationError(
                _("This would make a management cycle: %(manager)s reports to this person.")
                % {"manager": manager}
            )
        return manager


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    change_list_template = "admin/people/user/change_list.html"
    list_display = ["full_name", "email", "kind", "department", "job_role", "manager", "is_active"]
    list_filter = ["kind", "is_active", "department", "groups"]
    list_select_related = ["department", "job_role", "manager"]
    search_fields = ["full_name", "email", "employee_number"]
    ordering = ["full_name"]
    # Autocomplete, not a <select> of every person in the organisation.
    autocomplete_fields = ["manager", "department", "job_role"]
    filter_horizontal = ["groups", "user_permissions"]
    # No last login here: lined up with the time of an anonymous question it would name the
    # asker (issue 11). The admin refuses lookups on it too (`lookup_allowed`).
    readonly_fields = ["date_joined"]
    actions = ["send_invitations", "send_password_reset_links"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "kind", "preferred_language"]}),
        (
            _("Organisation"),
            {
                "fields": [
                    "employee_number",
                    "department",
                    "job_role",
                    "manager",
                    "start_date",
                    "end_date",
                ]
            },
        ),  # fmt: skip
        (_("Profile"), {"fields": ["bio", "linkedin_url", "x_url"]}),
        (
            _("Access"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                    "confirm_password",
                ]
            },
        ),  # fmt: skip
        (_("History"), {"fields": ["date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "kind", "preferred_language", "invite"]}),
        (
            _("Organisation"),
            {"fields": ["employee_number", "department", "job_role", "manager", "start_date"]},
        ),  # fmt: skip
    ]

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__")[0] == "last_login":
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_readonly_fields(self, request, obj=None):
        """Only superusers hand out superuser status or single permissions; HR uses groups."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:
            return form
        # The form's rules depend on who edits (see PersonChangeForm).
        return type(form.__name__, (form,), {"actor": request.user})

    def user_change_password(self, request, id, form_url=""):
        """Nobody but a superuser sets another person's password: whoever chooses it can sign
        in as that person (and see, say, their anonymous helpdesk questions). HR sends a
        set-password link to the person's own address instead (an action on the list)."""
        if not request.user.is_superuser:
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            audit.record(
                actor=request.user,
                action="people.set_password",
                target=self.get_object(request, id),
            )
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changes = getattr(form, "access_changes", None)
        if change and changes:
            services.person_access_change(
                person=form.instance, changed_by=request.user, changes=changes
            )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            detail = {"fields": form.changed_data}
            if "email" in form.changed_data:
                # The sign-in address decides where a set-password link goes: keep both.
                detail["email"] = {"before": form.initial.get("email"), "after": obj.email}
            audit.record(actor=request.user, action="people.change", target=obj, **detail)
            if {"end_date", "kind"} & set(form.changed_data):
                services.employment_sync(person=obj, changed_by=request.user)
            return
        obj.set_unusable_password()
        super().save_model(request, obj, form, change)
        services.email_mark_verified(person=obj)
        audit.record(actor=request.user, action="people.create", target=obj)
        if form.cleaned_data.get("invite"):
            services.person_invite(person=obj, invited_by=request.user)

    @admin.action(description=_("Send an invitation e-mail (set a password)"))
    def send_invitations(self, request, queryset):
        people = [p for p in queryset if p.is_active and not p.has_usable_password()]
        for person in people:
            services.person_invite(person=person, invited_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d invitation sent; people who already set a password were skipped.",
                "%(count)d invitations sent; people who already set a password were skipped.",
                len(people),
            )
            % {"count": len(people)},
        )

    @admin.action(description=_("Send a link to choose a new password"))
    def send_password_reset_links(self, request, queryset):
        people = [p for p in queryset if p.is_active]
        for person in people:
            services.person_send_password_reset(person=person, sent_by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d link to choose a new password sent.",
                "%(count)d links to choose a new password sent.",
                len(people),
            )
            % {"count": len(people)},
        )
