"""Everything the templates share, registered in one place: filters for dates, statuses, history
entries and notes, and globals for permissions, navigation, charts and POST buttons.
"""

from flask import Flask, current_app, request, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from tracker.actions import queries as action_queries
from tracker.actions.display import change_field, change_value
from tracker.actions.models import ActionStatus
from tracker.auth.permissions import Permission, can, can_see_action, can_update_action
from tracker.kit import dates
from tracker.kit.lettering import letters
from tracker.meetings.notes import to_html
from tracker.plans.charts import has_figures as chart_has_figures
from tracker.plans.charts import svg as chart_svg
from tracker.plans.models import PlanStatus, Rating

# GOV.UK tag colours for every status the pages show; the word is always shown too.
TAG_CLASSES = {
    # actions
    "open": "govuk-tag--blue",
    "in_progress": "govuk-tag--light-blue",
    "awaiting_sign_off": "govuk-tag--yellow",
    "closed": "govuk-tag--green",
    "superseded": "govuk-tag--grey",
    "dropped": "govuk-tag--grey",
    # minutes and plans
    "draft": "govuk-tag--grey",
    "approved": "govuk-tag--blue",
    "published": "govuk-tag--green",
    "current": "govuk-tag--green",
    "archived": "govuk-tag--grey",
    # messages in the outbox
    "queued": "govuk-tag--blue",
    "sending": "govuk-tag--light-blue",
    "sent": "govuk-tag--green",
    "failed": "govuk-tag--red",
    # API tokens
    "active": "govuk-tag--green",
    "expired": "govuk-tag--grey",
    "revoked": "govuk-tag--red",
    # ratings
    "red": "govuk-tag--red",
    "amber": "govuk-tag--yellow",
    "green": "govuk-tag--green",
}


def status_tag(status: str | None) -> str:
    """The GOV.UK tag class for a status or rating."""
    return TAG_CLASSES.get(status or "", "")


def capped_count(count: int) -> str:
    """A count from `capped_counts`, as a page says it: "more than 10,000" past the cap."""
    if count > action_queries.COUNT_CAP:
        return f"more than {action_queries.COUNT_CAP:,}"
    return f"{count:,}"


FILTERS = {
    "capped_count": capped_count,
    "long_date": dates.long_date,
    "weekday_date": dates.weekday_date,
    "short_date": dates.short_date,
    "time_of_day": dates.time_of_day,
    "uk_datetime": dates.uk_datetime,
    "uk_short_date": dates.uk_short_date,
    "iso_datetime": dates.iso_datetime,
    "audit_time": dates.uk_datetime_short,
    "status_tag": status_tag,
    "status_label": ActionStatus.label_of,
    "change_field": change_field,
    "change_value": change_value,
    "notes": to_html,
    "letter": letters,
}


SERVICE_NAVIGATION = "govuk_frontend_jinja/components/service-navigation/macro.html"
# The service navigation's sections, and the permission each needs.
SECTIONS = (
    ("Home", "home.index", None),
    ("Meetings", "meetings.index", Permission.READ_MEETINGS),
    ("Actions", "actions.index", Permission.READ_ACTIONS),
    ("Overdue", "actions.overdue", Permission.READ_ACTIONS),
    ("Plans", "plans.index", Permission.READ_PLANS),
    ("Reports", "reports.index", Permission.READ_REPORTS),
    ("Administration", "admin.index", Permission.ADMINISTER),
)


def _sections(role: str) -> tuple[tuple[str, str, str], ...]:
    """(text, endpoint, href) of the sections `role` may see: the same on every page, so worked out
    once per role and path prefix (url_for on every page was a tenth of the register's rendering)."""
    cache = current_app.extensions.setdefault("navigation", {})
    key = (role, request.script_root)
    if key not in cache:
        cache[key] = tuple(
            (text, endpoint, url_for(endpoint))
            for text, endpoint, permission in SECTIONS
            if not permission or can(current_user, permission)
        )
    return cache[key]


def navigation() -> list[dict]:
    """The service navigation for the signed-in user's role, with the current section marked."""
    if not current_user.is_authenticated:
        return []
    path = request.path
    sections = _sections(current_user.role)
    overdue = next((href for _, endpoint, href in sections if endpoint == "actions.overdue"), None)
    items = []
    for text, endpoint, href in sections:
        current = path == href
        active = current or (href != "/" and path.startswith(href.rstrip("/") + "/"))
        # /actions/overdue is its own section, not part of Actions.
        if endpoint == "actions.index" and overdue and path.startswith(overdue):
            active = False
        items.append({"text": text, "href": href, "current": current, "active": active})
    return items


def service_navigation(items: list[dict]) -> Markup:
    """GOV.UK's service navigation of `items` (from `navigation`), rendered once for each way the
    sections can be marked: a role has a dozen at most, and every page shows one."""
    cache = current_app.extensions.setdefault("service_navigation", {})
    key = tuple((item["text"], item["href"], item["current"], item["active"]) for item in items)
    if key not in cache:
        macro = current_app.jinja_env.get_template(SERVICE_NAVIGATION).module.govukServiceNavigation
        cache[key] = Markup(macro({"navigation": items, "navigationLabel": "Main menu"}))
    return cache[key]


def csrf_input() -> Markup:
    """A POST button's hidden CSRF field, as ConfirmForm renders it, without building a form: the
    header's sign-out button is on every page."""
    config = current_app.config
    if not config.get("WTF_CSRF_ENABLED", True):
        return Markup("")
    name = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    return Markup('<input name="{}" type="hidden" value="{}">').format(name, generate_csrf())


def register(app: Flask) -> None:
    app.jinja_env.filters.update(FILTERS)
    # A global, not a context variable, so that imported macros (post_button) can use it.
    app.jinja_env.globals["csrf_input"] = csrf_input

    @app.context_processor
    def inject():
        return {
            "can": lambda permission: can(current_user, permission),
            "can_see_action": lambda action: can_see_action(current_user, action),
            "can_update_action": lambda action: can_update_action(current_user, action),
            "Permission": Permission,
            "navigation": navigation,
            "service_navigation": service_navigation,
            "service_name": app.config["SERVICE_NAME"],
            "rating_label": Rating.label_of,
            "plan_status_label": PlanStatus.label_of,
            "chart_svg": chart_svg,
            "chart_has_figures": chart_has_figures,
        }
