"""What people do to an action once it is raised: update it, sign it off, edit it, set it aside.

Each function checks that the user may make the change, changes one action, adds an entry to its
history (who, when, what changed) with its audit entry, and commits: one transaction. Every change
bumps the action's version, so a change made from a page opened before someone else's is refused
(`ActionChanged`, kit.conflicts) rather than silently written over theirs.
"""

from datetime import date

from tracker.actions import history
from tracker.actions.models import Action, ActionStatus, ActionUpdate, UpdateKind
from tracker.auth.permissions import Permission, can, can_update_action
from tracker.kit.conflicts import ChangedMeanwhile, reconcile, save
from tracker.kit.dates import today

# The statuses a lead may move their action to; only the DMPC closes an action.
LEAD_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.AWAITING_SIGN_OFF)
SET_ASIDE_STATUSES = (ActionStatus.SUPERSEDED, ActionStatus.DROPPED)


class ActionError(Exception):
    """A change the action's current state does not allow; the message is for the user, and
    `field` names the form field it concerns, where there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotAllowed(ActionError):
    """The user may not make this change to this action."""


# Someone else changed the action after the user opened it (kit.conflicts): any change counts,
# since an action's forms edit its state, not fields of it.
ActionChanged = ChangedMeanwhile


def check_version(action: Action, seen_version: int | None) -> None:
    """Refuse a change made from a page showing an older version of the action."""
    reconcile(action, seen_version)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _require_outstanding(action: Action) -> None:
    if not action.is_outstanding:
        raise ActionError(
            f"This action is {action.status_label.lower()}; it can no longer be changed."
        )


def require_can_update(user, action: Action) -> None:
    """A progress update is for the owning organisation's lead, or the secretariat for them."""
    if not can_update_action(user, action):
        raise NotAllowed("You can only update actions your organisation owns.")


def add_update(
    action: Action,
    user,
    *,
    note: str,
    status: str,
    evidence_url: str = "",
    requested_due_on: date | None = None,
    reason: str = "",
    seen_version: int | None = None,
) -> ActionUpdate:
    """A progress update by the owning organisation's lead (or the secretariat for them).

    It may move the status between open, in progress and completed – awaiting sign-off, link to
    evidence, and ask for a new due date with a reason (decided by the DMPC).
    """
    require_can_update(user, action)
    check_version(action, seen_version)
    _require_outstanding(action)
    if status not in LEAD_STATUSES:
        raise ActionError("Only the Deputy Mayor can close an action.")
    if not note.strip():
        raise ActionError("Enter a progress update.")
    if requested_due_on is not None and not reason.strip():
        raise ActionError("Give a reason for the new due date.")
    old_status = action.status
    changes = {}
    if requested_due_on is not None:
        changes["requested_due_on"] = [_iso(action.requested_due_on), _iso(requested_due_on)]
        action.requested_due_on = requested_due_on
        action.requested_due_reason = reason.strip()
    action.status = status
    entry = history.record(
        action,
        user,
        UpdateKind.EXTENSION_REQUEST if requested_due_on else UpdateKind.UPDATE,
        note.strip(),
        old_status=old_status if status != old_status else None,
        new_status=status if status != old_status else None,
        evidence_url=evidence_url.strip(),
        changes=changes,
    )
    save()
    return entry


def _require_sign_off(user) -> None:
    if not can(user, Permission.SIGN_OFF_ACTIONS):
        raise NotAllowed("Only the Deputy Mayor can sign off actions.")


def sign_off(
    action: Action, user, *, note: str = "", seen_version: int | None = None
) -> ActionUpdate:
    """The DMPC accepts a completed action: it is closed from today and no longer overdue."""
    _require_sign_off(user)
    check_version(action, seen_version)
    if action.status != ActionStatus.AWAITING_SIGN_OFF:
        raise ActionError("Only an action completed and awaiting sign-off can be signed off.")
    action.status = ActionStatus.CLOSED
    action.closed_on = today()
    # A pending request for more time means nothing once the action is closed.
    action.requested_due_on = None
    action.requested_due_reason = ""
    entry = history.record(
        action,
        user,
        UpdateKind.SIGN_OFF,
        note.strip(),
        old_status=ActionStatus.AWAITING_SIGN_OFF,
        new_status=ActionStatus.CLOSED,
    )
    save()
    return entry


