from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from django.db.models.signals import post_migrate

        from hrsocial import navigation, search
        from people.models import User, UserQuerySet
        from people.signals import grant_hr_permissions

        # Every app's post_migrate, so permissions of apps after "people" are included too.
        post_migrate.connect(grant_hr_permissions, dispatch_uid="people.grant_hr_permissions")

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
