"""Administration of people, organisations, meeting types and users."""

from tests.access import Rule, roles

RULES = {
    "admin.index": Rule(allowed=roles("admin")),
}
