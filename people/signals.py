from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.dispatch import Signal

from people.models import HR_GROUP, HR_LEADS_GROUP

# Sent inside the transaction that ends someone's employment (people.services.employment_end),
# with `person` and `ended_by`. Each practice app handles its own records (open questions,
# seats, reviews) through its own services: the shared ground imports no practice app.
employment_ended = Signal()
# Sent inside the HRIS import's transaction for every row (people.services.people_import),
# with `person` and `private_email` (the optional column, "" when empty): the alumni network
# keeps the private address for the invitation on the end date.
person_imported = Signal()

VIEW = ("view",)
READ_WRITE = ("view", "add", "change", "delete")

# What the group "HR" may do in the admin, model by model: exactly what HR's admin pages
# need, nothing "just in case" (docs/PERMISSIONS.md says why for each line). The portal's own
# HR pages check roles (people.permissions), not these permissions. Models that are not in
# the admin (acknowledgements, ratings, self-scan answers, calendar tokens...) get nothing.
HR_PERMISSIONS = {
    "people": {
        # Not "delete": people leave through an end date (offboarding), their records stay.
        # "change" does not reach passwords (superusers only) nor the HR groups and staff
        # status (HR leads only): see people.admin.UserAdmin.
        "user": ("view", "add", "change"),
        "department": READ_WRITE,
        "jobrole": READ_WRITE,
    },
    "guidelines": {
        "category": READ_WRITE,
        "guideline": VIEW,  # written and published on HR's own pages
        "guidelineversion": VIEW,
        "rule": ("view", "change"),
        "term": READ_WRITE,
    },
    "helpdesk": {
        "category": READ_WRITE,
        "publicholiday": READ_WRITE,
        "savedreply": READ_WRITE,
        "faqentry": READ_WRITE,
        "question": VIEW,  # answered in the portal, where every change is audited
        "message": VIEW,
        "selfserviceresolution": VIEW,
    },
    "trainings": {
        "training": READ_WRITE,
        "trainingcompetency": READ_WRITE,
        "scanquestion": READ_WRITE,
        "session": VIEW,
        "enrolment": VIEW,
        "feedback": VIEW,
    },
    "competencies": {
        "competencycategory": VIEW,
        "competency": VIEW,
        "competencylevel": VIEW,
        "rolerequirement": VIEW,
        "reviewcycle": VIEW,
    },
    "hrsocial": {"auditentry": VIEW},
    "notifications": {"notification": VIEW},  # delivery problems; not people's preferences
    # A leaver's private address and "do not invite" (on the person's admin page).
    "alumni": {"departure": ("view", "add", "change")},
}


def hr_permission_filter() -> Q:
    """The HR_PERMISSIONS as one filter on Permission (also used by migration 0005)."""
    condition = Q(pk__in=[])
    for app_label, models in HR_PERMISSIONS.items():
        for model, actions in models.items():
            condition |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
    return condition


def grant_hr_permissions(sender=None, **kwargs):
    """After every migrate (and every test-database flush): make sure the HR groups exist and
    give "HR" exactly the HR_PERMISSIONS (set, not add: a permission taken away stays away)."""
    Group.objects.get_or_create(name=HR_LEADS_GROUP)
    group, _created = Group.objects.get_or_create(name=HR_GROUP)
    group.permissions.set(Permission.objects.filter(hr_permission_filter()))
