from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from hrsocial import home as home_panels
from hrsocial.readiness import readiness
from hrsocial.search import clean_query, search_everything


def home(request):
    """Mijn overzicht: what needs this person's attention, gathered from every app."""
    return render(request, "home.html", {"panels": home_panels.panels_for(request)})


def global_search(request):
    query = clean_query(request.GET.get("q"))
    groups = search_everything(request.user, query)
    return render(
        request,
        "search.html",
        {"query": query, "groups": groups, "total": sum(len(g["hits"]) for g in groups)},
    )


@login_not_required
@never_cache
def health(request):
    """For load balancers and monitoring; also the trivial view the benchmarks compare with."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@never_cache
def ready(request):
    """For the load balancer (503: take this process out) and monitoring (hrsocial.readiness)."""
    is_ready, report = readiness()
    return JsonResponse(report, status=200 if is_ready else 503)
