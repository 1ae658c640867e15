"""Settings for the test suite: fast hashing, in-memory cache, no debug."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "test-only-key-not-secret")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files straight from the source directories: the suite never runs collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tasks run at once, inside the request that queues them, so that a test sees their effect; the tests of the queue
# itself (tests/importing/test_import_jobs.py) switch to the database backend and run the worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The suite sends thousands of API requests from one address (the fuzz and schemathesis runs); the throttle's own
# tests set a small limit.
API_THROTTLE_REQUESTS = 1_000_000
