"""The "Copy text" step of a LinkedIn share, in a real browser: the button only appears once
its script can act on it (a click on it before that did nothing, and CI's busy runs showed it),
and a clipboard that refuses says so instead of staying silent."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import use_session_of
from tests.sharing.factories import ShareFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Trots op ons nieuwe kantoor #ikwerkbijzuiderlicht"


@pytest.fixture
def share_page(page, live_server, emma):
    share = ShareFactory(sharer=emma, text=TEXT)
    use_session_of(page, live_server, emma)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return f"{live_server.url}/sharing/links/{share.code}/"


def test_a_click_while_the_script_is_still_loading_still_copies(page, share_page):
    # The script arrives a second after the page: a slow phone, or a busy server.
    def slow_script(route):
        page.wait_for_timeout(1000)
        route.continue_()

    page.route("**/sharing*.js", slow_script)
    page.goto(share_page, wait_until="commit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delen op LinkedIn")
    page.get_by_role("button", name="Tekst kopiëren").click()
    expect(page.get_by_role("status")).to_have_text("Gekopieerd: plak de tekst in je bericht.")
    assert page.evaluate("navigator.clipboard.readText()") == TEXT


def test_a_refused_clipboard_asks_to_copy_by_hand(page, share_page):
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));"
    )
    page.goto(share_page)
    page.get_by_role("button", name="Tekst kopiëren").click()
    expect(page.get_by_role("status")).to_have_text(
        "Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf."
    )
    # The whole text is selected in its box, ready for the person's own copy.
    selected = page.evaluate(
        "(() => { const box = document.activeElement;"
        " return box.id + ':' + box.value.slice(box.selectionStart, box.selectionEnd); })()"
    )
    assert selected == f"copy-text:{TEXT}"


def test_without_javascript_the_text_is_there_to_copy_by_hand(browser, live_server, emma):
    share = ShareFactory(sharer=emma, text=TEXT)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    use_session_of(page, live_server, emma)
    page.goto(f"{live_server.url}/sharing/links/{share.code}/")
    expect(page.get_by_label("Jouw tekst")).to_have_value(TEXT)
    expect(page.get_by_role("button", name="Tekst kopiëren")).to_be_hidden()
    context.close()
