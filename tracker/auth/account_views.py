"""Your account: who you are signed in as, where, and signing out everywhere else."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from tracker import audit
from tracker.auth import bp, sessions
from tracker.auth.forms import SignOutOtherSessionsForm
from tracker.extensions import db


@bp.get("/account")
@login_required
def account():
    here = sessions.current_session()
    others = [
        record
        for record in sessions.open_sessions(current_user)
        if here is None or record.id != here.id
    ]
    idle, lifetime = sessions.lifetimes()
    return render_template(
        "auth/account.html",
        here=here,
        others=others,
        form=SignOutOtherSessionsForm(),
        idle_timeout=sessions.describe_duration(idle),
        max_lifetime=sessions.describe_duration(lifetime),
    )


@bp.post("/account/sessions/sign-out-others")
@login_required
def sign_out_other_sessions():
    if SignOutOtherSessionsForm().validate_on_submit():
        user = current_user._get_current_object()
        ended = sessions.end_other_sessions(user)
        audit.record(
            user, "signed out other sessions", user, "Signed out of all their other sessions",
            sessions_ended=ended,
        )
        db.session.commit()
        flash("You have signed out of all your other sessions.", "success")
    return redirect(url_for("auth.account"))
