from django.urls import path

from sharing.views import links

app_name = "sharing_links"

urlpatterns = [path("<str:code>", links.follow, name="follow")]
