"""The action register: what it shows, its filters and sorts (kept in the URL), and its pages."""

import html
import re
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.actions.helpers import make_action, meeting_type
from tests.factories import AgendaItemFactory, MeetingFactory, OrganisationFactory, PersonFactory
from tests.pages import options_of, references_in, text_of
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.actions.models import ActionStatus, ActionUpdate, UpdateKind
from tracker.extensions import db
from tracker.kit.dates import long_date, today

TODAY = today()


@pytest.fixture
def register(users):
    """Six actions that differ in one thing each, named by what they are for."""
    wyp = users["lead"].organisation
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    jem = AgendaItemFactory(
        title="Finance",
        meeting=MeetingFactory(
            meeting_type=meeting_type("JEM"), starts_at=datetime(2023, 11, 21, 10)
        ),
    )
    priority = PriorityFactory(title="Keeping People Safe")
    indicator = IndicatorFactory(name="ASB incidents", priority=priority)
    db.session.commit()
    actions = {
        "overdue": make_action(
            wyp,
            reference="COM-2023-10-04a",
            text="WYP to analyse complaints.",
            due_on=TODAY - timedelta(days=30),
            status=ActionStatus.IN_PROGRESS,
            updates=[(date(2024, 2, 19), "First cut done.")],
        ),
        "due_soon": make_action(
            wyp,
            reference="COM-2023-10-05a",
            text="WYP to consult Carr Manor.",
            due_on=TODAY + timedelta(days=5),
        ),
        "kirklees": make_action(
            kirklees,
            reference="COM-2023-10-07a",
            text="Kirklees to report on PACT.",
            due_on=TODAY + timedelta(days=60),
            lead=PersonFactory(name="Jo Kirk", organisation=kirklees),
        ),
        "closed": make_action(
            wyp,
            reference="COM-2023-10-07b",
            text="WYP to send figures.",
            due_on=TODAY - timedelta(days=90),
            status=ActionStatus.CLOSED,
            closed_on=TODAY - timedelta(days=80),
        ),
        "jem": make_action(
            wyp,
            reference="JEM-2023-11-03a",
            text="WYP to brief on finance.",
            meeting=jem.meeting,
            agenda_item=jem,
            due_on=TODAY - timedelta(days=2),
            status=ActionStatus.AWAITING_SIGN_OFF,
        ),
        "linked": make_action(wyp, reference="DQ-2024-01-03a", text="WYP to cut ASB.", due_on=None),
    }
    actions["linked"].priorities.append(priority)
    actions["linked"].indicators.append(indicator)
    db.session.commit()
    return actions | {
        "priority": priority,
        "indicator": indicator,
        "kirklees_org": kirklees,
        "jem_meeting": jem.meeting,
    }


def listed(browser, query: str = "") -> list[str]:
    response = browser.get(f"/actions{query}")
    assert response.status_code == 200, query
    return references_in(response)


def test_register_shows_each_actions_details(browser_as, register):
    page = text_of(browser_as("viewer").get("/actions"))
    for shown in (
        "COM-2023-10-04a",
        "WYP to analyse complaints.",
        "WYP",
        register["overdue"].lead.name,
        "COM 10 Oct 2023, item",
        "30 days overdue",
        "In progress",
        "19 Feb 2024:",
        "First cut done.",
        "JEM 21 Nov 2023, item",
        "Completed – awaiting sign-off",
        "No date",
        "No update yet",
    ):
        assert shown in page, shown


def test_register_lists_soonest_due_first_and_undated_last(browser_as, register):
    assert listed(browser_as("viewer")) == [
        "COM-2023-10-07b",
        "COM-2023-10-04a",
        "JEM-2023-11-03a",
        "COM-2023-10-05a",
        "COM-2023-10-07a",
        "DQ-2024-01-03a",
    ]


def test_sort_by_days_overdue_and_by_reference(browser_as, register):
    viewer = browser_as("viewer")
    # Closed actions are never overdue, however old their due date.
    assert listed(viewer, "?sort=overdue")[:2] == ["COM-2023-10-04a", "JEM-2023-11-03a"]
    assert listed(viewer, "?sort=reference") == sorted(listed(viewer, "?sort=reference"))


@pytest.mark.parametrize(
    "query,expected",
    [
        (
            "?status=outstanding",
            {
                "COM-2023-10-04a",
                "COM-2023-10-05a",
                "COM-2023-10-07a",
                "JEM-2023-11-03a",
                "DQ-2024-01-03a",
            },
        ),
        ("?status=closed", {"COM-2023-10-07b"}),
        ("?status=awaiting_sign_off", {"JEM-2023-11-03a"}),
        ("?due=overdue", {"COM-2023-10-04a", "JEM-2023-11-03a"}),
        ("?due=within&days=7", {"COM-2023-10-05a"}),
        ("?due=within&days=90", {"COM-2023-10-05a", "COM-2023-10-07a"}),
        ("?q=carr+manor", {"COM-2023-10-05a"}),
        ("?q=jem-2023", {"JEM-2023-11-03a"}),
        ("?q=100%25", set()),
        ("?q=complaints&status=closed", set()),
    ],
)
def test_filters(browser_as, register, query, expected):
    assert set(listed(browser_as("viewer"), query)) == expected


