"""Hostile input stopped at the door, before any view, form or query sees it.

- A record id in a URL (`<int:...>`) matches only if the database could hold it: a larger one is
  a 404, like any missing record, rather than a database error.
- A `page` number beyond any page there could be is a 404 (nonsense such as `page=x` is left to
  the lists, which show the first page).
- Control characters (and U+FFFE/U+FFFF, which no Word document can hold) and invalid UTF-8 in
  the address, the query string or a form (its field names, values and file names) are a 400;
  form text may hold tabs and line breaks.
- A request body larger than MAX_CONTENT_LENGTH is a 413; a view marked `@accepts_upload` takes up
  to MAX_UPLOAD_LENGTH.

`register` runs before the extensions are set up, so this guard runs before CSRF checks and rate
limits read the form, and before the blueprints' rules are built with the id converter.
"""

from urllib.parse import unquote_to_bytes

from flask import Flask, abort, current_app, request
from werkzeug.routing import IntegerConverter, ValidationError

from tracker.errors import abort_with
from tracker.kit.limits import LARGEST_ID, LARGEST_PAGE, has_forbidden_characters

UNREADABLE = (
    "The address or the form contained characters the tracker cannot accept, such as control "
    "characters or text that is not UTF-8. Go back, check what you entered or pasted, and try again."
)
# Methods whose body may carry a form.
WITH_BODY = {"POST", "PUT", "PATCH", "DELETE"}


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` bounded to the ids the database holds, written in ASCII digits."""

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)

    def to_python(self, value: str) -> int:
        # `\d` also matches other scripts' digits; a 5,000-digit number is refused unread.
        if not value.isascii() or len(value) > len(str(LARGEST_ID)):
            raise ValidationError()
        return super().to_python(value)


def accepts_upload(view):
    """Mark a view that takes a file upload, so its requests may be up to MAX_UPLOAD_LENGTH."""
    view.accepts_upload = True
    return view


def register(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseIdConverter
    app.before_request(refuse_hostile_input)


def refuse_hostile_input() -> None:
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "accepts_upload", False):
        request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    if not _clean(_raw_path(), text_layout_allowed=False):
        abort(404)
    if not _clean(unquote_to_bytes(request.query_string.replace(b"+", b" ")),
                  text_layout_allowed=False):
        abort_with(400, UNREADABLE)
    _check_page()
    if request.method in WITH_BODY:
        _check_form()


def _raw_path() -> bytes:
    # WSGI servers pass the decoded path as latin-1 characters, one per byte.
    path = request.environ.get("PATH_INFO", "")
    try:
        return path.encode("latin-1")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape")


def _clean(raw: bytes, *, text_layout_allowed: bool) -> bool:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not has_forbidden_characters(text, text_layout_allowed=text_layout_allowed)


def _check_page() -> None:
    """A page number too large to exist is a 404, before it becomes a huge OFFSET."""
    for value in request.args.getlist("page"):
        try:
            number = int(value)
        except ValueError:
            continue  # not a number: the lists show the first page, or a 404, as before
        if number > LARGEST_PAGE:
            abort(404)


def _check_form() -> None:
    # Werkzeug quietly re-quotes invalid UTF-8 in a urlencoded body, so look at the raw bytes.
    if request.mimetype == "application/x-www-form-urlencoded" and not _clean(
        unquote_to_bytes(request.get_data(cache=True).replace(b"+", b" ")),
        text_layout_allowed=True,
    ):
        abort_with(400, UNREADABLE)
    for name, value in request.form.items(multi=True):
        if has_forbidden_characters(name) or has_forbidden_characters(
            value, text_layout_allowed=True
        ):
            abort_with(400, UNREADABLE)
    for name, upload in request.files.items(multi=True):
        if has_forbidden_characters(name) or has_forbidden_characters(upload.filename or ""):
            abort_with(400, UNREADABLE)
