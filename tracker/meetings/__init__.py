"""Meetings: the list, a meeting's page, attendance, agenda items, the minutes' lifecycle."""

from flask import Blueprint

bp = Blueprint("meetings", __name__, url_prefix="/meetings")

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views", "item_views")
