"""From the address of a search page to what it shows: the form read and checked, a reference
recognised, the search run. The signed-in and the public pages both go through `run`."""

from dataclasses import dataclass

from tracker.kit.limits import LARGEST_PAGE
from tracker.search import finding, results, syntax
from tracker.search.forms import SearchForm, search_form

NOTHING_TO_FIND = "Enter words to search for: letters or numbers, not only punctuation"


@dataclass
class Outcome:
    form: SearchForm
    text: str = ""
    found: results.Found | None = None
    # The action a reference names, when the reader may see it: the page sends them there.
    action_id: int | None = None


def run(args, user, meeting_types) -> Outcome:
    """The search `args` ask for, as `user` (None: the public) may see it."""
    search_kinds = finding.PUBLIC_KINDS if user is None else finding.Search("", user).kinds()
    form = search_form(args, search_kinds, meeting_types)
    text = (form.q.data or "").strip()
    outcome = Outcome(form, text)
    if not text or not form.validate():
        return outcome
    if user is not None and (reference := finding.reference_of(text)):
        outcome.action_id = finding.action_with_reference(reference, user)
        if outcome.action_id is not None:
            return outcome
    groups = syntax.parse(text)
    if not groups:
        form.q.errors = [NOTHING_TO_FIND]
        return outcome
    type_ids = {meeting_type.id for meeting_type in meeting_types}
    chosen_type = args.get("type", type=int)
    kind = form.kind.data if form.kind.data in {k.value for k in search_kinds} else None
    search = finding.Search(
        text,
        user,
        kind=kind,
        meeting_type_id=chosen_type if chosen_type in type_ids else None,
        since=form.since.data,
        until=form.until.data,
    )
    page_number = args.get("page", 1, type=int)
    page_number = page_number if page_number and 1 <= page_number <= LARGEST_PAGE else 1
    outcome.found = results.find(search, groups, page_number)
    return outcome
