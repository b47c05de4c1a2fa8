"""The admin for practice 1. Tips are written and published on HR's own pages (publishing
makes versions and asks for acknowledgements), so here they are read-only; categories and the
checker's rules and word lists can be maintained here as well."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from guidelines.models import Category, Guideline, GuidelineVersion, Rule, Term
from hrsocial.admin import ReadOnlyAdminMixin


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_en"]


class VersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = GuidelineVersion
    fields = ["number", "kind", "change_note", "published_at", "published_by"]
    readonly_fields = fields
    extra = 0
    show_change_link = False


@admin.register(Guideline)
class GuidelineAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "status",
        "version",
        "ack_version",
        "is_golden_rule",
        "edit_link",
    ]
    list_filter = ["status", "category"]
    search_fields = ["title", "tip", "body"]
    inlines = [VersionInline]
    deletable = True

    @admin.display(description=_("Edit"))
    def edit_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("guidelines:guideline-edit", args=[obj.pk]),
            _("Edit in the portal"),
        )


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["kind", "severity", "guideline", "is_active"]
    list_filter = ["severity", "is_active"]
    autocomplete_fields = ["guideline"]

    def has_add_permission(self, request):
        return False  # one rule per kind; missing ones are added on the rules page


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "rule", "explanation", "internal_note", "created_at", "created_by"]
    list_filter = ["rule"]
    search_fields = ["text", "normalized", "explanation", "internal_note"]
    readonly_fields = ["created_at", "created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
