"""`flask report ...`: reports for scheduled runs."""

from flask.cli import AppGroup

report_cli = AppGroup("report", help="Produce reports for meeting packs.")
