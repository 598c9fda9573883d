"""Errors under /api/ as RFC 9457 problem details (`application/problem+json`).

Every refusal the API gives has the same shape: `type`, `title`, `status`, `detail` and, for
invalid input, `errors` ({field: [messages]}). The web's error pages (tracker/errors.py) answer
everything else unchanged: `register` puts one handler in front that chooses by the path.

Raise a problem from a view with `abort_problem(status, detail, errors=..., headers=...)`; an
`abort(404)`, `db.get_or_404`, `permission_required`'s 403 and the services' refusals
(NotAllowed → 403, ActionError → 409 or 422, ChangedMeanwhile → 412) become problems on their own.
"""

from http import HTTPStatus

import marshmallow as ma
from flask import Flask, Response, current_app, json, request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, default_exceptions

from tracker import errors as web_errors
from tracker.actions.services import ActionError
from tracker.actions.services import NotAllowed as ActionNotAllowed
from tracker.auth import tokens
from tracker.extensions import db
from tracker.kit.conflicts import ChangedMeanwhile

API_PATH = "/api/"
MEDIA_TYPE = "application/problem+json"

# What each status means to someone calling the API, when the code gives no detail of its own.
DETAILS = {
    400: "The request could not be understood.",
    401: "Send a valid personal access token as 'Authorization: Bearer <token>'.",
    403: "Your account or this token does not allow this.",
    404: "There is no such record, or you may not see it.",
    405: "This address does not accept that method.",
    409: "The record's current state does not allow this.",
    412: "The record changed since you read it: nothing was saved. Read it again and retry.",
    413: "The request is larger than the tracker accepts. Nothing was saved.",
    415: "Send the body as application/json.",
    422: "Some of what you sent is not valid. Nothing was saved.",
    428: "Send the record's ETag in an If-Match header, so a change made meanwhile is not lost.",
    429: "Too many requests with this token. Wait, then try again.",
    500: "Sorry, there is a problem with the service. Nothing was half-saved: the change was undone.",
}


class ProblemSchema(ma.Schema):
    """An error, as RFC 9457 describes it (documentation of every error response)."""

    type = ma.fields.String(metadata={"description": "A URI naming the kind of problem"})
    title = ma.fields.String(metadata={"description": "The HTTP status, in words"})
    status = ma.fields.Integer(metadata={"description": "The HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong, for a person to read"})
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "Each invalid field, with what is wrong with it"},
    )


def is_api_request() -> bool:
    return request.path.startswith(API_PATH)


def problem(
    status: int,
    detail: str | None = None,
    *,
    errors: dict[str, list[str]] | None = None,
    headers: dict | None = None,
) -> Response:
    """A problem+json response."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error",
        "status": status,
        "detail": detail or DETAILS.get(status, ""),
    }
    if errors:
        body["errors"] = errors
    response = current_app.response_class(
        json.dumps(body), status=status, mimetype=MEDIA_TYPE, headers=headers
    )
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
    return response


def abort_problem(
    status: int,
    detail: str | None = None,
    *,
    errors: dict[str, list[str]] | None = None,
    headers: dict | None = None,
):
    """Stop the request with a problem: `abort_problem(404, "No such action")`."""
    error = default_exceptions[status]()
    error.data = {"detail": detail, "errors": errors, "headers": headers}  # type: ignore[attr-defined]
    raise error


def flatten(messages, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as {"field.sub": [messages]}; the request location (json,
    query) that webargs puts first is left out."""
    if isinstance(messages, list | tuple):
        flat: dict[str, list[str]] = {}
        texts = [str(m) for m in messages if not isinstance(m, dict | list | tuple)]
        if texts:
            flat[prefix or "_request"] = texts
        for m in messages:
            if isinstance(m, dict | list | tuple):
                flat.update(flatten(m, prefix))
        return flat
    if isinstance(messages, dict):
        flat = {}
        for key, value in messages.items():
            if not prefix and key in ("json", "query", "headers", "form", "files", "path"):
                flat.update(flatten(value, ""))
            else:
                flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    return {prefix or "_request": [str(messages)]}


def from_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    detail = data.get("detail") or data.get("message")
    if detail is None and getattr(error, "_tracker_message", False):
        detail = error.description  # a message the web meant for people (tracker.errors.abort_with)
    errors = data.get("errors")
    if errors is None and "messages" in data:  # webargs' validation errors
        errors = flatten(data["messages"])
    headers = dict(data.get("headers") or {})
    if status == 405:
        # werkzeug works out the methods the address does accept.
        headers.update({k: v for k, v in error.get_headers() if k == "Allow"})
    if status == 429:
        headers.setdefault("Retry-After", "60")
    return problem(status, detail, errors=errors or None, headers=headers)


def register(app: Flask) -> None:
    """Answer errors under /api/ with problems; leave every other error to the web's pages.

    Registered after tracker.errors, whose handlers these replace and call for other paths.
    """

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if not is_api_request():
            return web_errors.http_error_page(error)
        if (error.code or 500) >= 500:
            return internal_error(error)
        return from_http_exception(error)

    @app.errorhandler(Exception)
    def internal_error(error: Exception):
        if not is_api_request():
            return web_errors.internal_error_page(error)
        db.session.rollback()
        if not isinstance(error, HTTPException):
            app.logger.exception("Unhandled error")
        return problem(500)

    # The services' refusals, as the web gives them but in problem form. Nothing was saved.
    @app.errorhandler(ChangedMeanwhile)
    @app.errorhandler(StaleDataError)
    def changed_meanwhile(error):
        if not is_api_request():
            return web_errors.internal_error_page(error)
        db.session.rollback()
        return problem(412)

    @app.errorhandler(ActionError)
    def action_refused(error: ActionError):
        if not is_api_request():
            return web_errors.internal_error_page(error)
        db.session.rollback()
        if isinstance(error, ActionNotAllowed):
            return problem(403, str(error))
        errors = {error.field: [str(error)]} if error.field else None
        return problem(422 if error.field else 409, str(error), errors=errors)

    @app.errorhandler(tokens.TokenError)
    def token_refused(error: tokens.TokenError):
        if not is_api_request():
            return web_errors.internal_error_page(error)
        db.session.rollback()
        if isinstance(error, tokens.NotAllowed):
            return problem(403, str(error))
        errors = {error.field: [str(error)]} if error.field else None
        return problem(422, str(error), errors=errors)

    @app.errorhandler(IntegrityError)
    def integrity_error(error: IntegrityError):
        if not is_api_request():
            return web_errors.internal_error_page(error)
        db.session.rollback()
        return problem(409, "Someone else changed this record at the same time. Nothing was saved.")
