"""The governance meeting and action tracker: a Flask application factory."""

from pathlib import Path

from flask import Flask
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker import config
from tracker.extensions import csrf, db, limiter, login_manager, migrate, talisman

ROOT = Path(__file__).resolve().parent.parent

# Only what the pages need: our own scripts and styles, plus the nonce'd inline GOV.UK snippet.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_mapping(config.load(app.instance_path))
    if overrides:
        app.config.update(overrides)
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1)  # type: ignore[method-assign]

    register_templates(app)
    register_request_guard(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def register_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    from tracker import template_helpers

    template_helpers.register(app)


def register_request_guard(app: Flask) -> None:
    # Before the extensions (so it runs before CSRF and rate limits read the form) and before the
    # blueprints (whose URL rules use its id converter).
    from tracker import request_guard

    request_guard.register(app)


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    # Batch mode lets Alembic alter SQLite tables; compare_type catches column type changes.
    migrate.init_app(
        app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CONTENT_SECURITY_POLICY,
        content_security_policy_nonce_in=["script-src"],
        strict_transport_security=app.config["FORCE_HTTPS"],
    )
    from tracker import models  # noqa: F401  (the whole schema, for Alembic)
    from tracker.auth import loader  # noqa: F401  (registers the user loader)


def register_blueprints(app: Flask) -> None:
    from tracker.actions.views import bp as actions_bp
    from tracker.admin.views import bp as admin_bp
    from tracker.auth.views import bp as auth_bp
    from tracker.home.views import bp as home_bp
    from tracker.meetings.views import bp as meetings_bp
    from tracker.plans.views import bp as plans_bp
    from tracker.public.views import bp as public_bp
    from tracker.reports.views import bp as reports_bp

    for bp in (home_bp, auth_bp, meetings_bp, actions_bp, plans_bp, reports_bp, admin_bp, public_bp):
        app.register_blueprint(bp)


def register_errorhandlers(app: Flask) -> None:
    from tracker.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    from tracker.cli import register

    register(app)
