"""The technical administration: the framework, role profiles and cycles, read only.

HR changes them on the portal's own HR pages (/competencies/hr/), where every change goes
to the audit log. Reviews and assessed levels are personal data and are not shown here at
all: reading them goes through the portal, where HR's views are audited.
"""

from django.contrib import admin

from competencies.models import (
    Competency,
    CompetencyCategory,
    CompetencyLevel,
    ReviewCycle,
    RoleRequirement,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LevelInline(admin.TabularInline):
    model = CompetencyLevel
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CompetencyCategory)
class CategoryAdmin(ReadOnlyAdmin):
    list_display = ["name", "name_en", "order"]


@admin.register(Competency)
class CompetencyAdmin(ReadOnlyAdmin):
    list_display = ["name", "name_en", "category", "order", "is_active"]
    list_filter = ["is_active", "category"]
    search_fields = ["name", "name_en"]
    inlines = [LevelInline]


@admin.register(RoleRequirement)
class RoleRequirementAdmin(ReadOnlyAdmin):
    list_display = ["job_role", "competency", "level"]
    list_filter = ["job_role", "competency"]
    list_select_related = ["job_role", "competency"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(ReadOnlyAdmin):
    list_display = ["name", "starts_on", "self_assessment_due", "ends_on", "status"]
    list_filter = ["status"]
