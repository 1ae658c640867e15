"""Local development: debug on, SQLite by default, a development-only secret key."""

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = True
# A development-only key; production reads SECRET_KEY from the environment.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