def test_filters_by_owner_lead_meeting_type_meeting_priority_and_indicator(browser_as, register):
    viewer = browser_as("viewer")
    jem_type = register["jem_meeting"].meeting_type_id
    assert listed(viewer, f"?owner={register['kirklees_org'].id}") == ["COM-2023-10-07a"]
    assert listed(viewer, f"?lead={register['kirklees'].lead_id}") == ["COM-2023-10-07a"]
    assert listed(viewer, f"?meeting_type={jem_type}") == ["JEM-2023-11-03a"]
    assert listed(viewer, f"?meeting={register['jem_meeting'].id}") == ["JEM-2023-11-03a"]
    assert listed(viewer, f"?priority={register['priority'].id}") == ["DQ-2024-01-03a"]
    assert listed(viewer, f"?indicator={register['indicator'].id}") == ["DQ-2024-01-03a"]


def test_the_filter_form_shows_the_filters_in_use(browser_as, register):
    page = text_of(
        browser_as("viewer").get(f"/actions?owner={register['kirklees_org'].id}&q=pact&due=overdue")
    )
    assert (
        f'<option value="{register["kirklees_org"].id}" selected>Kirklees Council</option>' in page
    )
    assert 'value="pact"' in page
    assert "Clear filters" in page
    assert "No actions match your filters" in page


def test_a_filter_value_that_is_not_offered_is_reported_not_a_crash(browser_as, register):
    response = browser_as("viewer").get("/actions?owner=999999&status=bogus&days=abc&sort=sideways")
    assert response.status_code == 200
    assert "govuk-error-summary" in text_of(response)
    assert len(references_in(response)) == 6  # the wrong filters are left out


def page_link(response, rel: str) -> str | None:
    """The address of the GOV.UK pagination's "previous" or "next" link, or None."""
    found = re.search(
        rf'govuk-pagination__{rel}">\s*<a class="govuk-link govuk-pagination__link" href="([^"]+)"',
        text_of(response),
    )
    return html.unescape(found.group(1)) if found else None


@pytest.mark.parametrize("sort", ["reference", "due", "overdue"])
def test_pages_keep_the_filters_and_go_back_and_forth(app, browser_as, register, sort):
    for n in range(30):
        make_action(reference=f"COM-2024-02-{n:02d}a", due_on=TODAY + timedelta(days=200 + n))
    make_action(reference="COM-2024-03-01a", due_on=None)
    viewer = browser_as("viewer")
    first = viewer.get(f"/actions?status=outstanding&sort={sort}")
    assert len(references_in(first)) == app.config["PER_PAGE"]
    assert page_link(first, "prev") is None
    following = page_link(first, "next")
    assert "after=" in following and "status=outstanding" in following
    second = viewer.get(following)
    assert set(references_in(second)).isdisjoint(references_in(first))
    assert len(references_in(first)) + len(references_in(second)) == 36
    assert page_link(second, "next") is None
    assert references_in(viewer.get(page_link(second, "prev"))) == references_in(first)


def test_a_bookmarked_page_number_still_shows_that_page(browser_as, register):
    for n in range(30):
        make_action(reference=f"COM-2024-02-{n:02d}a", due_on=TODAY + timedelta(days=200 + n))
    viewer = browser_as("viewer")
    first = references_in(viewer.get("/actions?status=outstanding&sort=reference"))
    second = viewer.get("/actions?status=outstanding&sort=reference&page=2")
    assert len(first) + len(references_in(second)) == 35
    assert set(references_in(second)).isdisjoint(first)
    # From there on, pages go by cursor: back to the first page, and on.
    back = page_link(second, "prev")
    assert "before=" in back and references_in(viewer.get(back)) == first
    # Past the end, the first page rather than an empty one.
    assert references_in(viewer.get("/actions?page=999")) == references_in(viewer.get("/actions"))
    assert viewer.get("/actions?after=nonsense&before=~&sort=overdue").status_code == 200


def test_a_count_past_the_cap_is_said_not_counted(app, monkeypatch, browser_as, register):
    monkeypatch.setattr("tracker.actions.register.COUNT_CAP", 4)
    page = text_of(browser_as("viewer").get("/actions"))
    assert "More than 4 actions" in page
    assert "6 actions" not in page


