from django.urls import path

from guidelines.views import checker, hr, reader

app_name = "guidelines"
urlpatterns = [
    # Employees
    path("", reader.overview, name="index"),
    path("<int:pk>/", reader.detail, name="detail"),
    path("<int:pk>/changes/", reader.changes, name="changes"),
    path("<int:pk>/acknowledge/", reader.acknowledge, name="acknowledge"),
    path("acknowledge/", reader.acknowledge_all, name="acknowledge-all"),
    path("check/", checker.check, name="check"),
    path("api/check/", checker.api_check, name="api-check"),
    # HR
    path("manage/", hr.manage, name="manage"),
    path("manage/new/", hr.guideline_create, name="guideline-create"),
    path("manage/<int:pk>/edit/", hr.guideline_edit, name="guideline-edit"),
    path("manage/<int:pk>/publish/", hr.guideline_publish, name="guideline-publish"),
    path("manage/<int:pk>/unpublish/", hr.guideline_unpublish, name="guideline-unpublish"),
    path("manage/acknowledgements/", hr.report, name="report"),
    path("manage/acknowledgements/export/", hr.export, name="export"),
    path("manage/rules/", hr.rules, name="rules"),
    path("manage/rules/restore/", hr.rules_restore, name="rules-restore"),
    path("manage/rules/<slug:kind>/", hr.rule_edit, name="rule-edit"),
    path("manage/rules/<slug:kind>/terms/", hr.terms_add, name="terms-add"),
    path("manage/terms/<int:pk>/delete/", hr.term_delete, name="term-delete"),
]
