"""The Content-Security-Policy in a real browser: htmx still works, inline scripts do not."""

import pytest

from tests.e2e.conftest import use_session_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_blocks_an_injected_inline_script_and_notices(page, live_server, emma):
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected === undefined")
    assert any("Content Security Policy" in v for v in page.csp_violations)
    page.csp_violations.clear()  # seen: this journey is about the violation


def test_it_sends_the_csrf_token_with_htmx_requests(page, live_server, emma):
    use_session_of(page, live_server, emma)
    page.goto(live_server.url + "/guidelines/check/")
    page.get_by_label("Je concept").fill("Bel me op 06-12345678")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Check mijn concept").click()
    assert answer.value.status == 200
    assert answer.value.request.headers.get("x-csrftoken")


def test_the_admin_change_form_runs_its_scripts_under_the_policy(page, live_server, hanna, emma):
    use_session_of(page, live_server, hanna)
    page.goto(live_server.url + f"/admin/people/user/{emma.pk}/change/")
    # The groups widget (filter_horizontal) is built by the admin's JavaScript.
    page.locator("#id_groups_from").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.csp_violations == []
