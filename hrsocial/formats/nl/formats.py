"""Dutch formats (FORMAT_MODULE_PATH): one style per kind, see hrsocial.formatting.

Django's own Dutch formats fill in everything not named here (input formats, separators).
"""

# In a sentence: "14 januari 2027".
DATE_FORMAT = "j F Y"
# An event (a session, a deadline with a time): "donderdag 14 januari 2027, 09:00".
DATETIME_FORMAT = "l j F Y, H:i"
EVENT_DAY_FORMAT = "l j F Y"
TIME_FORMAT = "H:i"
# In a table: "14 jan. 2027" (Django's "N" has no full stop in Dutch, and "mei" needs none).
TABLE_MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
                "nov.", "dec.")  # fmt: skip
# Money: "€ 1.395,00".
MONEY_FORMAT = "€\u00a0{amount}"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
