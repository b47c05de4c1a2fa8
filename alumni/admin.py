from django.contrib import admin

from alumni.models import Membership
from hrsocial.admin import ReadOnlyAdminMixin


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "status", "auto_verified", "created_at"]
    list_filter = ["status"]
