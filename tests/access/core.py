"""Routes every app has: home, sign-in, sign-out, static files."""

from tests.access import ANONYMOUS, EVERYONE, Rule

RULES = {
    "home.index": Rule(allowed=EVERYONE),
    "auth.login": Rule(allowed=EVERYONE | {ANONYMOUS}),
    "auth.logout": Rule(allowed=EVERYONE, method="POST"),
    "auth.change_password": Rule(allowed=EVERYONE),
    "static": Rule(allowed=EVERYONE | {ANONYMOUS}, args=lambda d: {"filename": "dist/tracker.css"}),
    "public.index": Rule(allowed=EVERYONE | {ANONYMOUS}),
    "public.accessibility": Rule(allowed=EVERYONE | {ANONYMOUS}),
}