def send_back(
    action: Action,
    user,
    *,
    note: str,
    due_on: date | None = None,
    seen_version: int | None = None,
) -> ActionUpdate:
    """The DMPC does not accept a completed action: it goes back to in progress, with her note."""
    _require_sign_off(user)
    check_version(action, seen_version)
    if action.status != ActionStatus.AWAITING_SIGN_OFF:
        raise ActionError("Only an action completed and awaiting sign-off can be sent back.")
    if not note.strip():
        raise ActionError("Say why the action is being sent back.")
    changes = {}
    if due_on is not None and due_on != action.due_on:
        changes["due_on"] = [_iso(action.due_on), _iso(due_on)]
        action.due_on = due_on
    action.status = ActionStatus.IN_PROGRESS
    entry = history.record(
        action,
        user,
        UpdateKind.SENT_BACK,
        note.strip(),
        old_status=ActionStatus.AWAITING_SIGN_OFF,
        new_status=ActionStatus.IN_PROGRESS,
        changes=changes,
    )
    save()
    return entry


def decide_extension(
    action: Action,
    user,
    *,
    accept: bool,
    note: str = "",
    seen_version: int | None = None,
) -> ActionUpdate:
    """The DMPC accepts or refuses a lead's request for more time; only acceptance moves the date."""
    _require_sign_off(user)
    check_version(action, seen_version)
    if action.requested_due_on is None:
        raise ActionError("There is no request for more time on this action.")
    _require_outstanding(action)
    if not accept and not note.strip():
        raise ActionError("Say why more time is refused.")
    changes = {"requested_due_on": [_iso(action.requested_due_on), None]}
    if accept:
        changes["due_on"] = [_iso(action.due_on), _iso(action.requested_due_on)]
        action.due_on = action.requested_due_on
    action.requested_due_on = None
    action.requested_due_reason = ""
    kind = UpdateKind.EXTENSION_ACCEPTED if accept else UpdateKind.EXTENSION_REFUSED
    entry = history.record(action, user, kind, note.strip(), changes=changes)
    save()
    return entry


def _names(records) -> list[str]:
    return sorted(str(record) for record in records)


def edit(
    action: Action,
    user,
    *,
    text: str,
    owner,
    lead,
    due_on: date | None,
    priorities: list,
    indicators: list,
    confidential: bool,
    recurring: bool,
    note: str = "",
    seen_version: int | None = None,
) -> ActionUpdate | None:
    """The secretariat corrects an action; each changed field is kept in its history as old → new.

    Returns None (and records nothing) when nothing changed.
    """
    if not can(user, Permission.EDIT_ACTIONS):
        raise NotAllowed("Only the secretariat can edit actions.")
    check_version(action, seen_version)
    if not text.strip():
        raise ActionError("Enter the action.")
    if lead is not None and lead.organisation_id != owner.id:
        raise ActionError(
            f"{lead.name} does not work for {owner.name}: choose a lead from the owner", "lead"
        )
    changes: dict[str, list] = {}

    def change(name: str, old, new, shown=lambda value: value) -> None:
        if old != new:
            changes[name] = [shown(old), shown(new)]

    change("text", action.text, text.strip())
    change("owner", action.owner, owner, lambda org: org.name if org else None)
    change("lead", action.lead, lead, lambda person: person.name if person else None)
    change("due_on", action.due_on, due_on, _iso)
    change("priorities", _names(action.priorities), _names(priorities))
    change("indicators", _names(action.indicators), _names(indicators))
    change("confidential", action.confidential, confidential)
    change("recurring", action.recurring, recurring)
    if not changes:
        return None
    action.text = text.strip()
    action.owner = owner
    action.lead = lead
    action.due_on = due_on
    action.priorities = list(priorities)
    action.indicators = list(indicators)
    action.confidential = confidential
    action.recurring = recurring
    entry = history.record(action, user, UpdateKind.EDIT, note.strip(), changes=changes)
    save()
    return entry


def set_aside(
    action: Action,
    user,
    *,
    status: str,
    reason: str,
    seen_version: int | None = None,
) -> ActionUpdate:
    """The secretariat marks an action superseded or dropped, with the reason why."""
    if not can(user, Permission.EDIT_ACTIONS):
        raise NotAllowed("Only the secretariat can mark an action superseded or dropped.")
    check_version(action, seen_version)
    if status not in SET_ASIDE_STATUSES:
        raise ActionError("Choose superseded or dropped.")
    _require_outstanding(action)
    if not reason.strip():
        raise ActionError("Give the reason.")
    old_status = action.status
    action.status = status
    action.status_reason = reason.strip()
    action.requested_due_on = None
    action.requested_due_reason = ""
    kind = UpdateKind.SUPERSEDED if status == ActionStatus.SUPERSEDED else UpdateKind.DROPPED
    entry = history.record(action, user, kind, reason.strip(), old_status=old_status, new_status=status)
    save()
    return entry
