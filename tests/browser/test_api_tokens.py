"""A lead makes a personal access token in the browser, uses it against the API of the running
tracker, and revokes it, after which the API refuses it."""

import json
import urllib.error
import urllib.request

from playwright.sync_api import expect

from tests.browser.crawl import Crawl, nu_errors

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


# The token pages change the data, so they are checked here rather than in the read-only crawl
# of test_accessibility_crawl.py.
def test_the_api_token_pages_pass_axe_and_the_nu_html_checker(page, demo, sign_in, tmp_path):
    """The states of /account/tokens the link crawl cannot reach, as it only reads: the form's
    errors, a new token shown once, the list with tokens, and the revoke confirmation.
    (The page with no tokens, and /api/v1/docs, are reached by links in the crawl above.)"""
    crawl = Crawl(page)
    sign_in(page, "lead")
    crawl.visit("/account/tokens", expect=200)

    def send(label: str, name: str, days: str) -> None:
        page.get_by_label("Name").fill(name)
        page.get_by_label("Expires after").fill(days)
        with page.expect_response(lambda response: response.request.method == "POST") as posted:
            page.get_by_role("button", name="Create token").click()
        page.wait_for_load_state()
        crawl.check(f"/account/tokens ({label})", posted.value)

    send("form errors", "", "0")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    send("a new token shown", "Quarterly figures", "90")
    expect(page.locator("#new-token")).to_be_visible()

    crawl.visit("/account/tokens", expect=200)
    with page.expect_navigation() as confirmation:
        page.get_by_role("link", name="Revoke the token Quarterly figures").click()
    crawl.check(crawl.site_url(page.url), confirmation.value)
    with page.expect_navigation() as revoked:
        page.get_by_role("button", name="Revoke the token").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been revoked")
    crawl.check(f"{crawl.site_url(page.url)} (revoked)", revoked.value)
    crawl.visit("/api/v1/docs", expect=200)

    problems = crawl.problems + nu_errors(crawl.visits, tmp_path)
    assert problems == [], "\n".join(problems) + f"\nThe HTML of each page is in {tmp_path}"
