from django.urls import path

from provisioning import views

app_name = "provisioning"
urlpatterns = [
    path("", views.connections, name="connections"),
    path("<int:pk>/revoke/", views.connection_revoke, name="connection-revoke"),
]
