"""The Community Outcomes Meetings either side of 10 October 2023.

11 July 2023 is the meeting whose notes the October minutes accept; its date is real but its
items, notes and actions are invented for the demo, so that the October meeting has matters
arising (one July action is still open at the end of February 2024).

27 February 2024 is the next meeting the October minutes name. Its themed items follow the DMPC's
briefing papers that come after the minutes in `seeds/community-outcomes-meeting-2023-10-10.txt`
(serious and organised crime, drugs and alcohol, road safety, violence against women and girls,
rural crime). Its minutes are still a draft, with no notes yet.
"""

from datetime import date, datetime

from tracker.actions.models import ActionStatus as S
from tracker.meetings.models import MinutesStatus

PAPERS_JULY = "https://www.westyorks-ca.gov.uk/media/community-outcomes-meeting/2023-07-11"
PAPERS_FEBRUARY = "https://www.westyorks-ca.gov.uk/media/community-outcomes-meeting/2024-02-27"

JULY_2023 = {
    "type": "COM",
    "starts_at": datetime(2023, 7, 11, 10, 0),
    "place": "Wellington House, Leeds",
    "minutes_status": MinutesStatus.PUBLISHED,
    "approved_at": datetime(2023, 7, 25, 9, 0),
    "published_at": datetime(2023, 7, 26, 9, 0),
    "previous_minutes_outcome": "accepted",
    "next_meeting_on": date(2023, 10, 10),
    "present": ["Alison Lowe", "Julie Reid", "Damien Miller", "Russ Hughes"],
    "also_present": ["Paige Cowling", "Sharon Waugh"],
    "apologies": ["Catherine Hankinson"],
    "items": [
        (
            "Welcome, introductions and apologies",
            "Alison Lowe",
            [],
            "The Deputy Mayor welcomed those in attendance. Apologies were received from DCC Hankinson.",
        ),
        (
            "Notes of the previous meeting and Matters arising",
            None,
            [],
            "The notes of the previous meeting were accepted as a correct record.",
        ),
        (
            "Mayor's announcements",
            "Alison Lowe",
            [],
            "- a) **Safer Streets Fund** - The Mayor and Community Safety Partners had been successful in a bid to the Safer Streets Fund to support the safety of women and girls across the night-time economy.",
        ),
        (
            "Hate Crime",
            "Russ Hughes",
            [("Full report", f"{PAPERS_JULY}/hate-crime.pdf")],
            "Ch. Supt. Hughes gave an overview of the report, which showed hate incidents continuing to rise, with the largest increases in race and sexual orientation related incidents.\n\n"
            "The DMPC asked how victims were supported when a case did not reach a charge, and how outcomes differed between the hate crime strands.\n\n"
            "Ch. Supt. Hughes said every victim was offered a referral to victim services and that outcomes by strand were monitored at the Force's hate crime scrutiny panel.",
        ),
        (
            "Domestic Abuse",
            "Damien Miller",
            [("Full report", f"{PAPERS_JULY}/domestic-abuse.pdf")],
            "ACC Miller presented the report, which covered the rise in domestic abuse crimes, the repeat victim rate and the use of Domestic Violence Protection Notices and Orders.\n\n"
            "The DMPC welcomed the increased use of protection orders and asked what had been learned from the Force's review of how repeat victims were safeguarded.\n\n"
            "ACC Miller said the review was under way and would report in the autumn.",
        ),
        ("Future Agenda Items", None, [], "Use of Force and Stop and Search would be on the next agenda."),
        ("Any Other Business", None, [], "None."),
        ("Next Meeting", None, [], "10 October 2023"),
    ],
    "future_items": [],
}

# Actions and their updates take the same shape as com_2023_10_10.ACTIONS.
JULY_2023_ACTIONS = [
    {
        "item": 4,
        "text": "WYP to provide the DMPC with a breakdown of hate crime outcomes by strand and district.",
        "lead": "Russ Hughes",
        "due_on": date(2023, 9, 29),
        "status": S.CLOSED,
        "closed_on": date(2023, 10, 3),
        "priorities": [2],
        "indicators": ["Repeat victims of hate crime"],
        "updates": [
            {
                "on": date(2023, 9, 22),
                "by": "secretariat",
                "kind": "update",
                "status": (S.OPEN, S.AWAITING_SIGN_OFF),
                "note": "Update from Ch. Supt. Hughes: the breakdown of hate crime outcomes by strand and district for 2022/23 was sent to the DMPC on 21 September 2023.",
            },
            {
                "on": date(2023, 10, 3),
                "by": "dmpc",
                "kind": "sign_off",
                "status": (S.AWAITING_SIGN_OFF, S.CLOSED),
                "note": "Received, thank you. Signed off.",
            },
        ],
    },
    {
        "item": 5,
        "text": "WYP to share the findings of the review of how repeat victims of domestic abuse are safeguarded with the DMPC once complete.",
        "lead": "Damien Miller",
        "due_on": date(2023, 12, 31),
        "status": S.IN_PROGRESS,
        "priorities": [1, 2],
        "indicators": ["Repeat victims of domestic abuse"],
        "updates": [
            {
                "on": date(2023, 9, 18),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "The review is being led by the Safeguarding Central Governance Unit and has sampled 200 repeat victim cases from the last 12 months.",
            },
            {
                "on": date(2024, 1, 16),
                "by": "lead",
                "kind": "update",
                "note": "The review's draft findings are with the Chief Officer Team. WYP expect to share them with the DMPC in March 2024.",
            },
        ],
    },
]

FEBRUARY_2024 = {
    "type": "COM",
    "starts_at": datetime(2024, 2, 27, 10, 0),
    "place": "Wellington House, Leeds",
    "minutes_status": MinutesStatus.DRAFT,
    "next_meeting_on": None,
    "present": ["Alison Lowe", "Julie Reid", "Damien Miller", "Carl Glavin"],
    "also_present": ["Paige Cowling", "Sharon Waugh"],
    "apologies": [],
    "items": [
        ("Welcome, introductions and apologies", "Alison Lowe", [], ""),
        ("Notes of the previous meeting and matters arising", None, [], ""),
        ("Mayor's announcements", "Alison Lowe", [], ""),
        (
            "Serious and Organised Crime",
            "Damien Miller",
            [("Chief Constable's report – Serious and organised crime", f"{PAPERS_FEBRUARY}/serious-and-organised-crime.pdf")],
            "",
        ),
        (
            "Drugs and Alcohol",
            "Damien Miller",
            [("Chief Constables report – Drugs and Alcohol", f"{PAPERS_FEBRUARY}/drugs-and-alcohol.pdf")],
            "",
        ),
        (
            "Road Safety",
            "Carl Glavin",
            [("Chief Constable's report – Road Safety", f"{PAPERS_FEBRUARY}/road-safety.pdf")],
            "",
        ),
        (
            "Violence Against Women and Girls",
            "Damien Miller",
            [("Chief Constables report – VAWG", f"{PAPERS_FEBRUARY}/vawg.pdf")],
            "",
        ),
        # Agreed at the October meeting as the exception item (see its future_items).
        ("Rural Crime", "Damien Miller", [("Exception paper", f"{PAPERS_FEBRUARY}/rural-crime.pdf")], ""),
        ("Future agenda items", None, [], ""),
        ("Any other business", None, [], ""),
        ("Next meeting", None, [], ""),
    ],
    "future_items": [],
}
