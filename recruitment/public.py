"""What every visitor of the public vacancy pages gets alike: the JSON-LD, the feeds and the
rendered pages, cached in one family (`PUBLIC`) that any change of a vacancy, a candidate
question or a department forgets (the `cached` declaration on the app's config).

The pages are rendered without the request: no session, no user, no CSRF token (the forms to
apply and to ask a question are pages of their own).
"""

import json

import nh3
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from hrsocial.caching import CachedValue, Generation
from hrsocial.text import render_markdown
from recruitment.models import CandidateQuestion, Vacancy

PUBLIC = Generation("recruitment:public")
# Google: `description` in HTML, paragraphs and lists only.
JOB_POSTING_TAGS = {"p", "ul", "ol", "li", "br"}


def organisation() -> dict:
    return {
        "@type": "Organization",
        "name": settings.PORTAL_NAME,
        "sameAs": settings.SITE_URL,
    }


def job_posting_html(vacancy) -> str:
    html = render_markdown(vacancy.display_description) + render_markdown(
        vacancy.display_requirements or ""
    )
    return nh3.clean(str(html), tags=JOB_POSTING_TAGS, attributes={}).strip()


def job_posting(vacancy) -> dict:
    """schema.org JobPosting with Google's required properties and the recommended ones we
    have (https://developers.google.com/search/docs/appearance/structured-data/job-posting)."""
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.display_title,
        "description": job_posting_html(vacancy),
        "datePosted": vacancy.opens_on.isoformat(),
        "hiringOrganization": organisation(),
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation()["name"],
            "value": str(vacancy.pk),
        },
        "employmentType": vacancy.employment_type,
        "directApply": True,
        "url": vacancy.public_url(),
    }
    if vacancy.closes_on:
        data["validThrough"] = f"{vacancy.closes_on.isoformat()}T23:59:59+01:00"
    if vacancy.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "NL"}
    else:
        address = {
            "@type": "PostalAddress",
            "addressLocality": vacancy.location,
            "addressCountry": "NL",
        }
        if vacancy.postal_code:
            address["postalCode"] = vacancy.postal_code
        data["jobLocation"] = {"@type": "Place", "address": address}
    if vacancy.salary_min is not None and vacancy.salary_max is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": float(vacancy.salary_min),
                "maxValue": float(vacancy.salary_max),
                "unitText": "MONTH",
            },
        }
    return data


def json_ld(vacancy) -> str:
    """For a <script type="application/ld+json">: "</" cannot end the element early."""
    return json.dumps(job_posting(vacancy), ensure_ascii=False).replace("</", "<\\/")


def _open_public():
    return Vacancy.objects.open().public().select_related("department").order_by("-opens_on")


def _vacancy_page(slug: str, language: str, day):
    """(status, html) of a public vacancy's page, or None when there is none. `day` is in
    the key: a vacancy opens and closes by date, without a change to its row."""
    vacancy = Vacancy.objects.public().select_related("department").filter(slug=slug).first()
    if vacancy is None or vacancy.status == Vacancy.Status.DRAFT:
        return None
    with translation.override(language):
        if not vacancy.is_open():
            others = list(_open_public()[:10])
            html = render_to_string(
                "recruitment/public/vacancy_closed.html",
                {"vacancy": vacancy, "others": others, "LANGUAGE_CODE": language},
            )
            return 410, html
        questions = list(
            CandidateQuestion.objects.for_vacancy(vacancy).order_by("-answered_at")[:30]
        )
        html = render_to_string(
            "recruitment/public/vacancy_detail.html",
            {
                "vacancy": vacancy,
                "json_ld": json_ld(vacancy),
                "questions": questions,
                "LANGUAGE_CODE": language,
                "site_url": settings.SITE_URL,
            },
        )
    return 200, html


VACANCY_PAGE = CachedValue("recruitment:page", _vacancy_page, generation=PUBLIC)


def _vacancy_list(language: str, day) -> str:
    with translation.override(language):
        return render_to_string(
            "recruitment/public/vacancy_list.html",
            {"vacancies": list(_open_public()), "LANGUAGE_CODE": language},
        )


VACANCY_LIST = CachedValue("recruitment:list", _vacancy_list, generation=PUBLIC)


def _feed_items():
    items = []
    for vacancy in _open_public()[:100]:
        items.append(
            {
                "id": vacancy.public_url(),
                "url": vacancy.public_url(),
                "title": vacancy.display_title,
                "content_html": str(render_markdown(vacancy.display_description)),
                "summary": f"{vacancy.department.name} · {vacancy.location}",
                "date_published": timezone.make_aware(
                    timezone.datetime.combine(vacancy.opens_on, timezone.datetime.min.time())
                ),
                "date_modified": vacancy.updated_at,
            }
        )
    return items


def _feed_title() -> str:
    return _("%(organisation)s – vacancies") % {"organisation": organisation()["name"]}


def _json_feed(language: str, day) -> str:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), in the request's language (the
    English twins of the texts where HR filled them in, Dutch otherwise)."""
    with translation.override(language):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": _feed_title(),
            "home_page_url": settings.SITE_URL + reverse("recruitment-public:list"),
            "feed_url": settings.SITE_URL + reverse("recruitment-public:feed-json"),
            "language": language,
            "items": [
                {
                    **item,
                    "date_published": item["date_published"].isoformat(),
                    "date_modified": item["date_modified"].isoformat(),
                }
                for item in _feed_items()
            ],
        }
    return json.dumps(feed, ensure_ascii=False)


JSON_FEED = CachedValue("recruitment:feed-json", _json_feed, generation=PUBLIC)


def _rss_feed(language: str, day) -> str:
    with translation.override(language):
        feed = Rss201rev2Feed(
            title=_feed_title(),
            link=settings.SITE_URL + reverse("recruitment-public:list"),
            description=_("Open vacancies"),
            language=language,
            feed_url=settings.SITE_URL + reverse("recruitment-public:feed-rss"),
        )
        items = _feed_items()
    for item in items:
        feed.add_item(
            title=item["title"],
            link=item["url"],
            description=item["content_html"],
            unique_id=item["id"],
            pubdate=item["date_published"],
            updateddate=item["date_modified"],
        )
    return feed.writeString("utf-8")


RSS_FEED = CachedValue("recruitment:feed-rss", _rss_feed, generation=PUBLIC)
