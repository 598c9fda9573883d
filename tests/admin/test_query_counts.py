"""The lists make the same number of SQL queries however many records they show."""

import pytest
import sqlalchemy as sa

from tests.factories import MeetingTypeFactory, OrganisationFactory, PersonFactory, UserFactory
from tracker.admin import services
from tracker.extensions import db


def add_records(how_many: int, admin) -> None:
    for _ in range(how_many):
        organisation = OrganisationFactory()
        person = PersonFactory(organisation=organisation)
        UserFactory(person=person)
        MeetingTypeFactory(standing_agenda="Welcome\nAny other business")
    db.session.commit()
    for organisation in db.session.scalars(sa.select(services.Organisation).limit(how_many)):
        services.change_organisation(
            admin, organisation, organisation.name + " Ltd", organisation.short_name
        )


@pytest.mark.parametrize(
    "url",
    [
        "/admin",
        "/admin/organisations",
        "/admin/people",
        "/admin/people?q=Person",
        "/admin/meeting-types",
        "/admin/users",
        "/admin/audit",
    ],
)
def test_list_query_count_does_not_grow_with_the_records(client, admin, url, count_queries):
    add_records(2, admin)
    with count_queries() as few:
        assert client.get(url).status_code == 200
    add_records(20, admin)
    with count_queries() as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
