"""Signing in and out, accounts, roles and the permission checks."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views", "account_views", "token_views")
