"""The helpdesk in the admin: categories and their teams, public holidays, saved replies and
the FAQ are edited here. Questions are read-only here (HR works on them in the portal, where
every change is audited); who asked an anonymous question is not stored, so not shown."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from helpdesk.models import (
    Category,
    FaqEntry,
    Message,
    PublicHoliday,
    Question,
    SavedReply,
    SelfServiceResolution,
)
from hrsocial import audit
from hrsocial.admin import ReadOnlyAdminMixin


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "response_hours", "order", "is_active"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "name_en"]
    # A type-ahead over HR staff only (limit_choices_to), never a list of every employee.
    autocomplete_fields = ["team"]


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(SavedReply)
class SavedReplyAdmin(admin.ModelAdmin):
    list_display = ["title", "title_en", "category", "status"]
    list_filter = ["category", "status"]
    search_fields = ["title", "body", "title_en", "body_en"]


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "is_published", "updated_at"]
    list_filter = ["is_published", "category"]
    search_fields = ["title", "answer", "title_en", "answer_en"]
    raw_id_fields = ["source_question"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class MessageInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Message
    fields = ["written", "kind", "author", "body"]
    readonly_fields = fields

    @admin.display(description=_("written"))
    def written(self, obj):
        return obj.question.moment_label(obj.created_at)

    extra = 0


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Nothing here identifies or groups an anonymous asker: the sealed fields are in no list,
    form, search or ordering, and the only lookups the admin accepts in its address are its
    own filters (Django would otherwise accept `?asker_mailbox__startswith=…` or
    `?asker__email=…`, and sort anonymous questions into their askers by trying)."""

    list_display = ["__str__", "category", "status", "asked_by", "is_confidential", "assignee",
                    "asked"]  # fmt: skip
    list_filter = ["status", "category", "is_anonymous", "is_confidential"]
    search_fields = ["subject"]
    sortable_by = ["category", "status", "is_confidential", "assignee", "asked"]
    list_select_related = ["category", "asker", "assignee"]
    date_hierarchy = "created_at"
    fields = ["subject", "body", "category", "asked_by", "is_confidential", "status", "assignee",
              "asked", "response_due_at", "first_responded_at", "closed_at"]  # fmt: skip
    readonly_fields = fields
    inlines = [MessageInline]
    actions = None
    deletable = True
    # What the change list's own filters and date drill-down send; nothing else.
    ALLOWED_LOOKUPS = {
        "status", "status__exact", "category", "category__id__exact", "is_anonymous",
        "is_anonymous__exact", "is_confidential", "is_confidential__exact", "created_at__year",
        "created_at__month", "created_at__day",
    }  # fmt: skip

    def lookup_allowed(self, lookup, value, request=None):
        return lookup in self.ALLOWED_LOOKUPS

    @admin.display(description=_("asked"), ordering="created_at")
    def asked(self, obj):
        return obj.moment_label(obj.created_at)

    @admin.display(description=_("asked by"))
    def asked_by(self, obj):
        return _("anonymous") if obj.is_anonymous else (obj.asker or "—")

    def get_queryset(self, request):
        """The same rule as the portal: confidential questions for their assignee and the HR
        leads only, nobody's own question."""
        return Question.objects.visible_to_staff(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        question = self.get_object(request, object_id)
        if question is not None and question.is_confidential:
            audit.record(actor=request.user, action="helpdesk.view_confidential", target=question)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(SelfServiceResolution)
class SelfServiceResolutionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Questions solved without a ticket: the FAQ and tips at work."""

    list_display = ["created_at", "source", "title"]
    list_filter = ["source"]
    date_hierarchy = "created_at"
    deletable = True
