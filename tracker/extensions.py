"""Every Flask extension object, created once and initialised in `create_app`."""

import sqlalchemy as sa
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mailman import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_talisman import Talisman
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Named constraints so Alembic can alter them on SQLite and PostgreSQL alike.
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)

# `__table_args__` of every table whose ids appear in addresses: a deleted row's id is never
# given to a new one, so an old bookmark or email link cannot open a different record. SQLite
# reuses the highest id after a delete unless the key is AUTOINCREMENT; PostgreSQL's sequences
# never go back, and other backends ignore the option.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)
talisman = Talisman()
mail = Mail()
