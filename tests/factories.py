"""Factories for tests. Personas (an employee, her manager, HR...) are in conftest.py."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from people.models import HR_GROUP, HR_LEADS_GROUP, Department, JobRole, User

TEST_PASSWORD = "test-pass-2026"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Afdeling {n}")
    code = factory.Sequence(lambda n: f"D{n}")


class JobRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobRole
        django_get_or_create = ["title"]

    title = factory.Sequence(lambda n: f"Functie {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """An employee with a verified address who can sign in with TEST_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Faker("name", locale="nl_NL")
    kind = User.Kind.EMPLOYEE
    preferred_language = "nl"
    department = factory.SubFactory(DepartmentFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class AlumnusFactory(UserFactory):
    kind = User.Kind.ALUMNUS
    department = None


class FreelancerFactory(UserFactory):
    kind = User.Kind.FREELANCER
    department = None


def make_hr(user, *, lead=False):
    user.groups.add(Group.objects.get(name=HR_GROUP))
    if lead:
        user.groups.add(Group.objects.get(name=HR_LEADS_GROUP))
    # Roles are cached per user object; a fresh object sees the new groups.
    user.__dict__.pop("group_names", None)
    return user
