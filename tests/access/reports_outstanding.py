"""The outstanding-actions report: page, Word and CSV, for everyone who reads reports."""

from tests.access import EVERYONE, Rule

AS_AT = lambda d: {"as_at": "2024-02-27"}  # noqa: E731

RULES = {
    "reports.outstanding_actions": Rule(allowed=EVERYONE, args=AS_AT),
    "reports.outstanding_actions_docx": Rule(allowed=EVERYONE, args=AS_AT),
    "reports.outstanding_actions_csv": Rule(allowed=EVERYONE, args=AS_AT),
}
