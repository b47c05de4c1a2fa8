"""Personal data in a draft: each finder with what it must find and what it must leave alone."""

import pytest

from guidelines.checker.personal import bsn_is_valid, find_personal_data, iban_is_valid


def found(text):
    return [(kind, text[start:end]) for kind, start, end in find_personal_data(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mail me: jan.jansen@zuiderlicht.nl", "jan.jansen@zuiderlicht.nl"),
        ("(emma+nieuws@voorbeeld.co.uk)", "emma+nieuws@voorbeeld.co.uk"),
    ],
)
def test_it_finds_email_addresses(text, expected):
    assert found(text) == [("email", expected)]


@pytest.mark.parametrize("text", ["Volg @zuiderlicht op X", "e-mail@ ons", "a@b", "10@20.30"])
def test_it_leaves_handles_and_lookalikes_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "06 12 34 56 78",
        "0612345678",
        "+31 6 12345678",
        "+31 (0)6 1234 5678",
        "+31612345678",
        "0031 6 12345678",
        "020-1234567",
        "(020) 123 4567",
        "0591 123456",
        "010 - 123 45 67",
    ],
)
def test_it_finds_dutch_mobile_and_landline_numbers(number):
    assert found(f"Bel me op {number}, graag.") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "Bel 0800-1234567 gratis",  # information numbers belong to organisations
        "In 2024 kwamen er 123456 klanten bij",
        "Ordernummer 06123456789012",
        "Versie 1.0.612345678",
        "Factuur 2024-0612-345678",
    ],
)
def test_it_does_not_take_other_numbers_for_phone_numbers(text):
    assert [kind for kind, _text in found(text)] == []


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "BE68539007547034",
        "DE89 3704 0044 0532 0130 00",
    ],
)
def test_it_finds_ibans_that_pass_mod_97(iban):
    assert found(f"Maak het over op {iban} en dank je wel.") == [("iban", iban)]


def test_an_iban_that_fails_mod_97_is_not_an_iban():
    assert not iban_is_valid("NL91ABNA0417164301")
    assert found("Rekening NL91ABNA0417164301 graag") == []


def test_an_iban_stops_where_it_ends():
    assert found("IBAN NL91 ABNA 0417 1643 00 en verder niets") == [
        ("iban", "NL91 ABNA 0417 1643 00")
    ]


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1234.56.782", "123 456 782"])
def test_it_finds_bsns_that_pass_the_11_proof(bsn):
    assert bsn_is_valid(bsn)
    assert found(f"Mijn BSN is {bsn}.") == [("bsn", bsn)]


@pytest.mark.parametrize("number", ["123456789", "111111111", "000000000", "987654320"])
def test_a_number_that_fails_the_11_proof_is_not_a_bsn(number):
    assert not bsn_is_valid(number)
    assert found(f"Klantnummer {number}") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kom langs op Dorpsstraat 12, 1234 AB Utrecht", "12, 1234 AB"),
        ("Adres: 1234 AB 12a", "1234 AB 12a"),
        ("postcode 3511ab 7", "3511ab 7"),
        ("Stationsplein 1-3 3511 CE", "1-3 3511 CE"),
    ],
)
def test_it_finds_a_postcode_with_a_house_number(text, expected):
    assert found(text) == [("address", expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Wij zitten in 1234 AB",  # a postcode alone points to a street, not a home
        "In 2024 en 12 maanden later",  # "2024 en" is not a postcode
        "Postcode 1234 SA 12",  # SA, SD and SS are never used
        "Utrecht 3511",
    ],
)
def test_it_leaves_other_combinations_alone(text):
    assert found(text) == []


def test_one_piece_of_text_is_reported_once():
    """An IBAN contains digits a phone or BSN finder might claim: the first finder wins."""
    assert found("NL91ABNA0417164300") == [("iban", "NL91ABNA0417164300")]
