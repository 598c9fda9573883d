"""Search: every signed-in role searches what it may read; the public searches published minutes.

The args give a search that finds something, so each allowed role gets a page of results.
"""

from tests.access import ANONYMOUS, EVERYONE, Rule

RULES = {
    "search.search": Rule(allowed=EVERYONE, args=lambda d: {"q": "custody"}),
    "public.search": Rule(allowed=EVERYONE | {ANONYMOUS}, args=lambda d: {"q": "custody"}),
}
