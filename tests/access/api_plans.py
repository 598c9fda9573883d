"""The API's plans, priorities and indicators: every role reads them with a token, as the plan
pages; only the plan editors (secretariat and administrators) store values, as the CSV upload.
"""

from tests.access import EVERYONE, Rule, roles

EDITORS = roles("admin", "secretariat")

RULES = {
    "api.list_plans": Rule(allowed=EVERYONE),
    "api.get_plan": Rule(allowed=EVERYONE, args=lambda d: {"plan_id": d.plan()}),
    "api.get_priority": Rule(allowed=EVERYONE, args=lambda d: {"priority_id": d.priority()}),
    "api.get_indicator": Rule(allowed=EVERYONE, args=lambda d: {"indicator_id": d.indicator()}),
    "api.add_indicator_values": Rule(
        allowed=EDITORS, method="POST",
        data=lambda d: [{"indicator": d.indicator(), "period_label": "12 months to Mar 2031",
                         "period_end": "2031-03-31", "value": 1}],
    ),
}
