"""Counting text as X counts it, and telling bots from people."""

from sharing.counting import is_bot, text_length, x_length


def test_x_counts_every_url_as_23_characters():
    assert x_length("kijk https://www.example.com/een/heel/lang/pad?met=parameters") == 5 + 23
    assert x_length("www.example.com") == 23


def test_x_counts_cjk_and_emoji_as_two():
    assert x_length("abc") == 3
    assert x_length("日本") == 4
    assert x_length("é–") == 2


def test_the_link_counts_for_x_but_not_for_linkedin_beyond_its_characters():
    assert text_length("x", "Hoi") == 3 + 1 + 23
    assert text_length("linkedin", "Hoi") == 3


def test_browsers_are_people_and_preview_fetchers_are_bots():
    assert not is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) AppleWebKit/605.1.15 LinkedInApp")
    assert is_bot("LinkedInBot/1.0")
    assert is_bot("TelegramBot (like TwitterBot)")
    assert is_bot("")
