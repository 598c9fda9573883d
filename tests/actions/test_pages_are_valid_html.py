"""Every page of the actions area (and the outstanding-actions report) is valid HTML, in every state.

One run of the Nu HTML checker over the pages as each role sees them, including forms showing
errors and the "changed since you opened it" notice. The accessibility crawl covers axe-core.
"""

import subprocess

import sqlalchemy as sa

from tests.browser.crawl import NU_CHECKER
from tests.clients import sign_in
from tracker.actions.models import Action
from tracker.auth.models import User
from tracker.extensions import db


def test_pages_pass_the_nu_html_checker(app, demo, tmp_path):
    ids = {
        reference: action_id
        for reference, action_id in db.session.execute(sa.select(Action.reference, Action.id))
    }
    people = {user.username: user for user in db.session.scalars(sa.select(User))}
    pages = []

    def keep(name: str, response, status: int = 200):
        assert response.status_code == status, (name, response.status_code)
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.data)
        pages.append(path)

    wait_for_time = ids["COM-2023-10-04a"]  # in progress, with a request for more time
    completed = ids["COM-2023-10-04b"]  # awaiting sign-off
    for username in ("admin", "secretariat", "lead", "dmpc", "viewer"):
        browser = sign_in(app.test_client(), people[username])
        keep(f"{username}-home", browser.get("/"))
        keep(f"{username}-register", browser.get("/actions"))
        keep(f"{username}-overdue", browser.get("/actions/overdue"))
        keep(f"{username}-action", browser.get(f"/actions/{wait_for_time}"))
        keep(f"{username}-completed", browser.get(f"/actions/{completed}"))
        keep(f"{username}-report", browser.get("/reports/outstanding-actions?as_at=2024-02-27"))

    secretariat, lead, dmpc = (
        sign_in(app.test_client(), people[name]) for name in ("secretariat", "lead", "dmpc")
    )
    keep(
        "register-filtered",
        secretariat.get("/actions?q=wyp&status=outstanding&due=within&days=30&sort=overdue"),
    )
    keep("register-wrong-filters", secretariat.get("/actions?owner=999&days=abc"))
    keep("overdue", dmpc.get("/actions/overdue"))
    keep("edit", secretariat.get(f"/actions/{wait_for_time}/edit"))
    keep(
        "edit-errors",
        secretariat.post(
            f"/actions/{wait_for_time}/edit", data={"text": "", "due_on": ["31", "2", "2024"]}
        ),
        400,
    )
    keep("set-aside", secretariat.get(f"/actions/{wait_for_time}/supersede-or-drop"))
    keep(
        "set-aside-errors",
        secretariat.post(f"/actions/{wait_for_time}/supersede-or-drop", data={}),
        400,
    )
    keep(
        "update-errors",
        lead.post(
            f"/actions/{wait_for_time}/updates",
            data={
                "update-note": "",
                "update-evidence_url": "nope",
                "update-requested_due_on": ["", "4", "2024"],
            },
        ),
        400,
    )
    keep(
        "sign-off-errors",
        dmpc.post(f"/actions/{completed}/sign-off", data={"signoff-decision": "send_back"}),
        400,
    )
    keep("more-time-errors", dmpc.post(f"/actions/{wait_for_time}/more-time", data={}), 400)
    keep(
        "changed",
        lead.post(
            f"/actions/{wait_for_time}/updates",
            data={"update-version": "0", "update-note": "Late.", "update-status": "open"},
        ),
        409,
    )
    keep(
        "report-wrong-date",
        secretariat.get("/reports/outstanding-actions?as_at=31&as_at=2&as_at=2024"),
        400,
    )

    checked = subprocess.run(
        [*NU_CHECKER, "--errors-only", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stderr
