"""The Delivery Quarterly pack: every signed-in role reads it (confidential actions only as each
may see them)."""

from tests.access import EVERYONE, Rule

RULES = {
    "reports.delivery_quarterly": Rule(allowed=EVERYONE, args=lambda d: {"quarter": "2020-Q4"}),
    "reports.delivery_quarterly_docx": Rule(allowed=EVERYONE, args=lambda d: {"quarter": "2020-Q4"}),
    "reports.delivery_quarterly_csv": Rule(allowed=EVERYONE, args=lambda d: {"quarter": "2020-Q4"}),
}
