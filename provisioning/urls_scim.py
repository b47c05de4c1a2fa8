from django.urls import path

from provisioning import views_scim

app_name = "scim"
urlpatterns = [
    path("Users", views_scim.users, name="users"),
    path("Users/<str:pk>", views_scim.user, name="user"),
    path("ServiceProviderConfig", views_scim.service_provider_config, name="config"),
    path("ResourceTypes", views_scim.resource_types, name="resource-types"),
    path("Schemas", views_scim.schemas, name="schemas"),
]
