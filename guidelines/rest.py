"""The tips in the API (/api/guidelines/): published tips for employees, drafts for an HR
token (Guideline.objects.visible_to, the pages' own rule)."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from guidelines.models import Guideline

router = Router()


class TipOut(Schema):
    id: int
    category: str
    title: str
    title_en: str
    tip: str
    tip_en: str
    body: str
    body_en: str
    status: str
    version: int

    @staticmethod
    def resolve_category(tip) -> str:
        return tip.category.name


def _tips(request):
    return Guideline.objects.visible_to(request.user).select_related("category")


@router.get("/tips/", response=list[TipOut], url_name="guidelines-tips-list")
@paginate
def tips_list(request):
    return _tips(request).in_reading_order()


@router.get("/tips/{int:pk}/", response=TipOut, url_name="guidelines-tips-detail")
def tips_detail(request, pk: int):
    return get_object_or_404(_tips(request), pk=pk)
