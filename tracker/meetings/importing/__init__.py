"""Reading minutes the team already has (Word or plain text) into a structure to review.

`minutes` holds the result's dataclasses, `reading` turns text lines into it (with `names` for
attendance lists and `when` for dates and times), `word` reads a .docx into the same lines,
`files` reads a file of either kind with the refusals a user sees, and `cli` is
`flask minutes import`. Nothing here touches the database: the review page and `--commit` come
later and save what the secretariat has checked.
"""
