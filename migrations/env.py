import logging
import warnings
from logging.config import fileConfig

from flask import current_app

from alembic import context

# this is the Alembic Config object, which provides
# access to the values within the .ini file in use.
config = context.config

# Interpret the config file for Python logging.
# This line sets up loggers basically.
# Keep the application's own loggers working after migrations run (tests, CLI).
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger('alembic.env')


def get_engine():
    return current_app.extensions['migrate'].db.engine


def get_engine_url():
    return get_engine().url.render_as_string(hide_password=False).replace('%', '%%')


# add your model's MetaData object here
# for 'autogenerate' support
# from myapp import mymodel
# target_metadata = mymodel.Base.metadata
config.set_main_option('sqlalchemy.url', get_engine_url())
target_db = current_app.extensions['migrate'].db

# other values from the config, defined by the needs of env.py,
# can be acquired:
# my_important_option = config.get_main_option("my_important_option")
# ... etc.


def get_metadata():
    if hasattr(target_db, 'metadatas'):
        return target_db.metadatas[None]
    return target_db.metadata


def run_migrations_offline():
    """Run migrations in 'offline' mode.

    This configures the context with just a URL
    and not an Engine, though an Engine is acceptable
    here as well.  By skipping the Engine creation
    we don't even need a DBAPI to be available.

    Calls to context.execute() here emit the given string to the
    script output.

    """
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url, target_metadata=get_metadata(), literal_binds=True
    )

    with context.begin_transaction():
        context.run_migrations()


# Indexes on an expression, which SQLAlchemy cannot reflect (it warns and skips them), so
# autogenerate cannot compare them: migrations 0006 and 0008 create them exactly as the models
# declare.
EXPRESSION_INDEXES = {'ix_action_due_order', 'ix_action_owner_status_due'}
for index_name in sorted(EXPRESSION_INDEXES):
    for message in (
        f'Skipped unsupported reflection of expression-based index {index_name}',
        f"autogenerate skipping metadata-specified expression-based index '{index_name}'",
    ):
        warnings.filterwarnings('ignore', message=message)


def include_object(object, name, type_, reflected, compare_to):
    if type_ == 'index' and name in EXPRESSION_INDEXES:
        return False
    return not is_search_object(name, type_)


def is_search_object(name, type_):
    """Full-text search's own objects (migration 0010), which the models do not declare:
    PostgreSQL's generated search_vector columns and their indexes, SQLite's FTS5 tables."""
    if type_ == 'column':
        return name == 'search_vector'
    if type_ == 'index':
        return name.endswith('_search')
    return type_ == 'table' and name.startswith('search_')


def run_migrations_online():
    """Run migrations in 'online' mode.

    In this scenario we need to create an Engine
    and associate a connection with the context.

    """

    # this callback is used to prevent an auto-migration from being generated
    # when there are no changes to the schema
    # reference: http://alembic.zzzcomputing.com/en/latest/cookbook.html
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, 'autogenerate', False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info('No changes in schema detected.')

    conf_args = current_app.extensions['migrate'].configure_args
    conf_args.setdefault("include_object", include_object)
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    connectable = get_engine()

    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=get_metadata(),
            **conf_args
        )

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
