"""English formats (FORMAT_MODULE_PATH): one style per kind, see hrsocial.formatting.

British order (day, month, year) as in the Dutch interface; Django's own English formats
fill in everything not named here (input formats, separators).
"""

# In a sentence: "14 January 2027".
DATE_FORMAT = "j F Y"
# An event (a session, a deadline with a time): "Thursday 14 January 2027, 09:00".
DATETIME_FORMAT = "l j F Y, H:i"
EVENT_DAY_FORMAT = "l j F Y"
TIME_FORMAT = "H:i"
# In a table: "14 Jan 2027".
TABLE_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec")  # fmt: skip
# Money: "€1,395.00".
MONEY_FORMAT = "€{amount}"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
