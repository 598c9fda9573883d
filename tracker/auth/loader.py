"""How Flask-Login finds the signed-in user."""

from tracker.auth.models import User
from tracker.extensions import db, login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))
