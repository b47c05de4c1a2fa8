from django.contrib import admin

from hrsocial.admin import ReadOnlyAdminMixin
from insights.models import Initiative, Share


@admin.register(Initiative)
class InitiativeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "practice", "figure", "starts_on"]


@admin.register(Share)
class ShareAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["label", "created_at", "expires_on", "revoked_at"]
