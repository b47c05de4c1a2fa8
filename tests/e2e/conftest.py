"""Browser journeys: Playwright's Python API driving Debian's Chromium (/usr/bin/chromium).

Browsers cannot be downloaded here, so we point Playwright at the system Chromium. Where it
is missing the journeys skip with the reason; CI sets HRSOCIAL_REQUIRE_BROWSER=1, which
turns that skip into a failure.
"""

import atexit
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("HRSOCIAL_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# The Nu HTML checker (npm's vnu-jar, fetched by `make test` into .venv/): it needs Java.
VNU_JAR = Path(os.environ.get("HRSOCIAL_VNU_JAR") or Path(__file__).parents[2] / ".venv/vnu.jar")


def pytest_collection_modifyitems(config, items):
    here = str(Path(__file__).parent)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("HRSOCIAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message + "; HRSOCIAL_REQUIRE_BROWSER=1 forbids skipping.")
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture
def page(page):
    """Playwright's page, failing the journey on any Content-Security-Policy violation: a
    blocked script or htmx attribute breaks the page silently, and only the console says so."""
    page.set_default_timeout(10_000)
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.csp_violations = violations  # for the test that proves this check works
    yield page
    assert violations == [], "CSP violations:\n" + "\n".join(violations)


# HR and admins sign in with two factors (MFA_REQUIRED_FOR_HR is on in the journeys): their
# authenticator app holds this secret, the demo's (people.demo.DEMO_TOTP_SECRET).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_second_factor(user):
    """An authenticator app for whoever must have one, as they would have set it up."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from people.permissions import must_have_second_factor

    user = type(user).objects.get(pk=user.pk)
    if must_have_second_factor(user) and not user.has_second_factor:
        TOTP.activate(user, TOTP_SECRET)
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def totp_code(user):
    """The app's current code. A journey may sign the same person in twice within one
    period, where allauth refuses a code used before: the journey forgets that it was used."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
    from django.core.cache import cache

    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // app_settings.TOTP_PERIOD))
    totp = TOTP(Authenticator.objects.get(user_id=user.pk, type=Authenticator.Type.TOTP))
    cache.delete(totp._get_used_cache_key(code))
    return code


def sign_in(page, live_server, user, password=TEST_PASSWORD):
    """Sign in through the real form, as a person would (with the code from their
    authenticator app when they have one)."""
    has_totp = give_second_factor(user)
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord", exact=False).first.fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if has_totp:
        page.wait_for_url(live_server.url + "/accounts/2fa/authenticate/")
        page.get_by_label("Code").fill(totp_code(user))
        page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(live_server.url + "/")


def use_session_of(page, live_server, user):
    """A quick sign-in for journeys that are not about signing in: copy a session cookie."""
    give_second_factor(user)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


class HtmlChecker:
    """The Nu HTML checker as a local web service, started once per test run on the first
    page it checks: one JVM answers each page in a few milliseconds, where `java -jar` per
    page would cost seconds."""

    def __init__(self):
        self.url = None
        self.process = None

    def start(self):
        if not (VNU_JAR.exists() and shutil.which("java")):
            message = f"The Nu HTML checker needs java and {VNU_JAR} (`make test` fetches it)"
            if os.environ.get("HRSOCIAL_REQUIRE_BROWSER") == "1":
                pytest.fail(message + "; HRSOCIAL_REQUIRE_BROWSER=1 forbids skipping.")
            warnings.warn(message + ": the journeys skip the HTML check.", stacklevel=2)
            self.url = ""
            return
        with socket.socket() as free:
            free.bind(("127.0.0.1", 0))
            port = free.getsockname()[1]
        self.process = subprocess.Popen(
            # Its schema compiler recurses deeply: the default thread stack is too small.
            ["java", "-Xss16m", "-cp", str(VNU_JAR),
             "-Dnu.validator.servlet.bind-address=127.0.0.1",
             "nu.validator.servlet.Main", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        atexit.register(self.process.kill)
        self.url = f"http://127.0.0.1:{port}/?out=json"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                return
            except OSError:
                time.sleep(0.25)
        pytest.fail("The Nu HTML checker did not start within 60 seconds.")

    def errors(self, html: str) -> list[str]:
        if self.url is None:
            self.start()
        if not self.url:
            return []
        request = urllib.request.Request(
            self.url,
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            messages = json.load(response)["messages"]
        return [
            f"line {m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
            for m in messages
            if m["type"] == "error"
        ]


HTML_CHECKER = HtmlChecker()


def assert_valid_html(page):
    """The page as the browser holds it (after htmx swaps) is valid HTML: 0 errors from
    the Nu checker."""
    # Right after a click on a link the new document may be committed but still empty
    # (CI once read "<html><head></head><body></body></html>" there): check it loaded.
    page.wait_for_load_state("load")
    errors = HTML_CHECKER.errors(page.content())
    assert errors == [], f"Invalid HTML on {page.url}:\n" + "\n".join(errors)


def assert_accessible(page, *, context=None):
    """axe-core's WCAG 2.1 A/AA rules on the current page: no violations; and the page is
    valid HTML (the Nu checker)."""
    assert_valid_html(page)
    # A button just clicked is still fading between its colours (Bootstrap's transitions):
    # measured mid-fade, its contrast is neither state's. Check the settled page.
    page.mouse.move(0, 0)
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    # Evaluated through the DevTools protocol, not as a <script> tag: the portal's
    # Content-Security-Policy (rightly) refuses inline scripts.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text() + "\n;undefined")
    violations = page.evaluate(
        """async (context) => {
            const result = await axe.run(context || document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                // Two best practices on top (issue 12): landmarks a screen reader can tell
                // apart, and scrolling tables reachable by keyboard (also in wcag2a today).
                rules: {
                    "landmark-unique": {enabled: true},
                    "scrollable-region-focusable": {enabled: true},
                },
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
            }));
        }""",
        context,
    )
    assert violations == [], f"Accessibility problems on {page.url}: {violations}"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A desktop wide enough for the whole navigation bar, which expands from 1400 px (below,
    the menu button holds it: HR's bar has a dozen sections)."""
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}}
