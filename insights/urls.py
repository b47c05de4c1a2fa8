from django.urls import path

from insights import views

app_name = "insights"
urlpatterns = [
    path("", views.dashboard, name="index"),
    path("export/", views.export, name="export"),
    path("report/", views.report, name="report"),
    path("initiatives/", views.initiative_list, name="initiatives"),
    path("initiatives/new/", views.initiative_create, name="initiative-create"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="initiative-detail"),
    path("initiatives/<int:pk>/result/", views.initiative_result, name="initiative-result"),
    path("initiatives/<int:pk>/evidence/", views.initiative_evidence, name="initiative-evidence"),
    path("shares/", views.share_list, name="shares"),
    path("shares/new/", views.share_create, name="share-create"),
    path("shares/<int:pk>/revoke/", views.share_revoke, name="share-revoke"),
    path("shared/<str:token>/", views.shared_dashboard, name="shared"),
]
