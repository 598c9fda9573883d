"""`flask minutes import`: the seed minutes reported, and as the JSON issue 15 specifies."""

import json

import pytest

from tests.factories import MeetingTypeFactory
from tests.meetings.importing.seed import SEED


@pytest.fixture
def com(app):
    return MeetingTypeFactory(name="Community Outcomes Meeting", short_name="COM")


def test_json_for_the_seed_minutes(app, com):
    result = app.test_cli_runner().invoke(
        args=["minutes", "import", str(SEED), "--type", "COM", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert list(found) == ["file", "title", "date", "time", "place", "attendance", "items",
                           "actions"]
    assert found["file"] == str(SEED)
    assert (found["title"], found["date"], found["time"], found["place"]) == (
        "Community Outcomes Meeting (COM)", "2023-10-10", None, None)
    assert found["attendance"] == {
        "present": ["Alison Lowe", "Julie Reid", "Catherine Hankinson", "Damien Miller",
                    "Carl Glavin", "Russ Hughes"],
        "also_present": ["Paige Cowling", "Dave Iveson", "Sharon Waugh"],
        "apologies": [],
    }
    assert [(item["number"], item["title"]) for item in found["items"]][:4] == [
        (1, "Welcome, introductions and apologies"),
        (2, "Notes of the previous meeting on 11 July and Matters arising"),
        (3, "Mayors Announcements"),
        (4, "Use of Force"),
    ]
    assert len(found["items"]) == 12
    assert found["items"][11] == {"number": 12, "title": "Next Meeting", "notes": "27 February 2024"}
    assert found["actions"][0] == {
        "item": 4, "letter": "a", "owner": "WYP",
        "text": "WYP to provide further analytical work to understand why the proportion of "
                "complaints from women and girls was higher."}
    assert [(a["item"], a["letter"]) for a in found["actions"]] == [
        (4, "a"), (4, "b"), (5, "a"), (7, "a"), (7, "b"), (8, "a"), (9, "a")]


def test_report_by_default(app, com):
    result = app.test_cli_runner().invoke(args=["minutes", "import", str(SEED), "--type", "com"])
    assert result.exit_code == 0, result.output
    assert "12 items, 7 actions" in result.output
    assert "6 present, 3 also present, 0 apologies" in result.output
    assert "4. Use of Force (actions a, b)" in result.output


def test_unknown_type_and_unreadable_file_are_refused(app, com, tmp_path):
    runner = app.test_cli_runner()
    unknown = runner.invoke(args=["minutes", "import", str(SEED), "--type", "XYZ"])
    assert unknown.exit_code != 0 and "no meeting type called 'XYZ'" in unknown.output
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"not word")
    refused = runner.invoke(args=["minutes", "import", str(bad), str(SEED), "--type", "COM"])
    assert refused.exit_code == 1
    assert "not a Word document" in refused.output
    assert "12 items, 7 actions" in refused.output  # the other files are still read
