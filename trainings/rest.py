"""Trainings and their sessions in the API (/api/trainings/), by the catalogue's own rules:
employees see published trainings, an HR token drafts too."""

from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from trainings.models import Session
from trainings.permissions import trainings_visible_to

router = Router()


class TrainingOut(Schema):
    id: int
    title: str
    title_en: str
    summary: str
    summary_en: str
    format: str
    level: str
    language: str
    duration_minutes: int | None
    is_published: bool


class SessionOut(Schema):
    id: int
    training_id: int
    starts_at: datetime
    ends_at: datetime
    location: str
    trainer: str
    capacity: int | None
    free_seats: int
    cancelled: bool

    @staticmethod
    def resolve_cancelled(session) -> bool:
        return session.cancelled_at is not None


def _trainings(request):
    if not request.user.is_employee:
        raise Http404
    return trainings_visible_to(request.user)


@router.get("/", response=list[TrainingOut], url_name="trainings-list")
@paginate
def trainings_list(request):
    return _trainings(request).order_by("title", "pk")


@router.get("/{int:pk}/", response=TrainingOut, url_name="trainings-detail")
def trainings_detail(request, pk: int):
    return get_object_or_404(_trainings(request), pk=pk)


@router.get("/sessions/", response=list[SessionOut], url_name="trainings-sessions")
@paginate
def sessions_list(request, upcoming: bool = True):
    sessions = Session.objects.filter(training__in=_trainings(request))
    if upcoming:
        sessions = sessions.upcoming()
    return sessions.order_by("starts_at", "pk")
