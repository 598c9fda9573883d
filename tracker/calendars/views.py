"""Calendar feeds (.ics) and the page where a person gets the address of their own.

A person's feed is opened by the secret in its address, not by signing in: calendar apps send no
cookie. The public feed and a public meeting's calendar file are for anyone; a meeting's calendar
file for those who read meetings. Each is built by `data` (the queries) and `feeds` (the file).
"""

from io import BytesIO
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from tracker.auth.permissions import Permission, permission_required
from tracker.calendars import bp, data, feeds, links
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.kit.forms import ConfirmForm
from tracker.meetings.models import Meeting


def uid_domain() -> str:
    """The host name that ends every event's UID: the setting, or the address the tracker is
    reached at (set CALENDAR_UID_DOMAIN where it is reached at more than one)."""
    return current_app.config["CALENDAR_UID_DOMAIN"] or urlsplit(f"//{request.host}").hostname


def send_calendar(feed: feeds.Feed, filename: str, *, private: bool = False):
    """The feed as a `text/calendar` download; a private one is kept by no cache on the way."""
    response = send_file(
        BytesIO(feeds.to_ical(feed, uid_domain())),
        mimetype="text/calendar",
        as_attachment=True,
        download_name=filename,
        max_age=0,
    )
    if private:
        response.headers["Cache-Control"] = "private, no-store"
        response.headers["X-Robots-Tag"] = "noindex"
    return response


def meeting_or_404(meeting_id: int) -> Meeting:
    return db.first_or_404(
        sa.select(Meeting).options(joinedload(Meeting.meeting_type)).where(Meeting.id == meeting_id)
    )


def filename_of(meeting: Meeting) -> str:
    return f"{meeting.meeting_type.short_name}-{meeting.starts_at:%Y-%m-%d}.ics"


# --- feeds ----------------------------------------------------------------------------------


@bp.get("/calendar/<token>.ics")
def personal_feed(token: str):
    user = links.user_for_token(token)
    if user is None:
        abort(404)
    return send_calendar(data.personal(user, today()), "tracker.ics", private=True)


@bp.get("/public/meetings.ics")
def public_feed():
    return send_calendar(data.public(today()), "public-meetings.ics")


@bp.get("/meetings/<int:meeting_id>.ics")
@permission_required(Permission.READ_MEETINGS)
def meeting(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    return send_calendar(data.one_meeting(meeting, today()), filename_of(meeting))


@bp.get("/public/meetings/<int:meeting_id>.ics")
def public_meeting(meeting_id: int):
    meeting = meeting_or_404(meeting_id)
    if not meeting.is_public:
        abort(404)  # as the public pages: a private meeting is not found, not forbidden
    return send_calendar(data.one_public_meeting(meeting, today()), filename_of(meeting))


# --- your calendar's address ----------------------------------------------------------------


# The new address travels once from the POST to the page after it, in the signed session cookie,
# and is taken out of it there: the tracker keeps only its hash.
NEW_ADDRESS = "new_calendar_address"


@bp.get("/account/calendar")
@login_required
def account():
    made = session.pop(NEW_ADDRESS, None)
    made = made if isinstance(made, dict) else {}
    token, address = made.get("token"), None
    if isinstance(token, str) and links.TOKEN.fullmatch(token):
        address = url_for("calendars.personal_feed", token=token, _external=True)
    response = make_response(
        render_template(
            "calendars/account.html",
            link=links.link_of(current_user),
            address=address,
            replaced=bool(made.get("replaced")),
        )
    )
    if address:
        response.headers["Cache-Control"] = "no-store"  # kept by no cache, nor the back button
    return response


@bp.post("/account/calendar/new-address")
@login_required
def new_address():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    user = current_user._get_current_object()
    replaced = links.link_of(user) is not None
    session[NEW_ADDRESS] = {"token": links.new_link(user), "replaced": replaced}
    return redirect(url_for("calendars.account"))
