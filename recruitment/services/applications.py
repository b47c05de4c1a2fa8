"""Applying, moving through the pipeline, withdrawing and the retention rules (NVP
sollicitatiecode: four weeks after the procedure, one year with the candidate's consent)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hrsocial import audit
from hrsocial.plugins import provided
from integrations import webhooks
from notifications.services import notify
from people.models import User
from recruitment.models import (
    LONG_RETENTION,
    REFERRAL_WINDOW,
    SHORT_RETENTION,
    Application,
    ApplicationNote,
    CandidateMessage,
    CandidateQuestion,
    Referral,
    StageChange,
    Vacancy,
)
from recruitment.services import referrals
from recruitment.services.mail import message_queue

# The same application (vacancy and address) twice within this time is one application.
DUPLICATE_WINDOW = timedelta(minutes=1)
CHANNELS = {choice.value for choice in Application.Channel}


def application_submit(
    *, vacancy: Vacancy, name: str, email: str, phone: str = "", motivation: str = "",
    cv=None, cv_name: str = "", long_retention: bool = False, language: str = "nl",
    attribution=None, applicant: User | None = None, tell_manager: bool = False,
) -> tuple[Application, bool]:  # fmt: skip
    """(the application, whether it is new). A second submit of the same address to the same
    vacancy within a minute returns the first (a double click, a resent form).

    `attribution` (hrsocial.shareables.Attribution from sharing, or None) and an earlier
    direct referral decide the referrer: the first referral of the address within six
    months wins."""
    if not vacancy.is_open():
        raise ValidationError(_("This vacancy is closed: applications are no longer possible."))
    if applicant is None and not vacancy.is_public:
        raise ValidationError(_("This vacancy is open to employees only."))
    now = timezone.now()
    with transaction.atomic():
        Vacancy.objects.select_for_update().filter(pk=vacancy.pk).first()
        earlier = (
            Application.objects.filter(
                vacancy=vacancy, email__iexact=email, created_at__gte=now - DUPLICATE_WINDOW
            )
            .order_by("created_at")
            .first()
        )
        if earlier is not None:
            return earlier, False
        application = Application(
            vacancy=vacancy, name=name, email=email, phone=phone, motivation=motivation,
            long_retention=long_retention, language=language, applicant=applicant,
            tell_manager=tell_manager, created_at=now, stage_changed_at=now,
            channel=Application.Channel.INTERNAL if applicant else Application.Channel.DIRECT,
        )  # fmt: skip
        if cv is not None:
            application.cv.save(cv_name or "cv.pdf", cv, save=False)
            application.cv_name = cv_name
        try:
            referral = referrals.referral_for_application(
                vacancy=vacancy, email=email, attribution=attribution, at=now
            )
            if referral is not None:
                application.referrer_id = referral.referrer_id
                if referral.kind == referral.Kind.LINK and attribution is not None:
                    channel = attribution.channel
                    application.channel = channel if channel in CHANNELS else "direct"
                    application.referral_code = attribution.code[:40]
                elif not applicant:
                    application.channel = Application.Channel.REFERRAL
            application.save()
            StageChange.objects.create(application=application, stage=application.stage, at=now)
            if referral is not None:
                referral.application = application
                referral.save(update_fields=["application"])
            message_queue(
                key=f"application:{application.pk}:confirmation",
                template="emails/recruitment_confirmation",
                recipient=application,
                context={"application": application, "vacancy": vacancy},
                application=application,
            )
            if applicant and tell_manager and applicant.manager_id:
                notify(
                    [applicant.manager], "recruitment.referral",
                    title=gettext_lazy("A report of yours applied for an internal vacancy"),
                    url=vacancy.get_absolute_url(),
                )  # fmt: skip
            notify(
                User.objects.hr_staff(), "recruitment.hr",
                title=gettext_lazy("A new application"),
                url=f"/recruitment/hr/applications/{application.pk}/",
            )  # fmt: skip
            # Nothing about the candidate leaves the portal: the vacancy, the channel, a link.
            webhooks.publish("recruitment.application_received", _webhook_payload(application))
        except BaseException:
            if application.cv:
                application.cv.storage.delete(application.cv.name)
            raise
    return application, True


def application_move(*, application: Application, stage: str, by: User) -> Application:
    """Move to another stage; a hire through a referral makes the bonus due."""
    if stage not in Application.Stage.values or stage == Application.Stage.WITHDRAWN:
        raise ValidationError(_("Choose one of the stages."))
    if application.is_shredded:
        raise ValidationError(_("This application's data has been deleted."))
    now = timezone.now()
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.stage == stage:
            return application
        application.stage = stage
        application.stage_changed_at = now
        if stage in Application.ENDED:
            application_end(application=application, at=now)
        else:
            application.ended_at = None
            application.delete_after = None
        if stage == Application.Stage.HIRED and application.referrer_id:
            application.bonus_amount = application.vacancy.referral_bonus
            application.bonus_due_at = now if application.vacancy.referral_bonus else None
        application.save()
        StageChange.objects.create(application=application, stage=stage, at=now)
        audit.record(actor=by, action="recruitment.stage", target=application, stage=stage)
        if application.referrer_id:
            referrer = application.referrer
            if stage == Application.Stage.HIRED and application.bonus_due_at:
                title = gettext_lazy(
                    "Someone you referred was hired: your referral bonus is due. Thank you!"
                )
            else:
                title = gettext_lazy("The status of someone you referred has changed")
            notify([referrer], "recruitment.referral", title=title, url="/recruitment/referrals/")
            if stage == Application.Stage.HIRED:
                webhooks.publish("recruitment.referral_hired", _webhook_payload(application))
    return application


def _webhook_payload(application: Application) -> dict:
    """What an integration hears of an application: never the candidate or the referrer."""
    return {
        "vacancy": application.vacancy_id,
        "title": application.vacancy.title,
        "channel": application.channel,
        "url": f"{settings.SITE_URL}/recruitment/hr/applications/{application.pk}/",
    }


def application_end(*, application: Application, at) -> None:
    """The procedure ended: the personal data goes four weeks (or a year) later."""
    application.ended_at = at
    application.delete_after = at + (
        LONG_RETENTION if application.long_retention else SHORT_RETENTION
    )


def application_note(*, application: Application, author: User, body: str) -> ApplicationNote:
    if not body.strip():
        raise ValidationError(_("Write a note first."))
    return ApplicationNote.objects.create(application=application, author=author, body=body)


def application_screened(*, application: Application, by: User) -> None:
    """HR records that the candidate's public social-media profiles were looked at."""
    application.social_screened_at = timezone.now()
    application.save(update_fields=["social_screened_at"])
    audit.record(actor=by, action="recruitment.social_screening", target=application)


