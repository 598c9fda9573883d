"""Email: the outbox, who is told what, reminders and the digest, preferences and unsubscribing.

The domains below publish events (kit.events) that `triggers` turns into messages in the same
transaction; `reminders` queues the scheduled ones; `outbox` sends them over SMTP.
"""

from flask import Blueprint

# No URL prefix: the pages live under /account, /admin and /unsubscribe.
bp = Blueprint("notifications", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views", "outbox_views")
