"""The alumni page: the network's own gigs, and where those apps are installed, the news for
alumni and the open vacancies (through `provided(...)`: alumni imports neither app)."""

from alumni.models import Event, Gig
from hrsocial.plugins import provided


def network_overview(user) -> dict:
    news = provided("news_for_alumni")
    vacancies = provided("open_vacancies")
    return {
        "gigs": list(Gig.objects.open().order_by("-pk")[:5]),
        "events": list(Event.objects.upcoming().filter(cancelled_at__isnull=True)[:5]),
        # None: the app is not installed, and the page leaves the section out.
        "news": news(user, limit=5) if news else None,
        "vacancies": vacancies(user, limit=5) if vacancies else None,
    }
