"""The demo COM of 10 October 2023, published: what the public see."""

import pytest

from tests.access.lookup import Demo

pytestmark = pytest.mark.read_only_demo


def test_the_published_com_is_listed_for_the_public(client, read_only_demo):
    page = client.get("/public/meetings").text
    assert f'href="/public/meetings/{Demo().com_meeting()}">Community Outcomes Meeting, 10 October 2023' in page
    assert "Joint Executive Meeting" not in page and "Delivery Quarterly" not in page


def test_the_public_page_has_the_minutes_without_the_confidential_action(client, read_only_demo):
    response = client.get(f"/public/meetings/{Demo().com_meeting()}")
    assert response.status_code == 200
    page = response.text
    assert "Alison Lowe – Deputy Mayor for Policing and Crime (DMPC), WYCA" in page
    assert "12. Next Meeting" in page
    assert "WYP to provide any materials on the Business Crime Group" in page
    assert "WYP to confidentially update the DMPC" not in page
    assert "COM-2023-10-" not in page  # references are for staff copies
