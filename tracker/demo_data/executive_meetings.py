"""Joint Executive Meetings and Delivery Quarterly meetings, invented for the demo.

The Police and Crime Plan 2021-24 describes both: the JEM is "bi-monthly ... to discuss finances and
resources, progress on projects, and to consider occasional reports such as complaints", the
Delivery Quarterly "a quarterly meeting to discuss police performance against the objectives of the
Police and Crime Plan". No minutes of either are among the seeds, so the items, notes and actions
here are plausible inventions.

The November 2023 JEM and January 2024 DQ have fixed dates, so tests over 2023-24 are repeatable.
`recent_jem` and `upcoming_dq` are dated from the day the demo loads, so that the live app always
has actions not yet due and a meeting to prepare.
"""

from datetime import date, datetime, time, timedelta

from tracker.actions.models import ActionStatus as S
from tracker.kit.dates import long_date
from tracker.meetings.models import MinutesStatus

JEM_NOVEMBER_2023 = {
    "type": "JEM",
    "starts_at": datetime(2023, 11, 21, 14, 0),
    "place": "West Yorkshire Police Headquarters, Wakefield",
    "minutes_status": MinutesStatus.APPROVED,
    "approved_at": datetime(2023, 12, 5, 9, 0),
    "previous_minutes_outcome": "accepted",
    "next_meeting_on": date(2024, 1, 23),
    "present": ["Tracy Brabin", "Alison Lowe", "Catherine Hankinson", "Helen Crossley"],
    "also_present": ["Julie Reid", "Tom Ashworth"],
    "apologies": [],
    "items": [
        ("Welcome and apologies", "Tracy Brabin", [], "The Mayor welcomed those present. There were no apologies."),
        ("Notes of the previous meeting and matters arising", None, [], "The notes of the previous meeting were accepted as a correct record."),
        (
            "Finance and resources",
            "Helen Crossley",
            [],
            "The Director of Finance presented the revenue budget monitoring for Quarter 2 of 2023/24, which forecast a small overspend driven by overtime and the pay award.\n\n"
            "The Mayor asked for the capital programme for 2024/25 to be shared before the precept consultation began.",
        ),
        (
            "Progress on projects",
            "Catherine Hankinson",
            [],
            "DCC Hankinson updated on the police uplift programme, the neighbourhood policing vacancies and the estates programme.",
        ),
        (
            "Complaints and conduct",
            "Catherine Hankinson",
            [],
            "DCC Hankinson presented the quarterly complaints report. The DMPC asked to be briefed on the outcome of the vetting review.",
        ),
        ("Any other business", None, [], "None."),
        ("Next meeting", None, [], "23 January 2024"),
    ],
    "future_items": [],
}

# Actions and their updates take the same shape as com_2023_10_10.ACTIONS; "owner" defaults
# to WYP.
JEM_NOVEMBER_2023_ACTIONS = [
    {
        "item": 3,
        "text": "WYP to share the draft capital programme for 2024/25 with the Mayor ahead of the precept consultation.",
        "lead": "Helen Crossley",
        "due_on": date(2023, 12, 15),
        "status": S.CLOSED,
        "closed_on": date(2024, 1, 5),
        "priorities": [3],
        "updates": [
            {
                "on": date(2023, 12, 14),
                "by": "secretariat",
                "kind": "update",
                "status": (S.OPEN, S.AWAITING_SIGN_OFF),
                "note": "Update from the Director of Finance: the draft capital programme was sent to the Mayor's office on 13 December 2023.",
            },
            {
                "on": date(2024, 1, 5),
                "by": "dmpc",
                "kind": "sign_off",
                "status": (S.AWAITING_SIGN_OFF, S.CLOSED),
                "note": "Received. Signed off.",
            },
        ],
    },
    {
        "item": 3,
        "owner": "WYCA",
        "text": "The Policing and Crime team to share the results of the precept consultation with WYP before the Police and Crime Panel in February.",
        "lead": "Julie Reid",
        "due_on": date(2024, 1, 31),
        "status": S.CLOSED,
        "closed_on": date(2024, 1, 30),
        "priorities": [3],
        "updates": [
            {
                "on": date(2024, 1, 29),
                "by": "secretariat",
                "kind": "update",
                "status": (S.OPEN, S.AWAITING_SIGN_OFF),
                "note": "The precept consultation results were shared with the WYP Director of Finance on 29 January 2024.",
            },
            {
                "on": date(2024, 1, 30),
                "by": "dmpc",
                "kind": "sign_off",
                "status": (S.AWAITING_SIGN_OFF, S.CLOSED),
                "note": "Signed off.",
            },
        ],
    },
    {
        "item": 5,
        "text": "WYP to confidentially brief the DMPC on the outcome of the vetting review.",
        "lead": "Catherine Hankinson",
        "due_on": date(2024, 3, 31),
        "status": S.OPEN,
        "confidential": True,
        "priorities": [3],
        "updates": [],
    },
]

