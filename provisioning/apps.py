from django.utils.translation import gettext_lazy as _

from hrsocial.navigation import NavItem
from hrsocial.plugins import PortalAppConfig


def _hr_leads(user) -> bool:
    from provisioning.permissions import can_manage_connections

    return can_manage_connections(user)


class ProvisioningConfig(PortalAppConfig):
    """People kept in step with the identity provider (Entra ID, Okta) through SCIM 2.0."""

    name = "provisioning"
    verbose_name = _("Provisioning")
    urls = {"provisioning/": "provisioning.urls", "scim/v2/": "provisioning.urls_scim"}
    navigation = [
        NavItem(
            "provisioning", _("Provisioning (SCIM)"), "provisioning:connections",
            visible=_hr_leads, order=92, section="hr",
        )
    ]  # fmt: skip
