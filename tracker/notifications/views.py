"""Choosing which emails you get (signed in), and unsubscribing from a message's link (not).

The unsubscribe link in a message opens a page with one button: opening a link must not change
anything, because mail scanners open links too. The button, and a mail program's own one-click
unsubscribe (RFC 8058: a POST of `List-Unsubscribe=One-Click` to the same address), both POST;
neither carries a CSRF token, which the signed token in the address stands in for.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from tracker.directory.models import Person
from tracker.extensions import csrf, db
from tracker.notifications import bp, preferences
from tracker.notifications.forms import PreferencesForm
from tracker.notifications.links import read_unsubscribe_token
from tracker.notifications.models import NotificationKind


@bp.route("/account/notifications", methods=["GET", "POST"], endpoint="preferences")
@login_required
def choose():
    person = current_user.person
    form = PreferencesForm()
    if person is not None and form.validate_on_submit():
        preferences.change(current_user, form.kinds.data or [])
        flash("Your email choices have been saved.", "success")
        return redirect(url_for(".preferences"))
    if person is not None and not form.is_submitted():
        form.kinds.data = [kind for kind, on in preferences.settings_of(person).items() if on]
    return render_template("notifications/preferences.html", form=form, person=person)


def _subscription(token: str) -> tuple[Person, NotificationKind]:
    """The person and kind a signed token names; 404 for a token we did not sign."""
    found = read_unsubscribe_token(token)
    if found is None or found[1] not in NotificationKind.labels():
        abort(404)
    person = db.session.get(Person, found[0])
    if person is None:
        abort(404)
    return person, NotificationKind(found[1])


@bp.get("/unsubscribe/<string(maxlength=200):token>")
def unsubscribe(token: str):
    """The page a message's link opens: the button, or that this kind is stopped already."""
    person, kind = _subscription(token)
    done = not preferences.settings_of(person)[kind]
    return render_template(
        "notifications/unsubscribe.html", person=person, kind=kind, token=token, done=done
    )


@bp.post("/unsubscribe/<string(maxlength=200):token>")
@csrf.exempt
def unsubscribe_confirmed(token: str):
    person, kind = _subscription(token)
    preferences.unsubscribe(person, kind)
    return redirect(url_for(".unsubscribe", token=token), 303)