DQ_JANUARY_2024 = {
    "type": "DQ",
    "starts_at": datetime(2024, 1, 23, 10, 0),
    "place": "Wellington House, Leeds",
    "theme": "Quarter 3, 2023/24",
    "minutes_status": MinutesStatus.APPROVED,
    "approved_at": datetime(2024, 2, 6, 9, 0),
    "previous_minutes_outcome": "accepted",
    "next_meeting_on": date(2024, 4, 16),
    "present": ["Alison Lowe", "Julie Reid", "Damien Miller", "Russ Hughes"],
    "also_present": ["Sharon Waugh"],
    "apologies": ["Carl Glavin"],
    "items": [
        ("Welcome and apologies", "Alison Lowe", [], "Apologies were received from T/ACC Glavin."),
        ("Notes of the previous meeting and matters arising", None, [], "The notes of the previous meeting were accepted as a correct record."),
        (
            "Performance report: Current Measures",
            "Damien Miller",
            [],
            "ACC Miller took the meeting through the Current Measures table. Repeat missing children and adults remained below baseline. The DMPC was concerned that positive outcomes for domestic abuse had fallen while recorded domestic abuse had risen.",
        ),
        (
            "Actions by priority",
            "Julie Reid",
            [],
            "The Head of Policing and Crime presented the open actions under each priority of the Police and Crime Plan and the proposed ratings, which were agreed.",
        ),
        ("Any other business", None, [], "None."),
        ("Next meeting", None, [], "16 April 2024"),
    ],
    "future_items": [],
}

DQ_JANUARY_2024_ACTIONS = [
    {
        "item": 3,
        "text": "WYP to set out the steps being taken to reverse the fall in positive outcomes for domestic abuse, with a trajectory to the next Delivery Quarterly.",
        "lead": "Damien Miller",
        "due_on": date(2024, 4, 16),
        "status": S.IN_PROGRESS,
        "priorities": [1],
        "indicators": ["Positive outcomes for domestic abuse"],
        "updates": [
            {
                "on": date(2024, 2, 20),
                "by": "lead",
                "kind": "update",
                "status": (S.OPEN, S.IN_PROGRESS),
                "note": "The Rape and Domestic Abuse Improvement Group has agreed a plan with the CPS; the trajectory will be ready for the April Delivery Quarterly.",
            },
        ],
    },
    {
        "item": 3,
        "text": "WYP to report repeat missing children by district, with the repeat rate, at each Delivery Quarterly.",
        "lead": "Russ Hughes",
        "due_on": date(2024, 4, 16),
        "status": S.OPEN,
        "recurring": True,
        "priorities": [4],
        "indicators": ["Repeat missing children"],
        "updates": [],
    },
]


def recent_jem(today: date) -> tuple[dict, list[dict]]:
    """A JEM three weeks before `today`, with actions due in the weeks after it."""
    held_on = today - timedelta(weeks=3)
    meeting = {
        "type": "JEM",
        "starts_at": datetime.combine(held_on, time(14, 0)),
        "place": "West Yorkshire Police Headquarters, Wakefield",
        "minutes_status": MinutesStatus.DRAFT,
        "next_meeting_on": held_on + timedelta(weeks=8),
        "present": ["Tracy Brabin", "Alison Lowe", "Catherine Hankinson", "Helen Crossley"],
        "also_present": ["Julie Reid", "Tom Ashworth"],
        "apologies": [],
        "items": [
            ("Welcome and apologies", "Tracy Brabin", [], "The Mayor welcomed those present."),
            ("Notes of the previous meeting and matters arising", None, [], "The notes of the previous meeting were accepted as a correct record."),
            (
                "Finance and resources",
                "Helen Crossley",
                [],
                "The Director of Finance presented the latest revenue forecast. Overtime spend remained above budget.",
            ),
            (
                "Progress on projects",
                "Tom Ashworth",
                [],
                "The Staff Officer updated on the replacement of the command and control system.",
            ),
            ("Any other business", None, [], "None."),
            ("Next meeting", None, [], long_date(held_on + timedelta(weeks=8))),
        ],
        "future_items": ["Regional collaboration update"],
    }
    actions = [
        {
            "item": 3,
            "text": "WYP to provide an updated forecast of overtime spend for the rest of the financial year.",
            "lead": "Helen Crossley",
            "due_on": today + timedelta(weeks=2),
            "status": S.IN_PROGRESS,
            "priorities": [3],
            "updates": [
                {
                    "on": held_on + timedelta(days=7),
                    "by": "secretariat",
                    "kind": "update",
                    "status": (S.OPEN, S.IN_PROGRESS),
                    "note": "Update from the Director of Finance: overtime is being re-profiled by district; the forecast will follow the next month-end.",
                },
            ],
        },
        {
            "item": 4,
            "text": "WYP to share the project plan for the new command and control system, with its key milestones.",
            "lead": "Damien Miller",
            "due_on": today + timedelta(weeks=6),
            "status": S.OPEN,
            "priorities": [1],
            "indicators": ["999 calls answered in target"],
            "updates": [],
        },
    ]
    return meeting, actions


def upcoming_dq(today: date) -> dict:
    """The next Delivery Quarterly, three weeks after `today`: agenda only, no minutes yet."""
    held_on = today + timedelta(weeks=3)
    return {
        "type": "DQ",
        "starts_at": datetime.combine(held_on, time(10, 0)),
        "place": "Wellington House, Leeds",
        "minutes_status": MinutesStatus.DRAFT,
        "present": [],
        "also_present": [],
        "apologies": [],
        "items": None,  # None: start from the meeting type's standing agenda
        "future_items": [],
    }
