"""Error pages in the service's design: they say what happened, in plain words, never a stack trace."""

import sqlalchemy as sa

from tests.pages import assert_error_page
from tracker.errors import abort_with
from tracker.extensions import db
from tracker.models import Organisation


def test_bad_request_page_when_a_form_comes_without_its_security_token(csrf_app, users):
    response = csrf_app.test_client().post("/login", data={"username": "lead", "password": "x"})
    page = assert_error_page(response, 400, "There is a problem with your request")
    assert "go back, check what you entered and try again" in page
    assert "CSRF" not in page


def test_forbidden_page_when_the_role_may_not_see_the_page(client, login_as):
    login_as("viewer")
    page = assert_error_page(client.get("/admin"), 403, "You do not have permission to see this page")
    assert "contact the Policing and Crime team" in page
    assert 'href="/"' in page  # a way back home


def test_not_found_page_for_an_address_that_does_not_exist(client):
    page = assert_error_page(client.get("/no-such-page"), 404, "Page not found")
    assert "check it is correct" in page


def test_method_not_allowed_page_for_a_get_to_a_form_only_address(client, login_as):
    login_as("lead")
    assert_error_page(client.get("/logout"), 405, "That cannot be done here")


def test_error_pages_show_a_message_given_for_the_user(make_app):
    app = make_app()

    @app.get("/meeting-that-went")
    def meeting_that_went():
        abort_with(404, "That meeting has been removed from the schedule.")

    @app.get("/teapot-detail")
    def internal_description():
        from flask import abort

        abort(404, "internal: row 12 missing from meeting table")

    client = app.test_client()
    page = assert_error_page(client.get("/meeting-that-went"), 404, "Page not found")
    assert "That meeting has been removed from the schedule." in page
    # A description not written for people is not shown; the standard message is.
    page = assert_error_page(client.get("/teapot-detail"), 404, "Page not found")
    assert "row 12" not in page


def test_unexpected_error_shows_the_500_page_and_undoes_the_half_made_change(make_app):
    app = make_app()
    half_saved_seen_after_the_error = []

    @app.get("/explode")
    def explode():
        db.session.add(Organisation(name="Half-saved organisation", short_name="HALF"))
        db.session.flush()
        raise RuntimeError("secret internal detail")

    @app.after_request
    def look_in_the_session(response):
        # Runs after the error handler, in the same session the view used.
        half_saved_seen_after_the_error.append(
            db.session.scalar(
                sa.select(sa.func.count())
                .select_from(Organisation)
                .where(Organisation.short_name == "HALF")
            )
        )
        return response

    response = app.test_client().get("/explode")
    page = assert_error_page(response, 500, "Sorry, there is a problem with the service")
    assert "secret internal detail" not in page and "RuntimeError" not in page
    assert half_saved_seen_after_the_error == [0]
    assert db.session.scalar(sa.select(Organisation).where(Organisation.short_name == "HALF")) is None
