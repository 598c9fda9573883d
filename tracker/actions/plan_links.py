"""Linking an action to the plan's priorities and indicators from a priority's page.

Each link or unlink is an entry in the action's history, like any other change to it.
"""

from tracker.actions import history
from tracker.actions.models import Action, UpdateKind
from tracker.kit.conflicts import save
from tracker.plans.models import Indicator, Plan, Priority


def _names(items) -> list[str]:
    return sorted(str(item) for item in items)


def link(priority: Priority, action: Action, user, indicators: list[Indicator] = ()) -> bool:
    """Link an action to a priority and (optionally) some of its indicators. False if nothing
    changed (it was linked already)."""
    before_p, before_i = _names(action.priorities), _names(action.indicators)
    if priority not in action.priorities:
        action.priorities.append(priority)
    for indicator in indicators:
        if indicator.priority_id == priority.id and indicator not in action.indicators:
            action.indicators.append(indicator)
    after_p, after_i = _names(action.priorities), _names(action.indicators)
    if (before_p, before_i) == (after_p, after_i):
        return False
    added = [f"priority {priority.title}"] if before_p != after_p else []
    added += [f"indicator {i.name}" for i in indicators if i.name not in before_i]
    changes = {}
    if before_p != after_p:
        changes["priorities"] = [before_p, after_p]
    if before_i != after_i:
        changes["indicators"] = [before_i, after_i]
    history.record(
        action, user, UpdateKind.PLAN_LINKS, "Linked to " + "; ".join(added) + ".",
        changes=changes, event="action.linked",
        summary=f"Linked {action.reference} to {priority.title}",
    )
    save()
    return True


def unlink(priority: Priority, action: Action, user) -> bool:
    """Remove an action's link to a priority and to that priority's indicators."""
    before_p, before_i = _names(action.priorities), _names(action.indicators)
    if priority in action.priorities:
        action.priorities.remove(priority)
    for indicator in [i for i in action.indicators if i.priority_id == priority.id]:
        action.indicators.remove(indicator)
    after_p, after_i = _names(action.priorities), _names(action.indicators)
    if (before_p, before_i) == (after_p, after_i):
        return False
    changes = {"priorities": [before_p, after_p]}
    if before_i != after_i:
        changes["indicators"] = [before_i, after_i]
    history.record(
        action, user, UpdateKind.PLAN_LINKS, f"Unlinked from priority {priority.title}.",
        changes=changes, event="action.unlinked",
        summary=f"Unlinked {action.reference} from {priority.title}",
    )
    save()
    return True


def carry_forward(source: Plan, copy: Plan, user) -> None:
    """Link the outstanding actions of `source`'s priorities and indicators to their copies in
    `copy` as well (each action's history says so), so work in flight follows the new version;
    the old links stay, so the old plan keeps its history. Runs inside `plans.services.copy_plan`'s
    transaction (its `carry`), which commits."""
    carried: dict[Action, list[str]] = {}
    for old, new in zip(source.priorities, copy.priorities, strict=True):
        for action in old.actions:
            if action.is_outstanding:
                action.priorities.append(new)
                carried.setdefault(action, []).append(f"priority {new.title}")
        for old_indicator, indicator in zip(old.indicators, new.indicators, strict=True):
            for action in old_indicator.actions:
                if action.is_outstanding:
                    action.indicators.append(indicator)
                    carried.setdefault(action, []).append(f"indicator {indicator.name}")
    for action, links in carried.items():
        history.record(
            action, user, UpdateKind.PLAN_LINKS,
            f"Carried into the new plan version {copy.title}: {'; '.join(links)}.",
            changes={"plan": [source.title, copy.title]},
        )
