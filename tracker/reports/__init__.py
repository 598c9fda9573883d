"""Reports: minutes, the outstanding-actions report and the Delivery Quarterly pack."""

from flask import Blueprint

# No URL prefix: the reports live under /reports, a meeting's minutes under its own address.
bp = Blueprint("reports", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views", "minutes.views", "outstanding.views", "delivery_quarterly.views")
