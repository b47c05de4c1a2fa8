"""The contract between `sharing/` (share kits, personal tracked links, visit attribution) and the
apps whose records employees share (news posts, vacancies, alumni events).

Neither side imports the other. An app that has something to share declares it on its config:

    shareables = [Shareable(key="recruitment.vacancy", model="recruitment.Vacancy",
                            describe="recruitment.sharing.describe_vacancy")]

`describe(obj) -> ShareContent` says what a share of that record looks like; `sharing` builds
its share kit for the record from it (HR then adds caption variants and a disclosure there).

The other direction goes through `hrsocial.plugins.provided(name)`, which is None when
`sharing` is not installed (then the sharing parts of a page are simply left out):

- `provided("share_kit_url")(obj) -> str | None`: the share page of the record's kit (created
  from `describe` on first use), or None when the record cannot be shared (not available).
- `provided("share_attribution")(request) -> Attribution | None`: which personal link brought
  this visitor here (the last one followed within 30 days, from sharing's first-party cookie).
- `provided("share_figures")(obj) -> ShareFigures`: shares and counted clicks of the record's
  kit per channel (for the owner's own figures, e.g. clicks → applications per channel).
"""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Shareable:
    key: str  # "<app>.<kind>"
    model: str  # "<app>.<Model>"
    describe: str  # dotted path of `def describe(obj) -> ShareContent`


@dataclass(frozen=True)
class ShareContent:
    title: str  # Dutch
    summary: str
    # The absolute URL of the public (or sign-in) landing page the personal link redirects to;
    # it carries Open Graph tags so a shared link renders with its title, text and image.
    url: str
    image_url: str = ""
    # Who may share it: "everyone" (employees, alumni and freelancers), "employees", or the
    # employees of `departments` (their pks).
    audience: str = "employees"
    departments: tuple[int, ...] = ()
    starts_at: datetime | None = None
    ends_at: datetime | None = None  # after this the links lead to a "no longer available" page
    available: bool = True  # False: withdrawn, closed, filled
    campaign: str = ""
    # The English twins (hrsocial.i18n), shown to English readers when not empty.
    title_en: str = ""
    summary_en: str = ""


@dataclass(frozen=True)
class Attribution:
    code: str  # the personal link's code (/s/<code>)
    sharer_id: int  # the user who shared it
    channel: str  # "linkedin", "x", "facebook", "whatsapp", "email"
    shareable_key: str  # "" for a kit that is an external URL
    object_id: int | None
    followed_at: datetime


@dataclass(frozen=True)
class ShareFigures:
    shares: dict[str, int] = field(default_factory=dict)  # per channel
    clicks: dict[str, int] = field(default_factory=dict)  # per channel, counted clicks only
