"""Fixtures for the email tests: a real SMTP server, and the app pointed at it."""

import pytest

from tests.notifications.mailbox import SmtpServer, free_port

BASE_URL = "http://tracker.test"


@pytest.fixture
def mail_settings(app):
    """The app's mail settings for one test, put back afterwards."""
    names = ("MAIL_SERVER", "MAIL_PORT", "BASE_URL")
    saved = {name: app.config[name] for name in names}
    app.config["BASE_URL"] = BASE_URL
    yield app.config
    app.config.update(saved)


@pytest.fixture
def smtp(mail_settings):
    """An SMTP server on a free local port that keeps what it is sent; the app sends to it."""
    server = SmtpServer()
    server.start()
    mail_settings.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield server
    server.stop()


@pytest.fixture
def smtp_down(mail_settings):
    """The app sends to a local port where no SMTP server listens."""
    mail_settings.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())
    return mail_settings
