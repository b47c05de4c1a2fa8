from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from django.contrib.auth.models import Group
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from hrsocial import navigation, search
        from notifications import categories
        from people.models import User, UserQuerySet
        from people.signals import grant_hr_permissions
        from people.signed_in import forget_signed_in_users

        # Every app's post_migrate, so permissions of apps after "people" are included too.
        post_migrate.connect(grant_hr_permissions, dispatch_uid="people.grant_hr_permissions")
        # The cached signed-in users (people.signed_in) are forgotten on any change of people,
        # their groups or the groups themselves: roles and managers come from all three.
        for name, signal, sender in (
            ("user-saved", post_save, User),
            ("user-deleted", post_delete, User),
            ("groups-changed", m2m_changed, User.groups.through),
            ("group-saved", post_save, Group),
            ("group-deleted", post_delete, Group),
        ):
            signal.connect(
                forget_signed_in_users, sender=sender, dispatch_uid=f"people.forget.{name}"
            )

        categories.register(
            "people.access",
            _("HR rights: a colleague was added to or removed from the HR groups"),
            order=95,
            audience=categories.hr_leads,
        )
        navigation.register(
            navigation.NavItem(
                key="people",
                label=_("Colleagues"),
                url_name="people:directory",
                visible=navigation.employees,
                order=90,
            )
        )
        search.register(
            search.SearchSource(
                key="people",
                label=_("Colleagues"),
                queryset=lambda user: User.objects.directory() if user.is_employee else None,
                fields=UserQuerySet.SEARCH_FIELDS,
                snippet="job_role",
                order=90,
            )
        )
