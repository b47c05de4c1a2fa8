from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hrsocial import audit
from people import services
from people.forms import PeopleImportForm
from people.models import Department, JobRole, User


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
    class Meta:
        model = User
        fields = [
            "email", "full_name", "kind", "preferred_language", "employee_number", "department",
            "job_role", "manager", "start_date", "end_date", "bio", "linkedin_url", "x_url",
            "is_active", "is_staff", "is_superuser", "groups", "user_permissions",
        ]  # fmt: skip

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
    actions = ["send_invitations"]
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
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
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

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            audit.record(
                actor=request.user, action="people.change", target=obj, fields=form.changed_data
            )
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

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="people_user_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """The HRIS import: the same service as `manage.py import_people`."""
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            raise PermissionDenied
        form = PeopleImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            result = services.people_import(
                data=form.cleaned_data["file"].read(),
                imported_by=request.user,
                invite=form.cleaned_data["invite"],
            )
            if result.ok:
                messages.success(
                    request,
                    _("Import done: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.")
                    % {
                        "created": len(result.created),
                        "updated": len(result.updated),
                        "unchanged": result.unchanged,
                    },
                )
                return redirect(reverse("admin:people_user_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import people from the HRIS"),
            "opts": self.model._meta,
            "form": form,
            "result": result,
        }
        return TemplateResponse(request, "admin/people/user/import.html", context)
