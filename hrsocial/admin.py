from django.contrib import admin

from hrsocial.models import AuditEntry


class ReadOnlyAdminMixin:
    """For a model admin or an inline whose rows the portal writes under its own rules (and
    audits there): the admin shows them and never adds or changes one. `deletable = True`
    keeps deleting (with Django's permission), for rows a superuser may clear away."""

    deletable = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.deletable and super().has_delete_permission(request, obj)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: an audit log that can be edited proves nothing."""

    list_display = ["created_at", "actor", "action", "target_repr"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_repr", "actor__email", "action"]
    date_hierarchy = "created_at"
    list_select_related = ["actor"]
