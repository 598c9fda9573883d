"""Search: one box over meetings, agenda items, actions, their updates and decisions, and papers."""

from flask import Blueprint

bp = Blueprint("search", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views",)
