"""Fixtures for the administration tests: a signed-in administrator and helpers to read pages."""

import pytest
import sqlalchemy as sa

from tracker.audit import AuditEntry
from tracker.extensions import db


@pytest.fixture
def browser(app):
    """Another person's browser: its own cookies, its own requests."""
    return app.test_client


@pytest.fixture
def admin(login_as):
    """The administrator, signed in on `client`."""
    return login_as("admin")


def text_of(response) -> str:
    return response.get_data(as_text=True)


def error_summary(response) -> str:
    """The GOV.UK error summary's text, or '' when the page has none."""
    page = text_of(response)
    start = page.find('class="govuk-error-summary"')
    if start == -1:
        return ""
    return page[start : page.find("</ul>", start)]


def audit_entries(entity_type: str | None = None) -> list[AuditEntry]:
    query = sa.select(AuditEntry).order_by(AuditEntry.id)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    return list(db.session.scalars(query))


def count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))
