from django.contrib import admin

from alumni.models import Membership
from hrsocial.admin import ReadOnlyAdminMixin


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "status", "auto_verified", "created_at"]
    list_filter = ["status"]


# The departure (private e-mail, "do not invite") on the person's own admin page, where HR
# handles the end date; added from here so that people/ does not depend on the network.
class DepartureInline(admin.StackedInline):
    from alumni.models import Departure

    model = Departure
    can_delete = False
    fields = ["private_email", "do_not_invite", "invited_at"]
    readonly_fields = ["invited_at"]


def _add_departure_inline():
    from people.models import User

    user_admin = admin.site._registry.get(User)
    if user_admin is not None and DepartureInline not in user_admin.inlines:
        user_admin.inlines = [*user_admin.inlines, DepartureInline]


_add_departure_inline()
