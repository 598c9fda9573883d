"""The search page for those signed in; the public one is in tracker/public/views.py."""

from flask import redirect, render_template, request, url_for
from flask_login import current_user

from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.search import bp, page


@bp.get("/search")
@permission_required(Permission.READ_MEETINGS)
def search():
    outcome = page.run(request.args, current_user, directory.meeting_types())
    if outcome.action_id is not None:
        # A reference typed into the box goes straight to its action.
        return redirect(url_for("actions.detail", action_id=outcome.action_id))
    return render_template("search/search.html", outcome=outcome, form=outcome.form,
                           endpoint="search.search", public=False)
