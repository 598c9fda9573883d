"""Organisations, people, sign-in accounts and meeting types for the demo.

The people are those present at the Community Outcomes Meeting of 10 October 2023 (the attendee
list of `seeds/community-outcomes-meeting-2023-10-10.txt`), the Mayor (named in the Police and Crime
Plan) and two WYP officers invented for the demo, marked below.
"""

from tracker.auth.models import Role

# (name, short name)
ORGANISATIONS = [
    ("West Yorkshire Police", "WYP"),
    # The Policing and Crime team is part of the Combined Authority.
    ("West Yorkshire Combined Authority", "WYCA"),
]

# (name, job title, organisation short name), as the minutes list them.
PEOPLE = [
    ("Alison Lowe", "Deputy Mayor for Policing and Crime (DMPC)", "WYCA"),
    ("Julie Reid", "Head of Policing and Crime", "WYCA"),
    ("Catherine Hankinson", "DCC", "WYP"),
    ("Damien Miller", "ACC", "WYP"),
    ("Carl Glavin", "T/ACC", "WYP"),
    ("Russ Hughes", "Ch. Supt.", "WYP"),
    ("Paige Cowling", "Consultation and Engagement Officer, Policing and Crime", "WYCA"),
    ("Dave Iveson", "Digital Communications Officer, Policing and Crime", "WYCA"),
    ("Sharon Waugh", "Consultation and Engagement Manager, Policing and Crime", "WYCA"),
    ("Tracy Brabin", "Mayor of West Yorkshire", "WYCA"),
    # Invented for the demo: the officers who present finance and projects at the JEM.
    ("Helen Crossley", "Director of Finance", "WYP"),
    ("Tom Ashworth", "Staff Officer to the DCC", "WYP"),
]

# Every demo person's email address is at example.org (reserved for examples: nothing is
# delivered there), so that the demo's outbox shows the messages the tracker would send.
EMAIL_DOMAIN = "example.org"


def email_of(name: str) -> str:
    """'Alison Lowe' -> 'alison.lowe@example.org'."""
    return f"{name.lower().replace(' ', '.')}@{EMAIL_DOMAIN}"


# (username, role, person's name or None); every account signs in with DEMO_PASSWORD.
USERS = [
    ("admin", Role.ADMIN, None),
    ("secretariat", Role.SECRETARIAT, "Sharon Waugh"),
    # A lead's organisation comes from their person record: Damien Miller is WYP.
    ("lead", Role.LEAD, "Damien Miller"),
    ("dmpc", Role.EXECUTIVE, "Alison Lowe"),
    ("viewer", Role.VIEWER, "Dave Iveson"),
]

# The governance meetings as the Police and Crime Plan 2021-24 describes them ("Strategic
# governance and accountability of West Yorkshire Police by the Mayor").
MEETING_TYPES = [
    {
        "name": "Community Outcomes Meeting",
        "short_name": "COM",
        "cadence": "Quarterly",
        "is_public": True,
        "standing_agenda": [
            "Welcome, introductions and apologies",
            "Notes of the previous meeting and matters arising",
            "Mayor's announcements",
            "Future agenda items",
            "Any other business",
            "Next meeting",
        ],
    },
    {
        "name": "Joint Executive Meeting",
        "short_name": "JEM",
        "cadence": "Bi-monthly",
        "is_public": False,
        "standing_agenda": [
            "Welcome and apologies",
            "Notes of the previous meeting and matters arising",
            "Finance and resources",
            "Progress on projects",
            "Any other business",
            "Next meeting",
        ],
    },
    {
        "name": "Delivery Quarterly",
        "short_name": "DQ",
        "cadence": "Quarterly",
        "is_public": False,
        "standing_agenda": [
            "Welcome and apologies",
            "Notes of the previous meeting and matters arising",
            "Performance report: Current Measures",
            "Actions by priority",
            "Any other business",
            "Next meeting",
        ],
    },
    {
        "name": "Bilateral",
        "short_name": "BIL",
        "cadence": "As needed",
        "is_public": False,
        "standing_agenda": [],
    },
    {
        "name": "Police and Crime Panel",
        "short_name": "PCP",
        "cadence": "Several times a year",
        # Public, but the Panel publishes its own minutes; the tracker keeps the actions.
        "is_public": False,
        "standing_agenda": [],
    },
]
