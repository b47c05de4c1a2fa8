from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from people.models import HR_GROUP, HR_LEADS_GROUP

# HR manages the portal's content in the admin (people, tips, trainings, questions...),
# and may read, not change, the audit log and the outbox.
HR_MANAGED_APPS = ["people", "guidelines", "trainings", "helpdesk", "competencies"]
HR_READ_ONLY_APPS = ["hrsocial", "notifications"]


def grant_hr_permissions(sender=None, **kwargs):
    """After every migrate (and every test-database flush): make sure the HR groups exist and
    give "HR" the admin permissions of the portal's apps, including newer apps' models."""
    Group.objects.get_or_create(name=HR_LEADS_GROUP)
    group, _created = Group.objects.get_or_create(name=HR_GROUP)
    permissions = Permission.objects.filter(
        Q(content_type__app_label__in=HR_MANAGED_APPS)
        | Q(content_type__app_label__in=HR_READ_ONLY_APPS, codename__startswith="view_")
    )
    group.permissions.add(*permissions)
