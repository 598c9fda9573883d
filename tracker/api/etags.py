"""ETags on every read, If-Match on every change: the API's form of "changed since you opened it".

A record with a version (an action, a meeting) has the ETag `"<kind>-<id>-v<version>"`, so the
version a client read comes back in `If-Match` and goes straight to the service's `seen_version`
(kit.conflicts decides, as for the web's forms). Any other GET answer gets an ETag from its body.
A GET with a matching `If-None-Match` gets 304.

    # reading one record
    etags.set_etag(etags.record_etag("action", action.id, action.version))
    # changing it: 428 without If-Match, 412 when it names another record or is not one of ours
    seen = etags.require_if_match("action", action.id)
    services.add_update(action, current_user, ..., seen_version=seen)   # stale → 412
"""

import re

from flask import Response, g, request

from tracker.api.problems import abort_problem

_RECORD_TAG = re.compile(r'^(?:W/)?"(?P<kind>[a-z_]+)-(?P<id>\d{1,18})-v(?P<version>\d{1,18})"$')


def record_etag(kind: str, record_id: int, version: int) -> str:
    """The ETag of one version of one record, quotes included: '"action-12-v3"'."""
    return f'"{kind}-{record_id}-v{version}"'


def set_etag(tag: str) -> None:
    """Give this request's response the ETag `tag` (as `record_etag` makes it)."""
    g.api_etag = tag


def require_if_match(kind: str, record_id: int) -> int:
    """The version the client read, from its If-Match header, for the service to check.

    428 problem when the header is missing; 412 when it is not this record's ETag.
    """
    header = request.headers.get("If-Match", "").strip()
    if not header:
        abort_problem(
            428,
            f"Send this {kind}'s ETag (from GET) in an If-Match header, so a change someone "
            "made meanwhile is not overwritten.",
        )
    match = _RECORD_TAG.match(header)
    if match is None or match["kind"] != kind or int(match["id"]) != record_id:
        abort_problem(
            412,
            f"If-Match is not an ETag of this {kind}. Read it again and send the ETag it gives.",
        )
    return int(match["version"])


def finish(response: Response) -> Response:
    """After each API request: the ETag for a successful read, and 304 when it matches."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    tag = g.pop("api_etag", None)
    if tag is not None:
        response.headers["ETag"] = tag
    elif not response.headers.get("ETag"):
        response.add_etag()
    return response.make_conditional(request)
