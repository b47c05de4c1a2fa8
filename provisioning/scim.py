"""SCIM 2.0 (RFC 7643/7644) as Entra ID and Okta speak it: reading their User resources and
PATCH operations into one flat *state* of a person, and writing a person back as a resource.

Why our own small endpoints and not django-scim2: django-scim2 maps SCIM onto a model through
adapter classes that save the model themselves, with a full filter grammar and Groups. Here
every write has to go through people.services (person_apply, person_manager_apply,
employment_sync: the rules and the audit trail of the HRIS import), only Users are provisioned
and Entra ID and Okta only ever filter on `userName eq` (and `externalId eq`); a few hundred
lines of our own keep one path for every change, with a fixed number of queries and nothing
but the standard library, instead of adapters that fight the library's own save.
"""

import re

from django.utils.translation import gettext as _

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
# Our own extension for the employment dates (an attribute mapping in Entra ID / Okta).
EMPLOYMENT = "urn:ietf:params:scim:schemas:extension:hrsocial:2.0:User"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"

# What the state of a person holds (flat names; the SCIM attribute in the comment).
STATE_KEYS = (
    "userName", "externalId", "active", "displayName", "givenName", "familyName", "email",
    "title", "department", "employeeNumber", "manager", "preferredLanguage", "startDate",
    "endDate",
)  # fmt: skip


class ScimError(Exception):
    """An answer in SCIM's own error format: status, scimType (RFC 7644 3.12), detail."""

    def __init__(self, status: int, detail, scim_type: str | None = None):
        super().__init__(str(detail))
        self.status = status
        self.detail = str(detail)
        self.scim_type = scim_type

    def as_dict(self) -> dict:
        body = {"schemas": [ERROR], "status": str(self.status), "detail": self.detail}
        if self.scim_type:
            body["scimType"] = self.scim_type
        return body


# Attribute paths, lower-cased, with or without their schema URN, to state keys.
_PATHS = {
    "username": "userName",
    "externalid": "externalId",
    "active": "active",
    "displayname": "displayName",
    "name.formatted": "displayName",
    "name.givenname": "givenName",
    "name.familyname": "familyName",
    "title": "title",
    "preferredlanguage": "preferredLanguage",
    "department": "department",
    "employeenumber": "employeeNumber",
    "manager": "manager",
    "manager.value": "manager",
    "startdate": "startDate",
    "enddate": "endDate",
}
_EMAIL_PATH = re.compile(r'^emails(\[type eq "?(work|\w+)"?\])?(\.value)?$', re.IGNORECASE)
# Attributes Entra ID and Okta send by default that the portal does not keep: accepted and
# ignored, so a default attribute mapping syncs without errors.
_IGNORED = re.compile(
    r"^(phonenumbers|addresses|nickname|profileurl|locale|timezone|usertype|photos|ims|"
    r"x509certificates|entitlements|roles|groups|name\.middlename|name\.honorificprefix|"
    r"name\.honorificsuffix|costcenter|organization|division|password|schemas|id|meta)"
    r"(\[.*\])?(\..*)?$",
    re.IGNORECASE,
)
_FILTER = re.compile(r'^\s*(userName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$', re.IGNORECASE)


def parse_filter(text: str) -> tuple[str, str]:
    """`userName eq "…"` or `externalId eq "…"`: (state key, value); anything else is refused."""
    match = _FILTER.match(text or "")
    if not match:
        raise ScimError(
            400, _('Only filter=userName eq "…" and externalId eq "…" are supported.'),
            "invalidFilter",
        )  # fmt: skip
    key = "userName" if match.group(1).lower() == "username" else "externalId"
    return key, re.sub(r"\\(.)", r"\1", match.group(2))


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"  # Entra ID sends "False" as a string in PATCH
    raise ScimError(400, _("“active” must be true or false."), "invalidValue")


def _text(value, key):
    if value is None:
        return None
    if isinstance(value, dict) and key == "manager":
        value = value.get("value")
        return _text(value, key) if value is not None else None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ScimError(400, _("“%s” must be a text.") % key, "invalidValue")
    value = str(value).strip()
    if "\x00" in value:
        raise ScimError(400, _("“%s” contains a NUL character.") % key, "invalidValue")
    return value or None


