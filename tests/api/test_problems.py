"""An unexpected failure under /api/ is a problem too: no stack trace, nothing half-saved."""

import sqlalchemy as sa

from tests.factories import MeetingFactory, OrganisationFactory
from tracker.api import meetings
from tracker.directory.models import Organisation
from tracker.extensions import db


def test_an_unexpected_error_is_a_500_problem_that_saves_nothing(app, api_client, api_token,
                                                                 monkeypatch):
    meeting = MeetingFactory()
    db.session.commit()
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)

    def explode(*args):
        OrganisationFactory(short_name="HALF")
        db.session.flush()
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(meetings, "load_meeting", explode)
    response = api_client.get(f"/api/v1/meetings/{meeting.id}", headers=api_token("viewer"))

    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["title"] == "Internal Server Error"
    assert "secret internal detail" not in response.text
    assert db.session.scalar(sa.select(Organisation).where(Organisation.short_name == "HALF")) is None
