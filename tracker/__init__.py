"""The governance meeting and action tracker: a Flask application factory."""

import importlib
from pathlib import Path

from flask import Flask
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker import config
from tracker.extensions import csrf, db, limiter, login_manager, mail, migrate, talisman

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
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A file has no server to drop the connection: checking it before each request (a
        # "SELECT 1" on every page) would only cost time.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"], "pool_pre_ping": False
        }
    if app.config["TRUSTED_PROXIES"]:
        # Only proxies we run may say who the client is: served directly, anyone could forge it.
        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]

    register_templates(app)
    register_request_guard(app)
    register_extensions(app)
    register_blueprints(app)
    register_subscribers(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def register_templates(app: Flask) -> None:
    from tracker.kit.jinja import TrackerEnvironment

    app.jinja_environment = TrackerEnvironment  # before `app.jinja_env` is first made
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
    from tracker import templating

    templating.register(app)


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
    mail.init_app(app)
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
    from tracker.auth import limits, loader, sessions  # noqa: F401  (loader: the user loader)

    limits.init_app(app)
    sessions.init_app(app)  # after Talisman, whose https redirect and nonce come first
    from tracker.kit import data_versions

    data_versions.init_app(app)  # the kept counts, and the tokens that say when they are stale


def register_blueprints(app: Flask) -> None:
    from tracker import (
        actions,
        admin,
        auth,
        calendars,
        home,
        meetings,
        notifications,
        plans,
        public,
        reports,
        search,
    )

    # Every package's view modules first: a route cannot be added once its blueprint is registered.
    packages = (
        home, auth, meetings, actions, plans, reports, notifications, admin, public, calendars,
        search,
    )
    for package in packages:
        for module in package.VIEW_MODULES:
            importlib.import_module(f"{package.__name__}.{module}")
    for package in packages:
        app.register_blueprint(package.bp)
    from tracker import api

    api.register(app)


def register_subscribers(app: Flask) -> None:
    # What follows from a change in one domain, handled by a higher one (kit.events).
    from tracker.notifications import triggers

    triggers.subscribe(app)


def register_errorhandlers(app: Flask) -> None:
    from tracker.api import problems
    from tracker.errors import register

    register(app)
    problems.register(app)  # after the web's: problem+json under /api/, the web's pages elsewhere


def register_commands(app: Flask) -> None:
    from tracker.cli import register

    register(app)
