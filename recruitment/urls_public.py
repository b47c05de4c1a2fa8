from django.urls import path

from recruitment.views import public

app_name = "recruitment-public"

urlpatterns = [
    path("", public.vacancy_list, name="list"),
    path("feed.rss", public.feed_rss, name="feed-rss"),
    path("feed.json", public.feed_json, name="feed-json"),
    path("sitemap.xml", public.sitemap, name="sitemap"),
    path("sollicitatie/<str:token>/", public.status, name="status"),
    path("sollicitatie/<str:token>/intrekken/", public.withdraw, name="withdraw"),
    path("nooit-meer/<str:token>/", public.never_again, name="never-again"),
    path("<slug:slug>/", public.vacancy_detail, name="vacancy"),
    path("<slug:slug>/solliciteren/", public.apply, name="apply"),
    path("<slug:slug>/vraag/", public.ask, name="ask"),
]