def application_withdraw(*, application: Application) -> None:
    """The candidate withdraws on the status page: the data is deleted at once."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.is_shredded:
            return
        now = timezone.now()
        if not application.is_ended:
            application.stage = Application.Stage.WITHDRAWN
            application.stage_changed_at = now
            StageChange.objects.create(application=application, stage=application.stage, at=now)
            application.ended_at = now
        application.delete_after = now
        application.save()
        application_shred(application=application)


def application_shred(*, application: Application) -> None:
    """Blank the personal fields and delete the CV (after the commit); the stage, channel
    and dates stay for the anonymous figures."""
    cv_name = application.cv.name if application.cv else ""
    storage = application.cv.storage
    for field in ("name", "email", "phone", "motivation", "cv_name", "referral_code"):
        setattr(application, field, "")
    application.cv = ""
    application.shredded_at = timezone.now()
    application.save()
    application.notes.all().delete()
    CandidateMessage.objects.filter(application=application).update(
        to="", subject="", body="", html=""
    )
    application.referrals.update(name="", email="", note="")
    if cv_name:
        transaction.on_commit(lambda: storage.delete(cv_name), robust=True)


def applications_shred_expired(*, now=None) -> int:
    """The beat task's work: every application past its retention date."""
    now = now or timezone.now()
    done = 0
    ids = Application.objects.filter(shredded_at__isnull=True, delete_after__lte=now).values_list(
        "pk", flat=True
    )
    for pk in list(ids[:1000]):
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=pk)
            if application.shredded_at is None:
                application_shred(application=application)
                done += 1
    # A referred person who never applied: after the six months only the hash stays.
    Referral.objects.filter(created_at__lt=now - REFERRAL_WINDOW).exclude(email="").update(
        name="", email="", note=""
    )
    CandidateMessage.objects.filter(
        application__isnull=True, created_at__lt=now - REFERRAL_WINDOW
    ).exclude(to="").update(to="", subject="", body="", html="")
    # An asker's address is kept only to send the answer (and four weeks after it).
    CandidateQuestion.objects.filter(answered_at__lt=now - SHORT_RETENTION).exclude(
        email=""
    ).update(email="", name="")
    return done


def status_email_send(*, application: Application, kind: str, by: User) -> bool:
    """A templated status e-mail (previewed by HR first); once per application and kind."""
    if kind not in STATUS_EMAILS or application.is_shredded:
        raise ValidationError(_("Choose one of the e-mails."))
    message = message_queue(
        key=f"application:{application.pk}:status:{kind}",
        template=f"emails/recruitment_status_{kind}",
        recipient=application,
        context={"application": application, "vacancy": application.vacancy},
        application=application,
    )
    audit.record(actor=by, action="recruitment.status_email", target=application, kind=kind)
    return message is not None


def status_email_preview(*, application: Application, kind: str):
    from hrsocial.emails import build_templated_email

    return build_templated_email(
        template=f"emails/recruitment_status_{kind}",
        recipient=application,
        context={"application": application, "vacancy": application.vacancy},
    )


STATUS_EMAILS = {
    "interview": gettext_lazy("Invitation to an interview"),
    "rejected": gettext_lazy("Not this time"),
    "received": gettext_lazy("We are looking at your application"),
}


def share_attribution(request):
    """The referral link that brought this visitor (sharing), or None without sharing."""
    attribution = provided("share_attribution")
    return attribution(request) if attribution else None


def bonus_mark_paid(*, application: Application, by: User) -> None:
    if application.bonus_due_at is None:
        raise ValidationError(_("No referral bonus is due for this application."))
    if application.bonus_paid_at:
        return
    application.bonus_paid_at = timezone.now()
    application.save(update_fields=["bonus_paid_at"])
    audit.record(actor=by, action="recruitment.bonus_paid", target=application)
    if application.referrer_id:
        notify(
            [application.referrer], "recruitment.referral",
            title=gettext_lazy("Your referral bonus has been paid"),
            url="/recruitment/referrals/",
        )  # fmt: skip
