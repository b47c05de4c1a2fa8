"""Integrations in a real browser: the API docs run under the portal's CSP from our own
static files, and a person makes a token on their own settings page."""

import pytest

from tests.e2e.conftest import assert_accessible, use_session_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_render_from_local_files_under_the_policy(page, live_server, emma):
    use_session_of(page, live_server, emma)
    external = []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(live_server.url) else None,
    )
    page.goto(live_server.url + "/api/docs/")
    page.get_by_text("/api/trainings/sessions/").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert external == []
    assert page.csp_violations == []


def test_an_employee_makes_a_token_and_sees_it_once(page, live_server, emma):
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/integrations/tokens/")
    assert_accessible(page)
    page.get_by_label("Naam").fill("Intranet")
    page.get_by_label("people:read").check()
    page.get_by_role("button", name="Token aanmaken").click()
    assert page.locator("#new-token").inner_text().startswith("hrs_")
    assert_accessible(page)