def test_past_the_cap_the_pages_still_reach_every_action(app, monkeypatch, browser_as, register):
    for n in range(30):
        make_action(reference=f"COM-2024-02-{n:02d}a", due_on=TODAY + timedelta(days=200 + n))
    monkeypatch.setattr("tracker.actions.register.COUNT_CAP", 4)
    viewer = browser_as("viewer")
    first = viewer.get("/actions?sort=reference")
    assert "More than 4 actions, 25 to a page" in text_of(first)
    second = viewer.get(page_link(first, "next"))
    assert "More than 4 actions" in text_of(second)
    seen = references_in(first) + references_in(second)
    assert len(seen) == len(set(seen)) == 36
    assert page_link(second, "next") is None


def test_leads_are_offered_once_an_owner_is_chosen(browser_as, register):
    viewer = browser_as("viewer")
    lead = "Jo Kirk (KC)"
    assert lead not in text_of(viewer.get("/actions"))
    assert lead in text_of(viewer.get(f"/actions?owner={register['kirklees_org'].id}"))
    # A bookmark naming the lead keeps it.
    assert lead in text_of(viewer.get(f"/actions?lead={register['kirklees'].lead_id}"))


def test_meetings_are_offered_by_type_and_year(browser_as, register):
    viewer = browser_as("viewer")
    meeting = register["jem_meeting"]
    label = f">JEM {long_date(meeting.starts_at)}<"
    assert label not in text_of(viewer.get("/actions"))
    chosen = f"/actions?meeting_type={meeting.meeting_type_id}&year={meeting.starts_at.year}"
    assert label in text_of(viewer.get(chosen))
    assert label not in text_of(viewer.get(chosen.replace(str(meeting.starts_at.year), "2019")))


def test_confidential_actions_only_for_those_who_may_see_them(browser_as, register):
    make_action(register["kirklees_org"], reference="COM-2023-10-08a", confidential=True)
    make_action(reference="COM-2023-10-08b", confidential=True)  # WYP's own
    assert not {"COM-2023-10-08a", "COM-2023-10-08b"} & set(listed(browser_as("viewer")))
    assert {"COM-2023-10-08a", "COM-2023-10-08b"} <= set(listed(browser_as("executive")))
    lead_sees = set(listed(browser_as("lead")))
    assert "COM-2023-10-08b" in lead_sees and "COM-2023-10-08a" not in lead_sees
    assert "COM-2023-10-08a" not in set(listed(browser_as("viewer"), "?q=08a"))


def test_latest_update_is_the_newest_note(browser_as, register):
    make_action(
        reference="COM-2023-10-09a",
        updates=[(date(2024, 1, 22), "Older note."), (date(2024, 2, 2), "Newest note.")],
    )
    page = text_of(browser_as("viewer").get("/actions?q=2023-10-09a"))
    assert "Newest note." in page and "Older note." not in page


def test_an_update_made_just_after_midnight_uk_time_carries_the_uk_date(browser_as, register):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    action = make_action(reference="COM-2023-10-10a")
    from tracker.actions.models import ActionUpdate

    db.session.add(
        ActionUpdate(
            action=action, note="Late note.", created_at=datetime(2024, 6, 30, 23, 30, tzinfo=UTC)
        )
    )
    db.session.commit()
    assert "1 Jul 2024:" in text_of(browser_as("viewer").get("/actions?q=2023-10-10a"))


def test_an_action_shows_the_number_of_the_item_it_was_raised_at_as_the_agenda_now_stands(
    browser_as, register
):
    meeting = MeetingFactory(meeting_type=meeting_type("COM"), starts_at=datetime(2023, 12, 5, 10))
    first, second, third = (
        AgendaItemFactory(meeting=meeting, position=n, title=f"Item {n}") for n in range(3)
    )
    make_action(reference="COM-2023-12-03a", meeting=meeting, agenda_item=third, due_on=TODAY)
    viewer = browser_as("viewer")
    assert "COM 5 Dec 2023, item 3" in text_of(viewer.get("/actions"))
    # The third item moved to the top of the agenda: it is item 1 now, wherever the list is shown.
    third.position, first.position, second.position = 0, 1, 2
    db.session.commit()
    page = text_of(viewer.get("/actions"))
    assert "COM 5 Dec 2023, item 1" in page
    assert "COM 5 Dec 2023, item 3" not in page
    assert "COM 5 Dec 2023, item 1" in text_of(browser_as("secretariat").get("/"))


