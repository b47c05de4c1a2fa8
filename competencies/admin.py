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
from hrsocial.admin import ReadOnlyAdminMixin


class LevelInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CompetencyLevel
    extra = 0


@admin.register(CompetencyCategory)
class CategoryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "name_en", "order"]


@admin.register(Competency)
class CompetencyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "name_en", "category", "order", "is_active"]
    list_filter = ["is_active", "category"]
    search_fields = ["name", "name_en"]
    inlines = [LevelInline]


@admin.register(RoleRequirement)
class RoleRequirementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["job_role", "competency", "level"]
    list_filter = ["job_role", "competency"]
    list_select_related = ["job_role", "competency"]


@admin.register(ReviewCycle)
class ReviewCycleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "starts_on", "self_assessment_due", "ends_on", "status"]
    list_filter = ["status"]
