from trainings.forms.employee import (
    CatalogueFilterForm,
    FeedbackForm,
    ProposalAcceptForm,
    ProposeForm,
    ReasonForm,
    SelfScanForm,
    session_label,
)
from trainings.forms.hr import (
    AttendanceForm,
    CompetencyFormSet,
    EnrolmentMoveForm,
    ReportFilterForm,
    ScanQuestionForm,
    SeatCancelForm,
    SessionCancelForm,
    SessionForm,
    TrainingForm,
)

__all__ = [
    "AttendanceForm",
    "CatalogueFilterForm",
    "CompetencyFormSet",
    "EnrolmentMoveForm",
    "FeedbackForm",
    "ProposalAcceptForm",
    "ProposeForm",
    "ReasonForm",
    "ReportFilterForm",
    "ScanQuestionForm",
    "SeatCancelForm",
    "SelfScanForm",
    "SessionCancelForm",
    "SessionForm",
    "TrainingForm",
    "session_label",
]
