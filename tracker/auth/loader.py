"""How Flask-Login finds the signed-in user."""

import hmac

from tracker.auth.models import User
from tracker.extensions import db, login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The user a session belongs to, unless their password changed since it was signed in."""
    user_id, _, _fingerprint = session_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not hmac.compare_digest(user.get_id(), session_id):
        return None
    return user
