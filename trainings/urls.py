from django.urls import path

from trainings.views import calendar, catalogue, enrolments, hr, managers, scan

app_name = "trainings"
urlpatterns = [
    # The catalogue and one's own trainings.
    path("", catalogue.training_list, name="index"),
    path("<int:pk>/", catalogue.training_detail, name="training-detail"),
    path("<int:pk>/done/", enrolments.elearning_done, name="elearning-done"),
    path("<int:pk>/feedback/", enrolments.elearning_feedback, name="elearning-feedback"),
    path("sessions/<int:pk>/enrol/", enrolments.session_enrol, name="session-enrol"),
    path("mine/", enrolments.my_trainings, name="mine"),
    path("enrolments/<int:pk>/", enrolments.enrolment_detail, name="enrolment-detail"),
    path("enrolments/<int:pk>/cancel/", enrolments.enrolment_cancel, name="enrolment-cancel"),
    path("enrolments/<int:pk>/claim/", enrolments.enrolment_claim, name="enrolment-claim"),
    path("enrolments/<int:pk>/calendar.ics", enrolments.enrolment_ics, name="enrolment-ics"),
    path("enrolments/<int:pk>/feedback/", enrolments.enrolment_feedback, name="enrolment-feedback"),
    # Managers: decisions on paid trainings, proposals to their team.
    path("enrolments/<int:pk>/approve/", managers.enrolment_approve, name="enrolment-approve"),
    path("enrolments/<int:pk>/decline/", managers.enrolment_decline, name="enrolment-decline"),
    path("propose/", managers.propose, name="propose"),
    path("proposals/<int:pk>/", managers.proposal_detail, name="proposal-detail"),
    path("proposals/<int:pk>/accept/", managers.proposal_accept, name="proposal-accept"),
    path("proposals/<int:pk>/decline/", managers.proposal_decline, name="proposal-decline"),
    # The self-scan.
    path("self-scan/", scan.scan, name="scan"),
    path("self-scan/result/", scan.scan_result, name="scan-result"),
    # The personal calendar feed (secret address, no sign-in) and its management.
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar-feed"),
    path("calendar/renew/", calendar.calendar_renew, name="calendar-renew"),
    path("calendar/revoke/", calendar.calendar_revoke, name="calendar-revoke"),
    # HR.
    path("hr/sessions/", hr.session_list, name="hr-sessions"),
    path("hr/sessions.csv", hr.session_list_csv, name="hr-sessions-csv"),
    path("hr/sessions/<int:pk>/", hr.session_attendance, name="hr-session-attendance"),
    path("hr/sessions/<int:pk>/edit/", hr.session_edit, name="hr-session-edit"),
    path("hr/sessions/<int:pk>/cancel/", hr.session_cancel, name="hr-session-cancel"),
    path("hr/enrolments/<int:pk>/", hr.enrolment_manage, name="hr-enrolment"),
    path("hr/enrolments/<int:pk>/cancel/", hr.seat_cancel, name="hr-seat-cancel"),
    path("hr/enrolments/<int:pk>/move/", hr.enrolment_move, name="hr-enrolment-move"),
    path("hr/trainings/new/", hr.training_create, name="hr-training-create"),
    path("hr/trainings/<int:pk>/edit/", hr.training_edit, name="hr-training-edit"),
    path("hr/trainings/<int:pk>/sessions/new/", hr.session_create, name="hr-session-create"),
    path("hr/trainings/<int:pk>/feedback/", hr.training_feedback, name="hr-training-feedback"),
    path("hr/report/", hr.report, name="hr-report"),
    path("hr/report.csv", hr.report_csv, name="hr-report-csv"),
    path("hr/self-scan/", hr.question_list, name="hr-questions"),
    path("hr/self-scan/new/", hr.question_create, name="hr-question-create"),
    path("hr/self-scan/<int:pk>/edit/", hr.question_edit, name="hr-question-edit"),
]
