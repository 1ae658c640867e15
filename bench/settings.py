"""Settings for benchmark runs only: the production settings plus the minimal baseline view.

bench/load.py sets the environment production needs (a throwaway SECRET_KEY, ALLOWED_HOSTS=127.0.0.1,
a cache) and serves plain HTTP on 127.0.0.1, so the HTTPS redirect is off.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
