"""Filters and globals the templates share: dates, statuses, navigation for the user's role."""

from datetime import date, datetime

from flask import Flask, request, url_for
from flask_login import current_user

from tracker.auth.permissions import Permission, can, can_see_action, can_update_action

STATUS_TAG_CLASSES = {
    "open": "govuk-tag--blue",
    "in_progress": "govuk-tag--light-blue",
    "awaiting_sign_off": "govuk-tag--yellow",
    "closed": "govuk-tag--green",
    "superseded": "govuk-tag--grey",
    "dropped": "govuk-tag--grey",
    "draft": "govuk-tag--grey",
    "approved": "govuk-tag--blue",
    "published": "govuk-tag--green",
}


def long_date(value: date | datetime | None) -> str:
    """'10 October 2023', as the minutes write dates."""
    return f"{value:%-d %B %Y}" if value else ""


def weekday_date(value: date | datetime | None) -> str:
    return f"{value:%A, %-d %B %Y}" if value else ""


def short_date(value: date | datetime | None) -> str:
    return f"{value:%-d %b %Y}" if value else ""


def time_of_day(value: datetime | None) -> str:
    if not value:
        return ""
    return f"{value:%-I:%M%p}".lower().replace(":00", "")


def navigation() -> list[dict]:
    """The service navigation for the signed-in user's role, with the current section marked."""
    if not current_user.is_authenticated:
        return []
    sections = [
        ("Home", "home.index", None),
        ("Meetings", "meetings.index", Permission.READ_MEETINGS),
        ("Actions", "actions.index", Permission.READ_ACTIONS),
        ("Overdue", "actions.overdue", Permission.READ_ACTIONS),
        ("Plans", "plans.index", Permission.READ_PLANS),
        ("Reports", "reports.index", Permission.READ_REPORTS),
        ("Administration", "admin.index", Permission.ADMINISTER),
    ]
    path = request.path
    items = []
    for text, endpoint, permission in sections:
        if permission and not can(current_user, permission):
            continue
        href = url_for(endpoint)
        current = path == href
        active = current or (href != "/" and path.startswith(href.rstrip("/") + "/"))
        # /actions/overdue is its own section, not part of Actions.
        if endpoint == "actions.index" and path.startswith(url_for("actions.overdue")):
            active = False
        items.append({"text": text, "href": href, "current": current, "active": active})
    return items


def register(app: Flask) -> None:
    app.jinja_env.filters.update(
        long_date=long_date,
        weekday_date=weekday_date,
        short_date=short_date,
        time_of_day=time_of_day,
    )

    @app.context_processor
    def inject():
        return {
            "can": lambda permission: can(current_user, permission),
            "can_see_action": lambda action: can_see_action(current_user, action),
            "can_update_action": lambda action: can_update_action(current_user, action),
            "Permission": Permission,
            "navigation": navigation,
            "status_tag_class": lambda status: STATUS_TAG_CLASSES.get(status, ""),
            "service_name": app.config["SERVICE_NAME"],
        }
