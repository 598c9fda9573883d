"""Administration: the directory, users and roles, and the audit log."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views",)
