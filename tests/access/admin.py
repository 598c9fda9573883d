"""Administration of people, organisations, meeting types and users, and the audit log.

Each form page answers GET and POST; the matrix tries GET here, and tests/admin/test_access.py
sends a valid change to every form as each role, checking nothing is saved for a non-admin.
"""

from tests.access import Rule, roles

ADMIN = roles("admin")

RULES = {
    "admin.index": Rule(allowed=ADMIN),
    "admin.organisations": Rule(allowed=ADMIN),
    "admin.add_organisation": Rule(allowed=ADMIN),
    "admin.edit_organisation": Rule(
        allowed=ADMIN, args=lambda d: {"organisation_id": d.organisation()}
    ),
    "admin.people": Rule(allowed=ADMIN),
    "admin.add_person": Rule(allowed=ADMIN),
    "admin.edit_person": Rule(allowed=ADMIN, args=lambda d: {"person_id": d.person()}),
    "admin.meeting_types": Rule(allowed=ADMIN),
    "admin.add_meeting_type": Rule(allowed=ADMIN),
    "admin.edit_meeting_type": Rule(
        allowed=ADMIN, args=lambda d: {"meeting_type_id": d.meeting_type()}
    ),
    "admin.users": Rule(allowed=ADMIN),
    "admin.add_user": Rule(allowed=ADMIN),
    "admin.edit_user": Rule(allowed=ADMIN, args=lambda d: {"user_id": d.user()}),
    "admin.reset_password": Rule(
        allowed=ADMIN,
        args=lambda d: {"user_id": d.user()},
        method="POST",
        data=lambda d: {"password": "too-short"},
    ),
    "admin.audit_log": Rule(allowed=ADMIN),
}
