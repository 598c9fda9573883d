"""Home"""

from flask import Blueprint

bp = Blueprint("home", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views",)
