"""HR sees every section of the portal in the navigation bar: at no desktop width may it run
off the screen (the language switch was cut off at 1280 px once news, sharing, recruitment and
alumni had joined)."""

import pytest

from tests.e2e.conftest import use_session_of
from tests.factories import UserFactory, make_hr

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1920, 1440, 1400, 1280, 1024, 768])
def test_the_navigation_bar_of_an_hr_lead_fits_the_screen(live_server, page, width):
    hanna = make_hr(UserFactory(email="hanna@example.com", full_name="Hanna Bakker"), lead=True)
    use_session_of(page, live_server, hanna)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")
    overflow = page.evaluate(
        """() => {
            const bar = document.querySelector('nav.navbar');
            const right = Math.max(...[...bar.querySelectorAll('a, button, input')]
                .filter(e => e.offsetParent !== null)
                .map(e => e.getBoundingClientRect().right));
            return {right, page: document.documentElement.scrollWidth};
        }"""
    )
    assert overflow["right"] <= width and overflow["page"] <= width, overflow
