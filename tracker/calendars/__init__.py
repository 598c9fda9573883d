"""Calendars: each person's secret feed of their meetings and due actions, the public feed of
public meetings, and "add to calendar" for one meeting, all as iCalendar (.ics)."""

from flask import Blueprint

# No prefix: its routes sit beside the pages they belong to (/account/calendar,
# /meetings/<id>.ics, /public/meetings.ics) and the secret feeds under /calendar/.
bp = Blueprint("calendars", __name__)

# The modules whose routes register on `bp`; `create_app` imports them before registering it.
VIEW_MODULES = ("views",)
