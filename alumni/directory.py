"""The member directory and HR's gig matching over many members (issue 17: 20,000 members at
fixed query counts, at least 20 % of the signed-in floor).

The rows of a page are always read live, with every privacy rule as a condition of the query
(ProfileQuerySet.directory_search, alumni.services.gig_matches). What is cached is what
costs a pass over every member and changes only when members change: the skills a search
matches and the number of members it finds (the paginator's total), and the order of a gig's
best matches. Both belong to the
`NETWORK` generation, which any change to a profile, its skills, a membership, a skill or a
person's name, kind or active flag moves on (alumni/apps.py), as does the daily sweep.
"""

import hashlib
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from alumni.models import Profile, Skill
from hrsocial.caching import CachedValue, Generation

PAGE_SIZE = 25

NETWORK = Generation("alumni:network")

# A person's saves that cannot change who is listed or where: the sign-in stamp above all (a
# member signing in must not make the next directory page count everyone again).
_PERSON_FIELDS = {"full_name", "kind", "is_active"}


def forget_on_person_saved(sender, instance, created=False, update_fields=None, **kwargs):
    """people.User post_save: a rename, a new kind (a boomerang hired again) or a closed
    account changes the directory and the matches. A new employee (the HRIS import, SCIM)
    changes neither: a member has a profile, which comes later."""
    if update_fields is not None and not _PERSON_FIELDS & set(update_fields):
        return
    if created and instance.kind not in ("alumnus", "freelancer"):
        return
    NETWORK.forget()


def _digest(text: str) -> str:
    """The search text in a cache key: any characters and length, one short safe token."""
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest() if text else ""


def _search(for_hr: bool, skill: str, available_on) -> dict:
    skill_ids = Skill.objects.matching(skill) if skill else None
    rows = Profile.objects.directory_search(
        for_hr=for_hr, skill_ids=skill_ids, available_on=available_on
    )
    return {"skill_ids": skill_ids, "count": rows.count()}


# A directory search's matching skills and its total (for the paginator): counting 20,000
# members took 13 ms (the skill search 80 ms) a request. Per viewer group (HR searches more
# fields than members), search text and day (availability is "on that day"); ten minutes at
# most in case a change came through a bulk update that sends no signal. Stale figures only
# misnumber the pages: the members themselves are read live.
DIRECTORY_SEARCH = CachedValue(
    "alumni:directory-search", _search, generation=NETWORK, timeout=600,
    key_parts=lambda for_hr, skill, day: [int(for_hr), _digest(skill), day or ""],
)  # fmt: skip


@dataclass(frozen=True)
class Card:
    """A member on a directory page, with only what the viewer may see of them."""

    name: str
    url: str
    role: str = ""
    organisation: str = ""
    skills: tuple[str, ...] = ()


# What a card reads of a member: the rest of the profile stays in the database.
CARD_FIELDS = ("user_id", "user__full_name", "visibility", "current_role", "current_organisation")


def directory_page(*, viewer, skill: str = "", available_on=None, number=None) -> Page:
    """One page of the directory as `viewer` may search it: 25 members in name order, as
    `Card`s (page.object_list). Two queries whatever the number of members: the members and
    their skills (with the search's figures cached; two more when not)."""
    for_hr = bool(viewer.is_hr)
    search = DIRECTORY_SEARCH.get(for_hr, skill, available_on)
    rows = Profile.objects.directory_search(
        for_hr=for_hr, skill_ids=search["skill_ids"], available_on=available_on
    )
    paginator = Paginator(rows.prefetch_related(None).only(*CARD_FIELDS), PAGE_SIZE)
    paginator.count = search["count"]
    page = paginator.get_page(number)
    page.object_list = _cards(list(page.object_list), viewer)
    return page


# A pk no profile has: the profile URL is reversed once per page and each pk put in (reversing
# it per card was a tenth of the page's time).
_PK_PLACEHOLDER = 9081726354


def _cards(profiles, viewer) -> list[Card]:
    links = Profile.skills.through.objects.filter(profile_id__in=[p.pk for p in profiles])
    skills = {}
    for profile_id, name in links.order_by("skill__name").values_list("profile_id", "skill__name"):
        skills.setdefault(profile_id, []).append(name)
    url = reverse("alumni:profile-detail", args=[_PK_PLACEHOLDER])
    cards = []
    for profile in profiles:
        shown = profile.shown_to(viewer)
        role = profile.current_role if "current_role" in shown else ""
        cards.append(
            Card(
                name=profile.user.full_name,
                url=url.replace(str(_PK_PLACEHOLDER), str(profile.pk)),
                role=role,
                # The organisation is shown with the role, as "role, organisation".
                organisation=profile.current_organisation
                if role and "current_organisation" in shown
                else "",
                skills=tuple(skills.get(profile.pk, ())) if "skills" in shown else (),
            )
        )
    return cards


@dataclass(frozen=True)
class Match:
    """A member on HR's list of matches for a gig (alumni.services.gig_matches)."""

    name: str
    url: str
    matching: int
    label: str


def match_rows(matches) -> list[Match]:
    """The gig page's matches: the profile URL reversed and each count's words translated
    once, not per member."""
    url = reverse("alumni:profile-detail", args=[_PK_PLACEHOLDER])
    labels = {}
    rows = []
    for profile in matches:
        if profile.matching not in labels:
            labels[profile.matching] = ngettext(
                "%(count)s matching skill", "%(count)s matching skills", profile.matching
            ) % {"count": profile.matching}
        rows.append(
            Match(
                name=profile.user.full_name,
                url=url.replace(str(_PK_PLACEHOLDER), str(profile.pk)),
                matching=profile.matching,
                label=labels[profile.matching],
            )
        )
    return rows


def _match_ranking(skill_ids: tuple[int, ...], day, limit: int) -> list[tuple[int, int]]:
    """(profile id, matching skills) of the members who may be matched on `day`, best first."""
    rows = (
        Profile.objects.matchable_on(day)
        .filter(skills__in=skill_ids)
        .annotate(matching=Count("skills", distinct=True))
        .order_by("-matching", "user__full_name", "pk")
    )
    return [tuple(row) for row in rows.values_list("pk", "matching")[:limit]]


# A gig's best matches: grouping and ordering every member with one of the skills took 20-25 ms
# over 20,000 members. Keyed by what decides them (the skills and the start day), not by the
# gig, so editing a gig needs no forgetting.
MATCH_RANKING = CachedValue(
    "alumni:match-ranking", _match_ranking, generation=NETWORK,
    key_parts=lambda skill_ids, day, limit: [",".join(map(str, skill_ids)), day, limit],
)  # fmt: skip
