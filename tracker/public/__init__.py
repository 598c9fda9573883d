"""Pages anyone may read without signing in: published minutes, accessibility."""

from flask import Blueprint

bp = Blueprint("public", __name__, url_prefix="/public")

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views",)
