"""Calendars: a person's own calendar page and its address (everyone signed in), the secret feed
(its address is the key: no sign-in, and a wrong one is not found), the public feed and a public
meeting's calendar file (anyone), and a meeting's calendar file (everyone who reads meetings).

Cancelling and reinstating a meeting are in tests/access/meetings.py.
"""

from tests.access import ANONYMOUS, EVERYONE, Rule

ANYONE = EVERYONE | {ANONYMOUS}
# A well-formed token that opens no feed: everyone, signed in or not, gets the same 404.
UNKNOWN_TOKEN = "0" * 16 + "A" * 43

RULES = {
    "calendars.account": Rule(allowed=EVERYONE),
    "calendars.new_address": Rule(allowed=EVERYONE, method="POST"),
    "calendars.personal_feed": Rule(allowed=ANYONE, args=lambda d: {"token": UNKNOWN_TOKEN}),
    "calendars.public_feed": Rule(allowed=ANYONE),
    "calendars.meeting": Rule(allowed=EVERYONE, args=lambda d: {"meeting_id": d.com_meeting()}),
    "calendars.public_meeting": Rule(
        allowed=ANYONE, args=lambda d: {"meeting_id": d.com_meeting()}
    ),
}
