"""The JSON API under /api/v1: meetings, actions, plans and reports for other systems and scripts.

One flask-smorest `Api` describes it (OpenAPI 3.1 at /api/v1/openapi.json, read as a page at
/api/v1/docs) and one Blueprint, `bp`, holds its resources; each resource module registers its
routes on `bp` (listed in VIEW_MODULES). Every request but the two documents needs a bearer token
(bearer.py), whose user is `current_user`: the permission checks and services are the web's.
Errors are problem+json (problems.py); lists page by cursor (paging.py); reads carry ETags and
changes need If-Match (etags.py). Cookies play no part: no session is read or written here.
"""

from flask import Flask, g, request
from flask.sessions import SecureCookieSessionInterface
from flask_smorest import Api, Blueprint

from tracker.api import bearer, bodies, etags
from tracker.api.problems import API_PATH, MEDIA_TYPE, ProblemSchema
from tracker.extensions import csrf, login_manager
from tracker.kit.limits import LARGEST_ID
from tracker.request_guard import DatabaseIdConverter

URL_PREFIX = "/api/v1"
# The documents that describe the API: readable by anyone, as they hold no data.
PUBLIC_ENDPOINTS = {"api_docs.openapi_json", "api_docs.docs"}
# The modules whose routes register on `bp`; `register` imports them before registering it.
VIEW_MODULES = ("meetings", "actions", "action_changes", "reports", "plans")

DESCRIPTION = """\
Meetings, actions, plans and indicators of the West Yorkshire Mayor's Policing and Crime
governance tracker, under the same rules as its web pages.

Send a personal access token (created on your account's [API tokens](/account/tokens) page, or by
`flask token create`) as `Authorization: Bearer <token>`. A token acts as its user: the same
role, organisation and confidentiality rules. Read tokens may only read.

Lists are paged by cursor: follow `next_cursor` (or the `Link: rel="next"` header). Every read
has an `ETag`; a change must send the record's ETag in `If-Match`, and gets 412 if the record
changed meanwhile. Errors are `application/problem+json` (RFC 9457), with `errors` naming each
invalid field. Each token may make a limited number of requests a minute (429 with
`Retry-After` beyond it). Dates are ISO 8601.
"""


class TrackerApi(Api):
    """flask-smorest's Api, with errors documented as problems and handled by problems.py (only
    under /api/: smorest's own handler would answer the web's errors in JSON too)."""

    ERROR_SCHEMA = ProblemSchema
    DEFAULT_RESPONSE_CONTENT_TYPE = "application/json"

    def _register_error_handlers(self):
        pass  # problems.register, path-scoped

    def _register_responses(self):
        super()._register_responses()
        # The error responses smorest documents are problem+json, as problems.py sends them.
        for response in self.spec.components.responses_lazy.values():
            content = response.get("content", {})
            if "application/json" in content:
                content[MEDIA_TYPE] = content.pop("application/json")


api = TrackerApi()
bp = Blueprint(
    "api", __name__, url_prefix=URL_PREFIX, description="The tracker's records, as JSON"
)


class NoSessionUnderApi(SecureCookieSessionInterface):
    """The web's cookie session everywhere but /api/: there a cookie is never read (a signed-in
    browser is not a token) and never set."""

    def open_session(self, app, request):
        if request.path.startswith(API_PATH):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if request.path.startswith(API_PATH):
            return
        super().save_session(app, session, response)


def before_api_request() -> None:
    if not request.path.startswith(API_PATH):
        return
    if request.endpoint in PUBLIC_ENDPOINTS:
        g._login_user = login_manager.anonymous_user()  # the documents are the same for everyone
        return
    bearer.authenticate_request()
    bodies.check_json_body()


def after_api_request(response):
    if request.path.startswith(API_PATH):
        response = etags.finish(response)
        response.headers["Cache-Control"] = "private, no-cache"
    return response


def register(app: Flask) -> None:
    """Set up the API on `app`: its description, routes, authentication and errors."""
    import importlib

    app.config.setdefault("API_TITLE", "Governance meeting and action tracker API")
    app.config.setdefault("API_VERSION", "1")
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault(
        "API_SPEC_OPTIONS",
        {
            "info": {"description": DESCRIPTION},
            "servers": [{"url": "/", "description": "This tracker"}],
            "security": [{"bearerAuth": []}],
            "components": {
                "securitySchemes": {
                    "bearerAuth": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": "A personal access token: wyt_…",
                    }
                }
            },
        },
    )
    app.session_interface = NoSessionUnderApi()
    api.init_app(app)
    api.register_converter(
        DatabaseIdConverter, lambda _: {"type": "integer", "minimum": 0, "maximum": LARGEST_ID}
    )
    for module in VIEW_MODULES:
        importlib.import_module(f"tracker.api.{module}")
    from tracker.api import docs

    # Token requests carry no CSRF token: a bearer header is not sent by a browser on its own.
    csrf.exempt(bp)
    csrf.exempt(docs.bp)
    api.register_blueprint(bp)
    app.register_blueprint(docs.bp)
    # Before the session check (tracker/auth/sessions.py), so that the token's user is current_user
    # and no cookie is looked at; after the hostile-input guard, which runs first of all.
    from tracker.auth import sessions

    first = app.before_request_funcs.setdefault(None, [])
    first.insert(first.index(sessions.check_session), before_api_request)
    app.after_request(after_api_request)
