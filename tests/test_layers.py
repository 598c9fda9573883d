"""The domains import one way (README, "Where a change belongs"): a module imports only from its
own domain and the ones below it, so a rule has one home and no import circles form. The two pages
of a lower domain that list actions are the only, named, exceptions."""

import ast
from pathlib import Path

import tracker

PACKAGE = Path(tracker.__file__).parent
# Lowest first; domains on one level may not import each other.
LAYERS = [
    {"config", "extensions"},
    {"kit"},
    {"errors"},
    {"request_guard"},
    {"directory"},
    {"audit"},
    {"auth"},
    {"plans"},
    {"meetings"},
    {"actions"},
    {"reports"},
    {"notifications"},
    {
        "admin", "home", "public", "calendars", "templating", "cli", "demo", "demo_data", "models",
        "transfer", "search", "api",
    },
]
LEVEL = {domain: level for level, domains in enumerate(LAYERS) for domain in domains}
# The pages of a lower domain that show actions call the actions domain's queries.
ALLOWED_UPWARD = {
    ("meetings/views.py", "actions"),
    ("plans/views.py", "actions"),
}


def imports_of(path: Path) -> set[str]:
    """The tracker domains a module imports, at any depth in the module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tracker."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.module == "tracker":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.split(".")[1] for alias in node.names
                if alias.name.startswith("tracker.")
            )
    return found


def domain_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py") if len(relative.parts) > 1 or relative.stem != "__init__" else "app"


def test_every_domain_has_a_layer():
    domains = {domain_of(path) for path in PACKAGE.rglob("*.py")} - {"app"}
    assert domains <= set(LEVEL), f"add these to LAYERS (and the README): {domains - set(LEVEL)}"


def test_no_module_imports_a_domain_above_its_own():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        domain = domain_of(path)
        if domain == "app":
            continue  # create_app wires everything together
        for imported in imports_of(path) - {domain}:
            if imported not in LEVEL:
                continue
            relative = str(path.relative_to(PACKAGE))
            if LEVEL[imported] >= LEVEL[domain] and (relative, imported) not in ALLOWED_UPWARD:
                if LEVEL[imported] == LEVEL[domain] == len(LAYERS) - 1:
                    continue  # the top level brings the domains together
                upward.append(f"{relative} imports tracker.{imported}")
    assert upward == []