def _email_of(emails) -> str | None:
    if emails is None:
        return None
    if not isinstance(emails, list):
        emails = [emails]
    values = [e for e in emails if isinstance(e, dict) and e.get("value")]
    if len(values) != len(emails):
        raise ScimError(400, _("Each e-mail needs a “value”."), "invalidValue")
    chosen = next((e for e in values if e.get("primary") in (True, "true", "True")), None)
    chosen = chosen or next((e for e in values if e.get("type") == "work"), None)
    chosen = chosen or (values[0] if values else None)
    return _text(chosen["value"], "emails") if chosen else None


def apply_attribute(state: dict, path: str, value, *, remove: bool = False) -> None:
    """Set one attribute (a SCIM path such as "name.givenName", "emails[type eq \\"work\\"]
    .value" or "urn:…:enterprise:2.0:User:department") in the state."""
    if not isinstance(path, str) or not path.strip():
        raise ScimError(400, _("An operation's “path” must be a text."), "invalidPath")
    path = path.strip()
    for urn in (ENTERPRISE, EMPLOYMENT, USER):
        if path.lower() == urn.lower():
            if remove:
                return
            if not isinstance(value, dict):
                raise ScimError(400, _("The extension's value must be an object."), "invalidValue")
            for name, item in value.items():
                apply_attribute(state, name, item)
            return
        if path.lower().startswith(urn.lower() + ":"):
            path = path[len(urn) + 1 :]
            break
    lowered = path.lower()
    if lowered == "name":
        if remove:
            state.update(givenName=None, familyName=None)
            return
        if not isinstance(value, dict):
            raise ScimError(400, _("“name” must be an object."), "invalidValue")
        for part in ("givenName", "familyName", "formatted"):
            if part in value:
                apply_attribute(state, f"name.{part}", value[part])
        return
    if _EMAIL_PATH.match(path):
        if remove:
            state["email"] = None
        elif isinstance(value, str):
            state["email"] = _text(value, "emails")
        else:
            state["email"] = _email_of(value)
        return
    key = _PATHS.get(lowered)
    if key is None:
        if _IGNORED.match(path):
            return
        raise ScimError(400, _("Unknown attribute “%s”.") % path[:100], "invalidPath")
    if remove:
        state[key] = False if key == "active" else None
    elif key == "active":
        state[key] = _boolean(value)
    else:
        state[key] = _text(value, key)


def state_from_resource(resource, *, base: dict | None = None) -> dict:
    """A full User resource (POST, PUT) as a state; PUT replaces, so `base` only keeps the
    identity provider's id when the resource leaves it out."""
    if not isinstance(resource, dict):
        raise ScimError(400, _("The request body must be a JSON object."), "invalidSyntax")
    state = dict.fromkeys(STATE_KEYS)
    state["active"] = True
    if base:
        state["externalId"] = base.get("externalId")
    for name, value in resource.items():
        if name in ("schemas", "id", "meta"):
            continue
        apply_attribute(state, name, value)
    return state


def apply_patch(state: dict, body) -> dict:
    """RFC 7644 3.5.2: add / replace / remove operations, with or without a path (Entra ID
    writes "Replace" and sends values as strings). A malformed operation is refused whole."""
    if not isinstance(body, dict) or not isinstance(body.get("Operations"), list):
        raise ScimError(400, _("A PATCH needs a list of “Operations”."), "invalidSyntax")
    if not body["Operations"]:
        raise ScimError(400, _("A PATCH needs at least one operation."), "invalidSyntax")
    state = dict(state)
    for operation in body["Operations"]:
        if not isinstance(operation, dict):
            raise ScimError(400, _("Each operation must be an object."), "invalidSyntax")
        op = str(operation.get("op", "")).lower()
        if op not in ("add", "replace", "remove"):
            raise ScimError(
                400, _("Unknown operation “%s” (use add, replace or remove).")
                % str(operation.get("op"))[:20], "invalidSyntax",
            )  # fmt: skip
        path, value = operation.get("path"), operation.get("value")
        if op == "remove":
            if path is None:
                raise ScimError(400, _("A remove operation needs a “path”."), "noTarget")
            apply_attribute(state, path, None, remove=True)
        elif "value" not in operation:
            raise ScimError(400, _("An %s operation needs a “value”.") % op, "invalidValue")
        elif path is None:
            if not isinstance(value, dict):
                raise ScimError(
                    400, _("An operation without a path needs an object as value."),
                    "invalidValue",
                )  # fmt: skip
            for name, item in value.items():
                apply_attribute(state, name, item)
        else:
            apply_attribute(state, path, value)
    return state
