"""Your personal access tokens for the API: listing, making and revoking them.

A new token's secret is shown once, in the answer to the form that made it, and kept by no cache:
the tracker stores only its hash, and the secret never travels in the session or a later page.
"""

import sqlalchemy as sa
from flask import flash, make_response, redirect, render_template, url_for
from flask_login import current_user, login_required

from tracker.auth import bp, tokens
from tracker.auth.forms import NewTokenForm
from tracker.auth.models import ApiToken
from tracker.extensions import db
from tracker.kit.dates import utcnow
from tracker.kit.forms import ConfirmForm


def own_token_or_404(token_id: int) -> ApiToken:
    """One of the signed-in user's tokens; anyone else's is not found, as if it did not exist."""
    return db.first_or_404(
        sa.select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == current_user.id)
    )


def tokens_page(form: NewTokenForm, *, created: ApiToken | None = None, secret: str | None = None):
    now = utcnow()
    rows = [(token, token.status(now)) for token in tokens.tokens_of(current_user)]
    return render_template(
        "auth/tokens.html", form=form, rows=rows, created=created, secret=secret
    )


@bp.get("/account/tokens")
@login_required
def api_tokens():
    return tokens_page(NewTokenForm())


@bp.post("/account/tokens")
@login_required
def create_api_token():
    form = NewTokenForm()
    if not form.validate_on_submit():
        return tokens_page(form)
    try:
        token, secret = tokens.issue(
            current_user._get_current_object(),
            name=form.name.data or "",
            scope=form.scope.data or "",
            expires_in_days=form.expires_in_days.data,
        )
    except tokens.TokenError as refusal:
        db.session.rollback()
        field = form._fields.get(refusal.field or "", form.name)  # the field it is about
        field.errors = [*field.errors, str(refusal)]
        return tokens_page(form)
    # 201: made, and shown in this answer rather than after a redirect. No cache keeps it, and
    # going back or opening the page again does not show it (a reload sends the form again,
    # making another token).
    response = make_response(
        tokens_page(NewTokenForm(formdata=None), created=token, secret=secret), 201
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Location"] = url_for("auth.api_tokens")
    return response


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["GET", "POST"])
@login_required
def revoke_api_token(token_id: int):
    token = own_token_or_404(token_id)
    if token.revoked_at is not None:
        flash(f"The token “{token.name}” was already revoked.", "info")
        return redirect(url_for("auth.api_tokens"))
    form = ConfirmForm()
    if form.validate_on_submit():
        tokens.revoke(token, current_user._get_current_object())
        flash(f"The token “{token.name}” has been revoked. It no longer works.", "success")
        return redirect(url_for("auth.api_tokens"))
    return render_template("auth/revoke_api_token.html", form=form, token=token)
