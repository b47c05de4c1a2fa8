from django.urls import path

from recruitment.views import staff

app_name = "recruitment"

urlpatterns = [
    path("", staff.index, name="index"),
    path("vacancies/<int:pk>/", staff.vacancy_detail, name="vacancy"),
    path("vacancies/<int:pk>/apply/", staff.vacancy_apply, name="vacancy-apply"),
    path("vacancies/<int:pk>/refer/", staff.vacancy_refer, name="vacancy-refer"),
    path("referrals/", staff.my_referrals, name="referrals"),
    path("referrals/preference/", staff.referrer_preference, name="referrer-preference"),
    path("hr/", staff.hr_vacancies, name="hr-vacancies"),
    path("hr/vacancies/new/", staff.hr_vacancy_edit, name="hr-vacancy-new"),
    path("hr/vacancies/<int:pk>/edit/", staff.hr_vacancy_edit, name="hr-vacancy-edit"),
    path("hr/vacancies/<int:pk>/", staff.hr_pipeline, name="hr-pipeline"),
    path("hr/applications/<int:pk>/", staff.hr_application, name="hr-application"),
    path("hr/applications/<int:pk>/stage/", staff.hr_application_stage,
         name="hr-application-stage"),
    path("hr/applications/<int:pk>/note/", staff.hr_application_note, name="hr-application-note"),
    path("hr/applications/<int:pk>/screened/", staff.hr_application_screened,
         name="hr-application-screened"),
    path("hr/applications/<int:pk>/bonus-paid/", staff.hr_application_bonus_paid,
         name="hr-application-bonus-paid"),
    path("hr/applications/<int:pk>/email/<str:kind>/", staff.hr_application_email,
         name="hr-application-email"),
    path("hr/applications/<int:pk>/cv/", staff.hr_application_cv, name="hr-application-cv"),
    path("hr/questions/", staff.hr_questions, name="hr-questions"),
    path("hr/questions/<int:pk>/", staff.hr_question, name="hr-question"),
    path("hr/figures/", staff.hr_figures, name="hr-figures"),
]  # fmt: skip
