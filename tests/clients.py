"""Test clients: each behaves like a separate browser talking to a real server, and `sign_in` is
the one way a test (or bench/) signs one in without the form."""

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


def sign_in(client, user):
    """Put `user` in the client's session as Flask-Login does, without the (slow) password check.

    Returns the client, so `sign_in(app.test_client(), user)` is a browser of its own. As the
    sign-in form does: a session record on the server, its key and `user.get_id()`
    ("<id>:<fingerprint>") in the client's cookie.
    """
    from tracker.auth import sessions

    _, key = sessions.create(user)
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
        session[sessions.SESSION_KEY] = key
    return client


# The password every user made by the tests' factories has.
PASSWORD = "correct-horse-battery"


class Auth:
    """Sign in and out through the real form, as a person would: for the tests of that form.

    Other tests sign in with `login_as` or `tests.clients.sign_in`, which skip the password check.
    """

    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = PASSWORD, **kwargs):
        return self.client.post("/login", data={"username": username, "password": password}, **kwargs)

    def logout(self):
        return self.client.post("/logout")
