"""Who may do what: the one place the tracker decides it, applied by `permission_required`.

Views declare the permission a route needs; per-record rules (a lead and their organisation's
actions, confidential actions) live in the `can_*` functions below, used by views and templates.
"""

from enum import StrEnum
from functools import wraps

from flask import abort
from flask_login import current_user

from tracker.auth.models import Role


class Permission(StrEnum):
    READ_MEETINGS = "read_meetings"
    EDIT_MEETINGS = "edit_meetings"
    READ_ACTIONS = "read_actions"
    READ_CONFIDENTIAL = "read_confidential"
    UPDATE_OWN_ACTIONS = "update_own_actions"
    EDIT_ACTIONS = "edit_actions"
    SIGN_OFF_ACTIONS = "sign_off_actions"
    READ_PLANS = "read_plans"
    EDIT_PLANS = "edit_plans"
    READ_REPORTS = "read_reports"
    ADMINISTER = "administer"


_READ = {
    Permission.READ_MEETINGS,
    Permission.READ_ACTIONS,
    Permission.READ_PLANS,
    Permission.READ_REPORTS,
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(
        _READ
        | {
            Permission.READ_CONFIDENTIAL,
            Permission.EDIT_MEETINGS,
            Permission.EDIT_ACTIONS,
            Permission.EDIT_PLANS,
            Permission.ADMINISTER,
        }
    ),
    Role.SECRETARIAT: frozenset(
        _READ
        | {
            Permission.READ_CONFIDENTIAL,
            Permission.EDIT_MEETINGS,
            Permission.EDIT_ACTIONS,
            Permission.EDIT_PLANS,
        }
    ),
    # A lead reads the register and updates their own organisation's actions, nothing more.
    Role.LEAD: frozenset(_READ | {Permission.UPDATE_OWN_ACTIONS}),
    Role.EXECUTIVE: frozenset(
        _READ | {Permission.READ_CONFIDENTIAL, Permission.SIGN_OFF_ACTIONS}
    ),
    Role.VIEWER: frozenset(_READ),
}


def can(user, permission: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def permission_required(permission: str):
    """Refuse the route with 401 (sign in) or 403 unless the user holds `permission`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from tracker.extensions import login_manager

                return login_manager.unauthorized()
            if not can(current_user, permission):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def owns_action(user, action) -> bool:
    """A lead's organisation owns the action."""
    org = getattr(user, "organisation", None)
    return org is not None and action.owner_id == org.id


def can_see_action(user, action) -> bool:
    if not can(user, Permission.READ_ACTIONS):
        return False
    if not action.confidential:
        return True
    return can(user, Permission.READ_CONFIDENTIAL) or (
        can(user, Permission.UPDATE_OWN_ACTIONS) and owns_action(user, action)
    )


def can_update_action(user, action) -> bool:
    """Add a progress update: the owning organisation's lead, or the secretariat on their behalf."""
    if can(user, Permission.EDIT_ACTIONS):
        return True
    return can(user, Permission.UPDATE_OWN_ACTIONS) and owns_action(user, action)
