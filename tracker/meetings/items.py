"""Changes to agenda items: add, edit (with a check for someone else's edit), move, remove. Each is
a change to the minutes (see `lifecycle.note_change`) and one transaction."""

from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.conflicts import reconcile, save
from tracker.meetings import agenda
from tracker.meetings.lifecycle import MinutesError, note_change
from tracker.meetings.models import AgendaItem, Meeting, PaperLink


def _renumber(meeting: Meeting) -> None:
    for position, item in enumerate(meeting.agenda_items):
        if item.position != position:
            item.position = position


def _item_content(item: AgendaItem) -> dict:
    return {
        "title": item.title,
        "presenter": item.presenter.name if item.presenter else None,
        "notes": item.notes,
        "papers": [[paper.title, paper.url] for paper in item.papers],
    }


def add_item(
    meeting: Meeting,
    user,
    *,
    title: str,
    presenter: Person | None = None,
    notes: str = "",
    papers: list[tuple[str, str]] = (),
    index: int | None = None,
    reason: str = "",
) -> AgendaItem:
    """Add an item at `index` (0-based; default: before the closing items)."""
    if index is None:
        index = agenda.insertion_index([item.title for item in meeting.agenda_items])
    index = max(0, min(index, len(meeting.agenda_items)))
    item = AgendaItem(title=title.strip(), presenter=presenter, notes=notes)
    item.papers = [PaperLink(position=n, title=t, url=u) for n, (t, u) in enumerate(papers)]
    meeting.agenda_items.insert(index, item)
    _renumber(meeting)
    db.session.flush()
    note_change(
        meeting, user, "agenda.item_added", f"Added item {item.number}: {item.title}", reason,
        entity=item, after=_item_content(item),
    )
    save()
    return item


def update_item(
    item: AgendaItem,
    user,
    *,
    title: str,
    presenter: Person | None,
    notes: str,
    papers: list[tuple[str, str]],
    seen_version: int | None,
    shown: dict | None = None,
    reason: str = "",
) -> bool:
    """Save an item as edited, keeping what someone else changed meanwhile in the fields this
    person left alone; `ChangedMeanwhile` (nothing saved) where both changed the same field.

    Moving other items renumbers this one (a new version) without changing what it says.
    """
    values = reconcile(item, seen_version, shown, {
        "title": title.strip(),
        "presenter_id": presenter.id if presenter else None,
        "notes": notes,
        "paper_links": [list(paper) for paper in papers],
    })
    before = _item_content(item)
    item.title = values["title"]
    item.presenter = db.session.get(Person, values["presenter_id"]) if values["presenter_id"] else None
    item.notes = values["notes"]
    if item.paper_links != values["paper_links"]:
        item.papers = [
            PaperLink(position=n, title=t, url=u) for n, (t, u) in enumerate(values["paper_links"])
        ]
    after = _item_content(item)
    if before == after:
        return False
    changed = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
    note_change(
        item.meeting, user, "agenda.item_changed", f"Changed item {item.number}: {item.title}",
        reason, entity=item, changes=changed,
    )
    save()
    return True


def move_item(item: AgendaItem, user, direction: str, reason: str = "") -> bool:
    """Move an item one place up or down the agenda. Returns False at either end."""
    items = item.meeting.agenda_items
    index = items.index(item)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= target < len(items):
        return False
    _renumber(item.meeting)
    # Swap positions, then re-sort in place: reassigning list slots would orphan (delete) an item.
    item.position, items[target].position = items[target].position, item.position
    items.sort(key=lambda each: each.position)
    note_change(
        item.meeting, user, "agenda.item_moved",
        f"Moved “{item.title}” {direction} to item {target + 1}", reason, entity=item,
    )
    save()
    return True


def remove_item(item: AgendaItem, user, reason: str = "") -> None:
    """Take an item off the agenda. Items with actions stay: the actions refer to them."""
    if item.actions:
        references = ", ".join(action.reference for action in item.actions)
        raise MinutesError(
            f"Item {item.number} cannot be removed: actions have been raised under it ({references})."
        )
    meeting = item.meeting
    content = _item_content(item)
    number = item.number
    meeting.agenda_items.remove(item)
    _renumber(meeting)
    note_change(
        meeting, user, "agenda.item_removed", f"Removed item {number}: {content['title']}",
        reason, before=content,
    )
    save()
