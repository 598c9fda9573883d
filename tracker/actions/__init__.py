"""Actions: the register, an action's page and history, changes to it, the overdue review."""

from flask import Blueprint

bp = Blueprint("actions", __name__, url_prefix="/actions")

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ('views', 'change_views')
