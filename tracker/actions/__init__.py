"""Actions: the register, an action's page and history, changes to it, the overdue review."""

from flask import Blueprint

# No URL prefix: the register lives under /actions, raising an action under its meeting's address.
bp = Blueprint("actions", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views", "change_views", "raise_views", "import_views")
