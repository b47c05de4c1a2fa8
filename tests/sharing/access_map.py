"""Who gets what from every sharing URL.

Curating kits and the figures are for HR and the group "Communicatie" (the HR persona here).
Sharing is for everyone in a kit's audience: the kit below is for everyone, so alumni and
freelancers share it too; a link's own page is its sharer's only (404 for everyone else). The
personal link /s/<code> is public.
"""

from tests.access import Route, everyone, hr_only, signed_in


def setup(world):
    from tests.sharing.factories import KitFactory, ShareFactory, VariantFactory

    world.sh_kit = KitFactory(audience="everyone", title="Kit voor iedereen")
    world.sh_variant = VariantFactory(kit=world.sh_kit)
    world.sh_removable = VariantFactory(kit=world.sh_kit, text="Weg ermee")
    world.sh_draft = KitFactory(status="draft", title="Concept")
    world.sh_doomed = KitFactory(title="Wordt ingetrokken")
    world.sh_share = ShareFactory(kit=world.sh_kit, sharer=world.employee)
    world.sh_gone = ShareFactory(kit=KitFactory(status="withdrawn"), sharer=world.employee)


def kit(name="sh_kit"):
    return lambda w: {"pk": getattr(w, name).pk}


def sharers(status):
    return {**signed_in(status)}


SHARE = {"channel": "linkedin", "text": "Mooi! #ikwerkbijzuiderlicht"}

ROUTES = [
    Route("sharing:index", sharers(200)),
    Route("sharing:mine", sharers(200)),
    Route("sharing:leaderboard", sharers(302), method="post", data={}),
    Route("sharing:leaderboard", sharers(405)),
    Route("sharing:kit", sharers(200), kwargs=kit()),
    Route("sharing:kit", sharers(200), kwargs=kit(), query="?channel=x&variant=abc"),
    Route("sharing:kit", sharers(404), kwargs=kit("sh_draft")),
    Route("sharing:kit-check", sharers(200), method="post", kwargs=kit(), data=SHARE),
    Route("sharing:kit-check", sharers(400), method="post", kwargs=kit(),
          data={"channel": "myspace"}),
    Route("sharing:kit-share", sharers(302), method="post", kwargs=kit(), data=SHARE),
    Route("sharing:kit-share", sharers(405), kwargs=kit()),
    Route("sharing:kit-image", sharers(404), kwargs=kit()),
    Route("sharing:share-detail", {**sharers(404), "employee": 200},
          kwargs=lambda w: {"code": w.sh_share.code}),
    Route("sharing:manage", hr_only(200)),
    Route("sharing:kit-create", hr_only(200)),
    Route("sharing:kit-create", hr_only(400), method="post", data={"title": ""}),
    Route("sharing:settings", hr_only(200)),
    Route("sharing:settings", hr_only(302), method="post",
          data={"disclosure": "#ikwerkbijzuiderlicht"}),
    Route("sharing:figures", hr_only(200)),
    Route("sharing:kit-manage", hr_only(200), kwargs=kit()),
    Route("sharing:kit-edit", hr_only(200), kwargs=kit()),
    Route("sharing:kit-publish", hr_only(302), method="post", kwargs=kit("sh_draft")),
    Route("sharing:kit-withdraw", hr_only(302), method="post", kwargs=kit("sh_doomed")),
    Route("sharing:variant-add", hr_only(400), method="post", kwargs=kit(), data={"text": ""}),
    Route("sharing:variant-delete", hr_only(302), method="post",
          kwargs=lambda w: {"pk": w.sh_kit.pk, "variant_pk": w.sh_removable.pk}),
    Route("sharing_links:follow", everyone(302), kwargs=lambda w: {"code": w.sh_share.code},
          headers={"user-agent": "Mozilla/5.0 Firefox/130.0"}),
    Route("sharing_links:follow", everyone(404), kwargs=lambda w: {"code": "onbekend123"}),
    Route("sharing_links:follow", everyone(410), kwargs=lambda w: {"code": w.sh_gone.code}),
]  # fmt: skip
