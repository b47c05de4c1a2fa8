"""The technical administration. HR runs trainings in the portal's own HR pages, where the
rules live (seats, waitlists, notifications); here trainings and self-scan statements can be
edited, and sessions and enrolments only read, so nobody changes a seat past those rules."""

from django.contrib import admin

from hrsocial.admin import ReadOnlyAdminMixin
from trainings.models import (
    Enrolment,
    Feedback,
    ScanQuestion,
    Session,
    Training,
    TrainingCompetency,
)


class TrainingCompetencyInline(admin.TabularInline):
    model = TrainingCompetency
    extra = 1


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ["title", "format", "level", "language", "provider", "cost", "is_published"]
    list_filter = ["format", "level", "language", "provider", "is_published"]
    search_fields = ["title", "title_en", "summary", "provider_name"]
    filter_horizontal = ["departments", "job_roles"]
    inlines = [TrainingCompetencyInline]


@admin.register(ScanQuestion)
class ScanQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "competency", "order", "is_active"]
    list_filter = ["is_active", "competency"]
    search_fields = ["text", "text_en"]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["training", "starts_at", "location", "capacity", "seats_taken", "cancelled_at"]
    list_select_related = ["training"]
    date_hierarchy = "starts_at"
    search_fields = ["training__title", "location", "trainer"]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["person", "session", "status", "approval", "attendance", "created_at"]
    list_filter = ["status", "approval", "attendance"]
    list_select_related = ["person", "session__training"]
    search_fields = ["person__full_name", "session__training__title"]
    raw_id_fields = ["session", "person", "decided_by"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Ratings and comments without names, as in the HR report."""

    list_display = ["training", "rating", "department", "created_at"]
    list_select_related = ["training", "department"]
    list_filter = ["rating"]
    exclude = ["person"]
