from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.test import RequestFactory

from hrsocial.admin import ReadOnlyAdminMixin
from tests.factories import UserFactory


def _admins():
    for model_admin in admin.site._registry.values():
        yield model_admin
        yield from (inline(model_admin.model, admin.site) for inline in model_admin.inlines)


def _may_add(model_admin, request) -> bool:
    if isinstance(model_admin, InlineModelAdmin):
        return model_admin.has_add_permission(request, None)
    return model_admin.has_add_permission(request)


def test_every_admin_that_neither_adds_nor_changes_says_so_with_the_one_mixin(db):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    read_only = [
        model_admin
        for model_admin in _admins()
        if not _may_add(model_admin, request)
        and not model_admin.has_change_permission(request, None)
    ]
    assert read_only, "the portal has read-only admins (the audit log, sessions, questions)"
    assert [a for a in read_only if not isinstance(a, ReadOnlyAdminMixin)] == []


def test_a_read_only_admin_deletes_only_when_it_says_so(db):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    deletable = {
        type(model_admin).__name__: model_admin.has_delete_permission(request, None)
        for model_admin in _admins()
        if isinstance(model_admin, ReadOnlyAdminMixin)
    }
    assert deletable["AuditEntryAdmin"] is False
    assert deletable["SessionAdmin"] is False
    assert deletable["LevelInline"] is False
    assert deletable["NotificationAdmin"] is True  # a superuser may clear delivery rows
    assert deletable["QuestionAdmin"] is True
