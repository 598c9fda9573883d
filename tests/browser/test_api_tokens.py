"""A lead makes a personal access token in the browser, uses it against the API of the running
tracker, and revokes it, after which the API refuses it."""

import json
import urllib.error
import urllib.request

from playwright.sync_api import expect

# Any API list a lead may read.
API_PATH = "/api/v1/meetings"


def api_get(live_server: str, secret: str) -> tuple[int, dict]:
    """GET the API as a script would, with the token and no cookie; the status and JSON body."""
    request = urllib.request.Request(
        live_server + API_PATH, headers={"Authorization": f"Bearer {secret}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def test_a_lead_makes_a_token_uses_it_and_revokes_it(page, demo, sign_in, live_server):
    sign_in(page, "lead")
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="manage your API tokens").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your API tokens")
    expect(page.locator("main")).to_contain_text("You have no tokens yet")

    page.get_by_label("Name").fill("Action updates script")
    page.get_by_label("Read and write").check()
    expect(page.get_by_label("Expires after")).to_have_value("90")
    page.get_by_role("button", name="Create token").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your new token “Action updates script” is ready"
    )
    secret = page.locator("#new-token").inner_text().strip()
    assert secret.startswith("wyt_")
    expect(page.locator("#curl-example")).to_contain_text(f"Bearer {secret}")

    status, body = api_get(live_server, secret)
    assert status == 200, body
    assert "items" in body

    # Shown once: the list, opened again, has the token's name and prefix but not the token.
    page.goto("/account/tokens")
    expect(page.locator("#new-token")).to_have_count(0)
    row = page.locator("tbody tr", has_text="Action updates script")
    expect(row).to_contain_text("Read and write")
    expect(row).to_contain_text("Active")
    assert secret not in page.content()
    # Nor does the back button bring it back (the answer that showed it said no-store).
    page.go_back()
    expect(page.locator("#new-token")).to_have_count(0)
    assert secret not in page.content()
    page.goto("/account/tokens")

    row.get_by_role("link", name="Revoke the token Action updates script").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Are you sure you want to revoke this token?"
    )
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The token “Action updates script” has been revoked"
    )
    expect(page.locator("tbody tr", has_text="Action updates script")).to_contain_text("Revoked")

    status, body = api_get(live_server, secret)
    assert status == 401, body
