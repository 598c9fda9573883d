"""A test client that behaves like a separate browser talking to a real server."""

from flask.testing import FlaskClient

from tracker.extensions import db


class SeparateRequestsClient(FlaskClient):
    """A test client whose every request runs in its own app context, as on a real server.

    The `clean_state` fixture keeps an app context open for the whole test, and Flask would reuse
    it for requests: Flask-Login's signed-in user (cached on `g`) and the database session would
    then carry over from one request, or one client, to the next. After each request the test's
    own session is expired, so the test reads what the request saved.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


def sign_in_directly(client, user) -> None:
    """Sign `user` in as the sign-in form does, without the (slow) password check: a session
    record on the server, and its key and the user in the client's cookie."""
    from tracker.auth import sessions

    _, key = sessions.create(user)
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session[sessions.SESSION_KEY] = key
