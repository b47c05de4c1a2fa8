from django.contrib import admin

from alumni.models import Departure, Membership
from hrsocial.admin import ReadOnlyAdminMixin


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "status", "auto_verified", "created_at"]
    list_filter = ["status"]


# A leaver's private address and "do not invite", next to the person's end date in the admin.
# Its own page (Alumni network > Departures), not an inline on the person: an inline's
# formset would be required on every save of a person, the HRIS import's admin included.
@admin.register(Departure)
class DepartureAdmin(admin.ModelAdmin):
    list_display = ["person", "person__end_date", "do_not_invite", "invited_at"]
    list_filter = ["do_not_invite", ("invited_at", admin.EmptyFieldListFilter)]
    list_select_related = ["person"]
    search_fields = ["person__full_name", "person__email", "person__employee_number"]
    autocomplete_fields = ["person"]
    fields = ["person", "private_email", "do_not_invite", "invited_at"]
    readonly_fields = ["invited_at"]