def test_the_latest_entry_says_what_it_is_and_who_made_it(browser_as, register, users):
    from tests.factories import UserFactory
    from tracker.actions.models import ActionUpdate, UpdateKind

    no_person = UserFactory(username="clerk", person=None)
    entries = {
        "COM-2023-10-11a": (UpdateKind.EXTENSION_REFUSED, users["executive"]),
        "COM-2023-10-11b": (UpdateKind.UPDATE, no_person),
        "COM-2023-10-11c": (UpdateKind.UPDATE, None),
    }
    for reference, (kind, author) in entries.items():
        action = make_action(reference=reference)
        db.session.add(
            ActionUpdate(
                action=action, kind=kind, author=author, note=f"Note on {reference}.",
                created_at=datetime(2024, 2, 2, 12, tzinfo=UTC),
            )
        )
    db.session.commit()
    # The page's text, tags and line breaks dropped.
    page = " ".join(re.sub(r"<[^>]+>", " ", text_of(browser_as("viewer").get("/actions?q=2023-10-11"))).split())
    executive = users["executive"].person.name
    assert f"More time refused by {executive}, 2 Feb 2024: Note on COM-2023-10-11a." in page, page
    assert "Progress update by clerk, 2 Feb 2024: Note on COM-2023-10-11b." in page
    assert "Progress update by the tracker, 2 Feb 2024: Note on COM-2023-10-11c." in page


def test_filter_choices_follow_changes_at_once(browser_as, register):
    # The choices' statements are built once per process; what they read is read on every view.
    viewer = browser_as("viewer")
    assert "Calderdale Council" not in options_of(viewer.get("/actions"), "owner")
    OrganisationFactory(name="Calderdale Council", short_name="CC")
    PriorityFactory(title="Safer Roads", plan=register["priority"].plan)
    db.session.commit()
    page = viewer.get("/actions")
    assert "Calderdale Council" in options_of(page, "owner")
    assert any(label.startswith("Safer Roads (") for label in options_of(page, "priority"))
    # The choices are kept between views until what they read changes: each of these does.
    IndicatorFactory(name="Road deaths", priority=register["priority"])
    register["indicator"].name = "Anti-social behaviour incidents"
    meeting_type("JEM").name = "Joint Executive Meeting (renamed)"
    db.session.commit()
    page = viewer.get("/actions")
    assert "Road deaths" in options_of(page, "indicator")
    assert "Anti-social behaviour incidents" in options_of(page, "indicator")
    assert "Joint Executive Meeting (renamed)" in options_of(page, "meeting_type")
    kirklees = register["kirklees"].owner
    assert options_of(viewer.get(f"/actions?owner={kirklees.id}"), "lead") == ["Jo Kirk (KC)"]
    register["kirklees"].lead.name = "Joanne Kirk"
    db.session.commit()
    assert options_of(viewer.get(f"/actions?owner={kirklees.id}"), "lead") == ["Joanne Kirk (KC)"]


def test_each_address_keeps_its_own_filters_and_errors(browser_as, register):
    # The app keeps a filter form per address and set of choices; one never shows another's.
    viewer = browser_as("viewer")
    assert "govuk-error-summary" in text_of(viewer.get("/actions?due=within&days=abc"))
    valid = text_of(viewer.get("/actions?due=within&days=7"))
    assert "govuk-error-summary" not in valid
    assert 'value="7"' in valid
    again = text_of(viewer.get("/actions?due=within&days=abc"))
    assert "govuk-error-summary" in again
    assert 'value="7"' not in again
    plain = text_of(browser_as("executive").get("/actions"))
    assert "govuk-error-summary" not in plain
    assert 'value="14"' in plain


def test_the_register_shows_each_change_to_what_it_lists_at_once(browser_as, users, register):
    # The register keeps each page, rows and table, until what they show changes.
    viewer = browser_as("viewer")

    def page() -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", text_of(viewer.get("/actions"))).split())

    assert "WYP to consult Carr Manor." in page()
    register["due_soon"].text = "WYP to consult Carr Manor and Roundhay."
    db.session.commit()
    assert "WYP to consult Carr Manor and Roundhay." in page()

    db.session.add(
        ActionUpdate(
            action=register["due_soon"],
            kind=UpdateKind.UPDATE,
            note="Consultation booked.",
            author=users["lead"],
            created_at=datetime(2024, 2, 20, 9, tzinfo=UTC),
        )
    )
    db.session.commit()
    lead = users["lead"].person.name
    assert f"Progress update by {lead}, 20 Feb 2024: Consultation booked." in page()
    users["lead"].person.name = "Damien Miller-Smith"
    db.session.commit()
    assert "Progress update by Damien Miller-Smith, 20 Feb 2024: Consultation booked." in page()

    register["kirklees"].owner.short_name = "KMC"
    register["overdue"].confidential = True  # the viewer may no longer see it
    db.session.commit()
    shown = page()
    assert "KMC" in shown
    assert "COM-2023-10-04a" not in shown
