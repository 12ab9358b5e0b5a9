"""The extension objects, created unbound; create_app() binds them (no import cycles)."""
from __future__ import annotations

from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_mailman import Mail
from flask_migrate import Migrate
from flask_security import Security
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from accounts.mail import QueuedMailUtil
from accounts.passwords import VfacPasswordUtil


class Base(DeclarativeBase):
    # Stable constraint names, so Alembic batch mode can drop them on SQLite.
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


def client_ip() -> str:
    """The client's address (ProxyFix, when configured, has already put the real one here)."""
    return request.remote_addr or "unknown"


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
babel = Babel()
csrf = CSRFProtect()
mail = Mail()
security = Security(password_util_cls=VfacPasswordUtil, mail_util_cls=QueuedMailUtil)
limiter = Limiter(key_func=client_ip, default_limits=[])
