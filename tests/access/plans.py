"""Plans, priorities, indicators and their values.

Everyone signed in reads plans. The Policing and Crime team (secretariat) and administrators
enter values, rate priorities and link actions; only administrators shape plans.
"""

from tests.access import EVERYONE, Rule, roles

EDITORS = roles("admin", "secretariat")
ADMINS = roles("admin")

RULES = {
    "plans.index": Rule(allowed=EVERYONE),
    "plans.plan": Rule(allowed=EVERYONE, args=lambda d: {"plan_id": d.plan()}),
    "plans.priority": Rule(allowed=EVERYONE, args=lambda d: {"priority_id": d.priority()}),
    "plans.indicator": Rule(allowed=EVERYONE, args=lambda d: {"indicator_id": d.indicator()}),
    "plans.add_plan": Rule(allowed=ADMINS),
    "plans.copy_plan": Rule(allowed=ADMINS, args=lambda d: {"plan_id": d.plan()}),
    "plans.make_current": Rule(allowed=ADMINS, method="POST", args=lambda d: {"plan_id": d.plan()}),
    "plans.add_priority": Rule(allowed=ADMINS, args=lambda d: {"plan_id": d.plan()}),
    "plans.add_theme": Rule(allowed=ADMINS, args=lambda d: {"plan_id": d.plan()}),
    "plans.add_objective": Rule(allowed=ADMINS, args=lambda d: {"priority_id": d.priority()}),
    "plans.add_indicator": Rule(allowed=ADMINS, args=lambda d: {"priority_id": d.priority()}),
    "plans.rate_priority": Rule(allowed=EDITORS, args=lambda d: {"priority_id": d.priority()}),
    "plans.add_value": Rule(allowed=EDITORS, args=lambda d: {"indicator_id": d.indicator()}),
    "plans.upload_values": Rule(allowed=EDITORS, args=lambda d: {"plan_id": d.plan()}),
    "plans.values_template": Rule(allowed=EDITORS, args=lambda d: {"plan_id": d.plan()}),
    "plans.link_action": Rule(
        allowed=EDITORS, method="POST", args=lambda d: {"priority_id": d.priority()},
        data=lambda d: {"reference": "COM-2023-10-04a"},
    ),
    "plans.unlink_action": Rule(
        allowed=EDITORS, method="POST",
        args=lambda d: {"priority_id": d.priority(), "action_id": d.action()},
    ),
}
