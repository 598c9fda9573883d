"""The demo's directory (organisations, people, meeting types) without its meetings, so the seed
minutes can be created as a meeting of their own and compared with the demo's."""

import sqlalchemy as sa

from tests.factories import MeetingTypeFactory, OrganisationFactory, PersonFactory
from tracker.demo_data import directory
from tracker.directory.models import Organisation
from tracker.extensions import db


def demo_directory() -> dict:
    # The signed-in users' fixture may have made the organisations already.
    organisations = {
        short: db.session.scalar(sa.select(Organisation).where(Organisation.short_name == short))
        or OrganisationFactory(name=name, short_name=short)
        for name, short in directory.ORGANISATIONS
    }
    for name, job_title, short in directory.PEOPLE:
        PersonFactory(name=name, job_title=job_title, organisation=organisations[short])
    types = {
        data["short_name"]: MeetingTypeFactory(
            name=data["name"], short_name=data["short_name"],
            standing_agenda="\n".join(data["standing_agenda"]))
        for data in directory.MEETING_TYPES
    }
    return {"organisations": organisations, "types": types}
