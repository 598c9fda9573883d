"""axe-core in the browser tests: where it is, and the violations it finds on a page."""

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def with_axe(page) -> None:
    """Load axe-core into the page now shown, unless it is there already.

    Only into pages that are checked: put into every page as it opened (an init script), its
    half a megabyte of script cost a sixth to a quarter of each page's time. Playwright
    evaluates it from outside the page, so the tracker's CSP does not block it.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_source())


def axe_violations(page) -> list[dict]:
    """axe-core's violations for the page as it stands (WCAG 2.0-2.2 A and AA rules).

    Waits for the page a click has just opened to finish loading first: on a busy machine axe
    could otherwise check a document that is still empty.
    """
    page.wait_for_load_state("load")
    page.locator("main h1").first.wait_for(state="attached")
    with_axe(page)
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
                resultTypes: ["violations"]
            });
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
        }"""
    )
