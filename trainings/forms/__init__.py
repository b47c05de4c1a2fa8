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
    ReportFilterForm,
    ScanQuestionForm,
    SessionCancelForm,
    SessionForm,
    TrainingForm,
)

__all__ = [
    "AttendanceForm",
    "CatalogueFilterForm",
    "CompetencyFormSet",
    "FeedbackForm",
    "ProposalAcceptForm",
    "ProposeForm",
    "ReasonForm",
    "ReportFilterForm",
    "ScanQuestionForm",
    "SelfScanForm",
    "SessionCancelForm",
    "SessionForm",
    "TrainingForm",
    "session_label",
]
