"""Error pages in the service's design: they say what happened, never a stack trace."""

from flask import Flask, current_app, render_template
from werkzeug.exceptions import HTTPException, default_exceptions

from tracker.extensions import db

MESSAGES = {
    400: ("There is a problem with your request", "The request could not be understood. "
          "If you were sending a form, go back, check what you entered and try again."),
    401: ("Sign in to see this page", "You need to sign in before you can use this page."),
    403: ("You do not have permission to see this page",
          "Your account does not allow this. If you think it should, contact the Policing and "
          "Crime team's administrator."),
    404: ("Page not found", "If you typed the web address, check it is correct. "
          "If you followed a link, the record may have been removed."),
    405: ("That cannot be done here", "This page does not accept that kind of request."),
    409: ("Someone else changed this record", "Reload the page to see the latest version."),
    413: ("The request is too large", "What you sent is larger than the tracker accepts. If you "
          "were uploading a file, split it into smaller files; if you were filling in a form, "
          "shorten the text. Nothing was saved."),
    429: ("Too many attempts", "You have tried too many times. Wait 15 minutes and try again."),
    500: ("Sorry, there is a problem with the service", "Try again later. "
          "Nothing you were saving has been half-saved: the change was undone."),
}


def render_error(code: int, description: str | None = None):
    title, default = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title, message=description or default), code


def http_error_page(error: HTTPException):
    if error.code == 500:
        return internal_error_page(error)
    # Only our own 403/404 descriptions are meant for people; Werkzeug's defaults are not.
    own = error.description if getattr(error, "_tracker_message", False) else None
    return render_error(error.code or 500, own)


def internal_error_page(error: Exception):
    db.session.rollback()
    if not isinstance(error, HTTPException):
        current_app.logger.exception("Unhandled error")
    return render_error(500)


def register(app: Flask) -> None:
    # The API answers its own errors as problem+json and hands every other path back to these
    # (tracker/api/problems.py).
    app.register_error_handler(HTTPException, http_error_page)
    app.register_error_handler(Exception, internal_error_page)


def abort_with(code: int, message: str):
    """Abort with a message meant for the user, shown on the error page."""
    error = default_exceptions[code](description=message)
    error._tracker_message = True  # type: ignore[attr-defined]
    raise error
