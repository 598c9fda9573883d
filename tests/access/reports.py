"""The reports index. Each report's routes have their own module here."""

from tests.access import EVERYONE, Rule

RULES = {
    "reports.index": Rule(allowed=EVERYONE),
}
