"""The web's forms reading what the API is sent, so that a value the page refuses is refused here
with the page's message, and no rule is written twice.

The API's schemas give the input its types (and the document its shape); the form then applies
the page's own checks: the choices it offers, lengths, dates in the future, a reason where one
is needed.
"""

from werkzeug.datastructures import MultiDict

from tracker.api.problems import abort_problem


def filled(form_class, data: dict, prefix: str = ""):
    """The web's form filled from a JSON body already typed by its schema: dates go in as ISO
    dates, which the form's date fields take."""
    formdata = MultiDict(
        (f"{prefix}-{name}" if prefix else name,
         value.isoformat() if hasattr(value, "isoformat") else str(value))
        for name, value in data.items()
        if value is not None
    )
    return form_class(formdata=formdata, prefix=prefix, meta={"csrf": False})


def checked(form, names: dict[str, str] | None = None) -> None:
    """Stop with a 422 problem naming each field the web's `form` refused, under the API's
    names (`names` maps the form's to the API's where they differ)."""
    if form.validate():
        return
    names = names or {}
    errors = {
        names.get(field, field): [str(message) for message in messages]
        for field, messages in form.errors.items()
    }
    abort_problem(422, "Some of what you sent is not valid. Nothing was saved.", errors=errors)
