from django.urls import path

from integrations import views

app_name = "integrations"
urlpatterns = [
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("webhooks/", views.webhook_list, name="webhooks"),
    path("webhooks/<int:pk>/", views.webhook_detail, name="webhook-detail"),
    path("webhooks/<int:pk>/active/", views.webhook_active, name="webhook-active"),
    path("webhooks/<int:pk>/delete/", views.webhook_delete, name="webhook-delete"),
    path("channels/", views.channel_list, name="channels"),
    path("channels/<int:pk>/active/", views.channel_active, name="channel-active"),
    path("channels/<int:pk>/delete/", views.channel_delete, name="channel-delete"),
]
