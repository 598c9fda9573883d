"""Sign in and sign out."""

from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from tracker import audit
from tracker.auth import bp, limits, sessions
from tracker.auth.forms import ChangePasswordForm, SignInForm
from tracker.auth.models import User
from tracker.extensions import db


def safe_next(target: str | None) -> str | None:
    """Only a path on this site, so a crafted link cannot send someone elsewhere after sign-in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


@bp.route("/login", methods=["GET", "POST"])
@limits.limit_sign_in
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = SignInForm()
    if form.validate_on_submit():
        user = db.session.scalar(
            sa.select(User).where(sa.func.lower(User.username) == form.username.data.strip().lower())
        )
        if user is None or not user.active or not user.check_password(form.password.data):
            # One message whatever was wrong, so it does not reveal which usernames exist.
            form.username.errors.append("Enter a correct username and password")
            limits.count_failure(user)
            db.session.commit()
        else:
            sessions.sign_in(user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    sessions.sign_out()
    db.session.commit()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if not user.check_password(form.current_password.data):
            form.current_password.errors.append("Your current password is not correct")
        else:
            user.set_password(form.new_password.data)
            audit.record(user, "password changed", user, "Changed their own password")
            sessions.end_other_sessions(user, sessions.EndReason.PASSWORD)
            db.session.commit()
            # Sessions are tied to the password too: this one carries on with the new one.
            login_user(user)
            flash("Your password has been changed. Any other sessions have been signed out.", "success")
            return redirect(url_for("home.index"))
    return render_template("auth/change_password.html", form=form)
