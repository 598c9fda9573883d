"""Published minutes of public meetings: anyone, signed in or not."""

from tests.access import ANONYMOUS, EVERYONE, Rule

ANYONE = EVERYONE | {ANONYMOUS}

RULES = {
    "public.meeting": Rule(allowed=ANYONE, args=lambda d: {"meeting_id": d.com_meeting()}),
    "public.minutes_docx": Rule(allowed=ANYONE, args=lambda d: {"meeting_id": d.com_meeting()}),
}
