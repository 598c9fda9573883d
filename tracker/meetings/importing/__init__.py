"""Reading minutes the team already has (Word or plain text) into a structure to review.

`minutes` holds the result's dataclasses, `reading` turns text lines into it (with `names` for
attendance lists and `when` for dates and times), `word` reads a .docx into the same lines,
`files` reads a file of either kind with the refusals a user sees, `matching` finds the
directory's people, organisations and meeting types in what the minutes write, and `proposal`
puts those matches together for the review. Nothing here writes to the database: saving the
checked minutes raises actions, so the review page, `flask minutes import` and the service that
creates the draft meeting are in the actions domain (`tracker/actions/import_*.py`,
`imported_minutes.py`, `minutes_cli.py`).
"""
