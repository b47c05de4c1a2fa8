"""{% load formatting %}: {{ session.starts_at|event }}, {{ value|table_date }},
{{ training.cost|money }} … (see hrsocial.formatting)."""

from django import template

from hrsocial import formatting

register = template.Library()

for _name in (
    "event",
    "event_day",
    "long_date",
    "time_of_day",
    "table_date",
    "table_datetime",
    "money",
    "machine",
):
    register.filter(_name, getattr(formatting, _name))
