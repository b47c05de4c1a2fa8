"""The FAQ in the API (/api/helpdesk/): published entries for employees, drafts for an HR
token. Questions themselves are not in the API at all: an anonymous question is never
reachable through it, not even for HR, and no entry says which question it came from."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from helpdesk.permissions import faq_entries_visible_to

router = Router()


class FaqEntryOut(Schema):
    id: int
    category: str
    title: str
    title_en: str
    answer: str
    answer_en: str
    is_published: bool

    @staticmethod
    def resolve_category(entry) -> str:
        return entry.category.name


def _entries(request):
    if not request.user.is_employee:
        raise Http404
    return faq_entries_visible_to(request.user).select_related("category")


@router.get("/faq/", response=list[FaqEntryOut], url_name="helpdesk-faq-list")
@paginate
def faq_list(request):
    return _entries(request).order_by("title", "pk")


@router.get("/faq/{int:pk}/", response=FaqEntryOut, url_name="helpdesk-faq-detail")
def faq_detail(request, pk: int):
    return get_object_or_404(_entries(request), pk=pk)
