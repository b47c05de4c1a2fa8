"""Form fields the apps share."""

from django import forms

# The largest value an id column holds (a signed 64-bit integer); SQLite raises OverflowError
# for anything larger instead of finding no row.
MAX_ID = 2**63 - 1


def is_id(value) -> bool:
    """True for a positive whole number that fits an id column."""
    text = str(value).strip()
    return text.isascii() and text.isdigit() and 0 < int(text) <= MAX_ID


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField whose posted ids are checked to be ids before the query."""

    def _check_values(self, value):
        for pk in value:
            if not is_id(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose posted id is checked to be an id before the query."""

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None and not is_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)
