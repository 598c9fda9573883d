"""An action's history: every change to an action goes through `record`, which keeps who did what
and when in the action's timeline and in the audit log, in the caller's transaction.

Each entry is also published as the `action.recorded` event (kit.events), so that what follows
from a change (an email to the lead, say) is added to the same transaction without this domain
knowing about it.
"""

from tracker import audit
from tracker.actions.models import Action, ActionUpdate, UpdateKind
from tracker.extensions import db
from tracker.kit import events
from tracker.kit.dates import utcnow


def record(
    action: Action,
    user,
    kind: UpdateKind,
    note: str = "",
    *,
    event: str | None = None,
    summary: str | None = None,
    audit_detail: dict | None = None,
    **fields,
) -> ActionUpdate:
    """Add an entry of `kind` to the action's history, and the matching audit entry.

    `fields` are the entry's own (old_status, new_status, evidence_url, changes). The audit entry
    is `action.<kind>` unless `event` says otherwise.
    """
    entry = ActionUpdate(
        action=action, author_id=getattr(user, "id", None), kind=kind, note=note, **fields
    )
    db.session.add(entry)
    # Touch the action so its version moves on even when only its history grows.
    action.updated_at = utcnow()
    if action.id is None:  # a new action: the audit entry needs its id
        db.session.flush()
    detail = {key: value for key, value in fields.items() if value not in (None, "", {})}
    audit.record(
        user,
        event or f"action.{kind}",
        action,
        summary or f"{UpdateKind.label_of(kind)}: {action.reference}",
        note=note,
        **detail,
        **(audit_detail or {}),
    )
    events.publish("action.recorded", entry=entry, user=user)
    return entry
