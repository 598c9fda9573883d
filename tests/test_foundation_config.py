"""Settings from the environment: the secret key and the database, with safe defaults."""

import stat

import pytest

from tracker import config


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch):
    for name in ("SECRET_KEY", "DATABASE_URL", "SESSION_COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)


def test_secret_key_is_generated_into_the_instance_folder_readable_only_by_its_owner(tmp_path):
    instance = tmp_path / "instance"
    key = config.load(str(instance))["SECRET_KEY"]
    key_file = instance / "secret_key"
    assert key_file.read_text().strip() == key
    assert len(key) >= 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_generated_secret_key_is_kept_across_restarts(tmp_path):
    first = config.load(str(tmp_path))["SECRET_KEY"]
    assert config.load(str(tmp_path))["SECRET_KEY"] == first


def test_two_installations_get_different_secret_keys(tmp_path):
    assert config.load(str(tmp_path / "a"))["SECRET_KEY"] != config.load(str(tmp_path / "b"))["SECRET_KEY"]


def test_secret_key_from_the_environment_wins_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert config.load(str(tmp_path))["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_database_defaults_to_sqlite_in_the_instance_folder(tmp_path):
    assert config.load(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/tracker.sqlite"


@pytest.mark.parametrize(
    "given,used",
    [
        ("postgres://u:p@db.example:5432/tracker", "postgresql+psycopg://u:p@db.example:5432/tracker"),
        ("postgresql://u@db.example/tracker", "postgresql+psycopg://u@db.example/tracker"),
        ("postgresql+psycopg://u@db.example/tracker", "postgresql+psycopg://u@db.example/tracker"),
        ("sqlite:////var/lib/tracker/tracker.sqlite", "sqlite:////var/lib/tracker/tracker.sqlite"),
    ],
)
def test_database_url_from_the_environment_always_uses_psycopg_3(tmp_path, monkeypatch, given, used):
    monkeypatch.setenv("DATABASE_URL", given)
    assert config.load(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == used


def test_session_cookie_is_secure_unless_turned_off_for_plain_http(tmp_path, monkeypatch):
    settings = config.load(str(tmp_path))
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["REMEMBER_COOKIE_SECURE"] is True
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "false")
    assert config.load(str(tmp_path))["SESSION_COOKIE_SECURE"] is False


@pytest.mark.parametrize(
    ("url", "checked"),
    [("sqlite:///tracker.sqlite", False), ("postgresql+psycopg://postgres@127.0.0.1:5432/test", True)],
)
def test_connections_are_checked_before_use_only_where_a_server_can_drop_them(tmp_path, url, checked):
    from tracker import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is checked
