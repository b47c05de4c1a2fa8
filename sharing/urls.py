from django.urls import path

from sharing.views import manage, share

app_name = "sharing"

urlpatterns = [
    path("", share.index, name="index"),
    path("mine/", share.mine, name="mine"),
    path("mine/leaderboard/", share.leaderboard_choice, name="leaderboard"),
    path("kits/<int:pk>/", share.kit_share_page, name="kit"),
    path("kits/<int:pk>/check/", share.kit_check, name="kit-check"),
    path("kits/<int:pk>/share/", share.kit_share, name="kit-share"),
    path("kits/<int:pk>/image/", share.kit_image, name="kit-image"),
    path("links/<str:code>/", share.share_detail, name="share-detail"),
    path("manage/", manage.manage, name="manage"),
    path("manage/new/", manage.kit_create, name="kit-create"),
    path("manage/settings/", manage.settings_edit, name="settings"),
    path("manage/figures/", manage.figures_page, name="figures"),
    path("manage/<int:pk>/", manage.kit_manage, name="kit-manage"),
    path("manage/<int:pk>/edit/", manage.kit_edit, name="kit-edit"),
    path("manage/<int:pk>/publish/", manage.kit_publish, name="kit-publish"),
    path("manage/<int:pk>/withdraw/", manage.kit_withdraw, name="kit-withdraw"),
    path("manage/<int:pk>/variants/", manage.variant_add, name="variant-add"),
    path("manage/<int:pk>/variants/<int:variant_pk>/delete/", manage.variant_delete,
         name="variant-delete"),
]  # fmt: skip
