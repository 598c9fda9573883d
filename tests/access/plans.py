"""Plans, priorities, indicators and their values."""

from tests.access import EVERYONE, Rule

RULES = {
    "plans.index": Rule(allowed=EVERYONE),
}
