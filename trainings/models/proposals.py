"""A manager's proposal: "this training would help you" ("voorstel")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trainings.models.catalogue import Training


class ProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Proposal.Status.OPEN)

    def for_employee(self, person):
        return self.filter(employee=person)


class Proposal(models.Model):
    """A manager suggests a training to a direct report, often from a competency gap.

    The employee decides: they enrol (in a session, or start the e-learning) or decline with
    a reason; the manager hears the outcome either way. A proposal is the manager's approval
    too: enrolling through it needs no second approval for a paid training.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Enrolled")
        DECLINED = "declined", _("Declined")

    training = models.ForeignKey(
        Training, verbose_name=_("training"), on_delete=models.CASCADE, related_name="proposals"
    )
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="training_proposals",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="training_proposals_made",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    decline_reason = models.CharField(_("reason"), max_length=500, blank=True)
    enrolment = models.ForeignKey(
        "trainings.Enrolment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("training proposal")
        verbose_name_plural = _("training proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "employee"],
                condition=Q(status="open"),
                name="trainings_proposal_one_open",
                violation_error_message=_("This training has already been proposed."),
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="trainings_proposal_decline_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.training} → {self.employee}"

    def get_absolute_url(self):
        return reverse("trainings:proposal-detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
