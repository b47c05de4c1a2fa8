"""The technical administration. HR and the comms group curate kits in the portal's own pages
(where the rules live: the image check, publishing with its notification); here campaigns
can be edited and kits, links and counts only read, so nobody changes a counted click."""

from django.contrib import admin

from hrsocial.admin import ReadOnlyAdminMixin
from sharing.models import Campaign, DailyFigure, Share, ShareKit


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(ShareKit)
class ShareKitAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "status", "audience", "starts_at", "ends_at", "campaign"]
    list_filter = ["status", "audience", "campaign"]
    search_fields = ["title"]


@admin.register(Share)
class ShareAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["code", "kit", "channel", "created_at"]
    list_filter = ["channel"]
    list_select_related = ["kit"]


@admin.register(DailyFigure)
class DailyFigureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["day", "kit", "channel", "clicks"]
    list_select_related = ["kit"]
