"""How Flask-Login finds the signed-in user."""

import hmac

from tracker.auth import sessions
from tracker.auth.models import User
from tracker.extensions import login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The user a session belongs to, while its record on the server is open and unexpired
    (tracker/auth/sessions.py) and their password is the one it was signed in with."""
    user_id, _, _fingerprint = session_id.partition(":")
    if not user_id.isdigit():
        return None
    record = sessions.session_for_cookie(int(user_id))
    if record is None:
        return None
    user = record.user
    if not hmac.compare_digest(user.get_id(), session_id):
        # A password reset by an administrator (or changed elsewhere) ends the session here too.
        sessions.end_on_its_own(record, sessions.EndReason.PASSWORD)
        sessions.forget_current(sessions.EndReason.PASSWORD)
        return None
    return user
