"""The framework's own ceiling: a bare Flask + Jinja app that renders the register's 25-row table
of actions from static data, with the same markup (templates/macros/actions.html), and nothing
else — no database, sign-in, forms or security headers.

    gunicorn bench.bare_app:app

`make bench` serves it and the tracker under the same gunicorn settings and compares their
requests per second on /actions.
"""

from datetime import date, timedelta

from flask import Flask, render_template
from jinja2 import DictLoader

TABLE = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Actions</title></head>
<body>
<main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">Actions</h1>
<table class="govuk-table ca-table--stack">
  <caption class="govuk-table__caption govuk-table__caption--s">Actions, as at {{ as_at.strftime("%d %B %Y") }}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Reference</th>
      <th scope="col" class="govuk-table__header">Action</th>
      <th scope="col" class="govuk-table__header">Owner and lead</th>
      <th scope="col" class="govuk-table__header">Raised at</th>
      <th scope="col" class="govuk-table__header">Due</th>
      <th scope="col" class="govuk-table__header">Status</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    {% for action in actions %}
      <tr class="govuk-table__row">
        <td class="govuk-table__cell ca-nowrap" data-label="Reference"><a class="govuk-link" href="/actions/{{ action.id }}">{{ action.reference }}</a></td>
        <td class="govuk-table__cell" data-label="Action">{{ action.text }}
          <p class="govuk-body-s">Latest update {{ action.updated_on.strftime("%d %b %Y") }}: {{ action.latest }}</p></td>
        <td class="govuk-table__cell" data-label="Owner and lead">{{ action.owner }}<br>{{ action.lead }}</td>
        <td class="govuk-table__cell" data-label="Raised at">{{ action.meeting }}</td>
        <td class="govuk-table__cell ca-nowrap" data-label="Due">{{ action.due_on.strftime("%d %b %Y") }}</td>
        <td class="govuk-table__cell" data-label="Status"><strong class="govuk-tag govuk-tag--blue">{{ action.status }}</strong></td>
      </tr>
    {% endfor %}
  </tbody>
</table>
</main>
</body>
</html>
"""

AS_AT = date(2024, 2, 27)
ACTIONS = [
    {
        "id": n,
        "reference": f"COM-2023-10-{n:02d}a",
        "text": "WYP to provide the district breakdown of knife crime for the next meeting.",
        "latest": "Work continues with partners.",
        "updated_on": AS_AT - timedelta(days=n),
        "owner": "WYP",
        "lead": "Damien Miller",
        "meeting": "COM 10 October 2023",
        "due_on": AS_AT + timedelta(days=n),
        "status": "Open",
    }
    for n in range(1, 26)
]

app = Flask(__name__)
app.jinja_loader = DictLoader({"actions.html": TABLE})


@app.get("/actions")
def actions():
    return render_template("actions.html", actions=ACTIONS, as_at=AS_AT)
