"""Tap and click targets stay at least 24 px apart (WCAG 2.2 target size) whatever the font.

The header's "Your account" (once "Change password") and "Sign out" were spaced by the luck of
Arial's metrics: drawn in DejaVu Sans (what a machine without Arial falls back to) or with text
enlarged to 200%, they crowded together. The page is checked here in a wide font and at 200% text, with axe-core's
target-size rule, on each signed-in role's home page and on the register.
"""

import pytest

from tests.browser.axe import with_axe

WIDE_FONT = "* { font-family: 'DejaVu Sans', sans-serif !important; }"
TEXT_200 = "html { font-size: 200% !important; } body * { font-size: 1em; }"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The tracker's CSP blocks inline styles, as it should; this test adds one on purpose.
    return {**browser_context_args, "bypass_csp": True}


def target_size_violations(page) -> list[str]:
    page.wait_for_load_state("load")
    with_axe(page)
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {runOnly: ["target-size"], resultTypes: ["violations"]});
            return result.violations.flatMap(v => v.nodes.map(n => n.target.join(" ")));
        }"""
    )


@pytest.mark.parametrize("style", [WIDE_FONT, WIDE_FONT + TEXT_200], ids=["wide-font", "200%-text"])
@pytest.mark.parametrize("username", ["secretariat", "lead", "dmpc"])
def test_header_targets_are_large_enough_in_any_font(page, demo, sign_in, username, style):
    sign_in(page, username)
    for path in ("/", "/actions"):
        page.goto(path)
        page.add_style_tag(content=style)
        # The header's own targets are measured too, not only what axe reports.
        for name in ("Your account", "Sign out"):
            box = page.get_by_role("link", name=name).or_(
                page.get_by_role("button", name=name)
            ).bounding_box()
            assert box["height"] >= 24 and box["width"] >= 24, (path, name, box)
        assert target_size_violations(page) == [], path
