from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrsocial.plugins import beat_schedule
from notifications import services
from notifications.categories import Delivery
from notifications.models import Notification, PeriodicTaskRun
from people.permissions import hr_required

PAGE_SIZE = 25


def _get_own_notification(request, pk) -> Notification:
    """Only the recipient can open or mark a notification; anyone else gets a 404."""
    return get_object_or_404(Notification.objects.for_user(request.user), pk=pk)


def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    show_unread = request.GET.get("show") == "unread"
    if show_unread:
        notifications = notifications.unread()
    page = Paginator(notifications.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/notification_list.html",
        {"page": page, "show_unread": show_unread},
    )


@require_POST
def notification_open(request, pk):
    """Mark read and go where the notification points."""
    notification = _get_own_notification(request, pk)
    services.notification_mark_read(notification=notification)
    return redirect(notification.url or "notifications:list")


@require_POST
def notification_read(request, pk):
    notification = _get_own_notification(request, pk)
    services.notification_mark_read(notification=notification)
    if request.htmx:
        return render(
            request,
            "notifications/partials/notification_item.html",
            {
                "notification": notification,
                "unread_notifications": services.unread_count(request.user),
            },
        )
    return redirect("notifications:list")


@require_POST
def notification_read_all(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


def preferences(request):
    if request.method == "POST":
        choices = {
            key.removeprefix("category-"): value
            for key, value in request.POST.items()
            if key.startswith("category-")
        }
        services.preferences_save(user=request.user, choices=choices)
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"groups": services.preferences_for(request.user), "deliveries": Delivery.choices},
    )


@hr_required
def scheduled_tasks(request):
    """For HR: the last run of each periodic task, and the e-mails that failed for good."""
    runs = {run.task: run for run in PeriodicTaskRun.objects.all()}
    rows = [
        {"name": name, "run": runs.get(entry["task"])} for name, entry in beat_schedule().items()
    ]
    failed = (
        Notification.objects.filter(email_status=Notification.EmailStatus.FAILED)
        .select_related("recipient")
        .order_by("-created_at")[:50]
    )
    return render(
        request,
        "notifications/scheduled_tasks.html",
        {
            "rows": rows,
            "failed": failed,
            "stale": services.schedule_is_stale(services.SCHEDULE_STATE.get()),
        },
    )
