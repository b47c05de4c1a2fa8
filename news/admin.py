"""The technical administration, read-mostly. News is run in the portal's own pages, where the
rules live (revisions, must-read notices, moderation, audit); here posts, comments, reports
and consultations are only read, and tags kept tidy.

Deliberately absent: participations and answers (AnonymousAnswer, NamedAnswer). The answers
of an anonymous consultation are stored without any link to a person (news.models); an admin
that listed participations next to answers, or answers with their day next to who took part
that day, would be the one screen that puts them together again. Results are read through
the consultation's results page and export, which only show figures. The personal feed
tokens are secrets and are not shown either."""

from django.contrib import admin

from hrsocial.admin import ReadOnlyAdminMixin
from news.models import Comment, CommentReport, Consultation, ConsultationQuestion, Post, Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Post)
class PostAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "status", "audience", "publish_at", "is_pinned"]
    list_filter = ["kind", "status", "audience", "is_pinned"]
    list_select_related = ["author"]
    search_fields = ["title", "summary"]
    date_hierarchy = "publish_at"


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["post", "author", "created_at", "hidden_at"]
    list_select_related = ["post", "author"]
    search_fields = ["post__title", "body"]


@admin.register(CommentReport)
class CommentReportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["comment", "reporter", "reason", "created_at", "dismissed_at"]
    list_select_related = ["comment", "reporter"]


class ConsultationQuestionInline(ReadOnlyAdminMixin, admin.TabularInline):
    # The questions only: no answers, no participations (see the module's docstring).
    model = ConsultationQuestion
    fields = ["order", "kind", "text", "choices"]
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["post", "opens_at", "closes_at", "is_anonymous", "responded_at"]
    list_filter = ["is_anonymous"]
    list_select_related = ["post"]
    inlines = [ConsultationQuestionInline]
