"""Under PRODUCTION=true the tracker refuses to start without a SECRET_KEY of its own, and warns
when sign-in limits would be counted in each process apart."""

import logging

import pytest

from tracker import config

GOOD_KEY = "0123456789abcdef" * 4


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch):
    for name in ("SECRET_KEY", "PRODUCTION", "RATELIMIT_STORAGE_URI"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("key", [None, "", "too-short"])
def test_production_refuses_to_start_without_a_long_enough_secret_key(tmp_path, monkeypatch, key):
    monkeypatch.setenv("PRODUCTION", "true")
    if key is not None:
        monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        config.load(str(tmp_path))
    assert not (tmp_path / "secret_key").exists()  # no key made up for this one process


def test_production_uses_the_secret_key_it_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("PRODUCTION", "true")
    monkeypatch.setenv("SECRET_KEY", GOOD_KEY)
    settings = config.load(str(tmp_path))
    assert settings["SECRET_KEY"] == GOOD_KEY and settings["PRODUCTION"] is True


def test_outside_production_a_key_is_made_in_the_instance_folder(tmp_path):
    settings = config.load(str(tmp_path))
    assert settings["PRODUCTION"] is False
    assert settings["SECRET_KEY"] == (tmp_path / "secret_key").read_text().strip()


def test_production_with_limits_in_memory_warns(make_app, caplog):
    with caplog.at_level(logging.WARNING):
        make_app({"PRODUCTION": True, "RATELIMIT_STORAGE_URI": "memory://"})
    assert "set it to Redis when more than one process serves the tracker" in caplog.text


def test_production_with_limits_in_redis_does_not_warn(make_app, caplog):
    from tests.database import REDIS_URL, require_redis

    require_redis().close()
    with caplog.at_level(logging.WARNING):
        make_app({"PRODUCTION": True, "RATELIMIT_STORAGE_URI": REDIS_URL})
    assert "RATELIMIT_STORAGE_URI" not in caplog.text
