"""Personal data in a draft: e-mail addresses, Dutch phone numbers, IBANs, BSNs and addresses
(postcode with house number).

Numbers are only reported when they are valid: an IBAN must pass the mod-97 check and a BSN
the 11-proof, so an order number or a date does not raise a false alarm. Each finder returns
(kind, start, end) spans in the original text.
"""

import re

# --- E-mail addresses ----------------------------------------------------------------------
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


def find_emails(text: str):
    for match in EMAIL.finditer(text):
        yield "email", match.start(), match.end()


# --- IBAN ----------------------------------------------------------------------------------
# Lengths per country, so "NL91 ABNA 0417 1643 00 en" stops before "en".
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
    "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26,
}  # fmt: skip
IBAN_START = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})")


def iban_is_valid(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters become 10..35, and the
    number modulo 97 must be 1."""
    iban = iban.replace(" ", "").upper()
    if not (15 <= len(iban) <= 34) or not iban.isalnum() or not iban.isascii():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _take_alnum(text: str, pos: int, count: int) -> int | None:
    """The end of `count` letters and digits from `pos`, allowing single spaces between them;
    None when they run out first or the text goes on with more letters or digits."""
    taken = 0
    while taken < count:
        if pos < len(text) and text[pos].isascii() and text[pos].isalnum():
            taken += 1
            pos += 1
        elif (
            pos + 1 < len(text)
            and text[pos] == " "
            and text[pos + 1].isascii()
            and text[pos + 1].isalnum()
        ):
            pos += 1
        else:
            return None
    if pos < len(text) and text[pos].isalnum():
        return None
    return pos


def find_ibans(text: str):
    for match in IBAN_START.finditer(text):
        country = match.group(1).upper()
        length = IBAN_LENGTHS.get(country)
        if length:
            end = _take_alnum(text, match.end(), length - 4)
        else:  # another country: a compact IBAN without spaces
            run = re.match(r"[A-Za-z0-9]{11,30}(?![A-Za-z0-9])", text[match.end() :])
            end = match.end() + run.end() if run else None
        if end and iban_is_valid(text[match.start() : end]):
            yield "iban", match.start(), end


# --- Phone numbers -------------------------------------------------------------------------
PHONE_START = re.compile(
    r"(?<![\w+(])(?<!\d[\-./])(?:(?P<intl>\+31|0031)|\(?0(?=[\s().\-/]*[1-9]))"
)
SEPARATORS = " -./()"
# Free and paid information numbers belong to organisations, not people.
NOT_PERSONAL_PREFIXES = ("0800", "0900", "0906", "0909")


def _take_digits(text: str, pos: int, count: int) -> int | None:
    """The end of `count` digits from `pos`, with at most three separators in a row between them
    ("(020) 123 4567", "020 - 123 45 67"), or None."""
    taken, separators = 0, 0
    while taken < count:
        if pos >= len(text):
            return None
        char = text[pos]
        if char.isdigit() and char.isascii():
            taken, separators = taken + 1, 0
        elif char in SEPARATORS and separators < 3 and taken > 0:
            separators += 1
        else:
            return None
        pos += 1
    if pos < len(text) and (text[pos].isalnum() or text[pos] == "@"):
        return None
    return pos


def find_phones(text: str):
    for match in PHONE_START.finditer(text):
        pos = match.end()
        if match.group("intl"):
            # "+31 (0)6 ..." : the (0) is the trunk prefix written for Dutch readers.
            trunk = re.match(r"[\s.\-]*\(0\)[\s.\-]*|[\s.\-]*", text[pos:])
            pos += trunk.end()
            if pos >= len(text) or not ("1" <= text[pos] <= "9"):
                continue
        end = _take_digits(text, pos, 9)
        if end is None:
            continue
        digits = "0" + "".join(c for c in text[pos:end] if c.isdigit())
        if digits.startswith(NOT_PERSONAL_PREFIXES):
            continue
        yield "phone", match.start(), end


# --- BSN (citizen service number) ----------------------------------------------------------
BSN = re.compile(
    r"(?<![\w.\-/+])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w\-/]|[.,]\d)"
)


def bsn_is_valid(number: str) -> bool:
    """The 11-proof: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11 (and not 0)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - digits[8]) % 11 == 0


def find_bsns(text: str):
    for match in BSN.finditer(text):
        if bsn_is_valid(match.group(1)):
            yield "bsn", match.start(), match.end()


# --- Address: postcode with house number -------------------------------------------------
# Dutch postcodes: 1234 AB (never SA, SD or SS); written in capitals, or "1234ab" in one word.
_POSTCODE = r"[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})"
_HOUSE_NUMBER = r"\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?-\s?\d{1,4}|\s?-\s?[a-zA-Z](?!\w))?"
ADDRESS = re.compile(
    rf"(?<![\w-])(?:{_HOUSE_NUMBER},?\s+{_POSTCODE}|{_POSTCODE},?\s+{_HOUSE_NUMBER})(?![\w-])"
)


def find_addresses(text: str):
    for match in ADDRESS.finditer(text):
        yield "address", match.start(), match.end()


FINDERS = (find_ibans, find_emails, find_phones, find_bsns, find_addresses)


def find_personal_data(text: str) -> list[tuple[str, int, int]]:
    """Every piece of personal data; where two finders claim the same characters, the first
    one wins (an IBAN is not also a phone number)."""
    found: list[tuple[str, int, int]] = []
    for finder in FINDERS:
        for kind, start, end in finder(text):
            if not any(start < e and s < end for _k, s, e in found):
                found.append((kind, start, end))
    return sorted(found, key=lambda item: item[1])
