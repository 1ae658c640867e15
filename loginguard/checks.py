"""Deploy checks: the proxy setting must not let visitors choose, or all share, the address the login limit counts.

`TRUSTED_PROXY_COUNT` > 0 takes the visitor's address from X-Forwarded-For, which anyone who reaches
gunicorn directly can write: then gunicorn must listen where only the proxy reaches it. Behind a
proxy, `TRUSTED_PROXY_COUNT` = 0 counts every visitor as the proxy's one address. Where gunicorn
listens is read from config/gunicorn.conf.py, evaluated in this environment as gunicorn would
(`GUNICORN_BIND`); a `--bind` given on gunicorn's command line is beyond what this check sees.
"""

import ipaddress
import runpy

from django.conf import settings
from django.core import checks

# Addresses strangers on the internet cannot connect to: loopback, private and shared (carrier) networks.
_PROXY_ONLY_NETWORKS = [
    ipaddress.ip_network(network)
    for network in (
        *("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"),
        *("::1/128", "fc00::/7", "fe80::/10"),
    )
]


def gunicorn_bind():
    """The address gunicorn listens on, as config/gunicorn.conf.py works it out from this environment."""
    return runpy.run_path(str(settings.BASE_DIR / "config" / "gunicorn.conf.py"))["bind"]


def reachable_by_visitors(bind):
    """Whether a gunicorn bind address accepts connections from outside loopback and private networks.

    None for a host name other than localhost: this check does not resolve names.
    """
    if bind.startswith(("unix:", "fd://")):
        return False
    netloc = bind.removeprefix("tcp://")
    # gunicorn's own reading: "[v6]:port", "host:port", "host", ":port" (every interface).
    host = netloc[1:].partition("]")[0] if netloc.startswith("[") else netloc.partition(":")[0]
    if host == "localhost":
        return False
    try:
        address = ipaddress.ip_address(host or "0.0.0.0")
    except ValueError:
        return None
    if address.is_unspecified:
        return True  # every interface, the public ones included
    return not any(address in network for network in _PROXY_ONLY_NETWORKS if network.version == address.version)


@checks.register(checks.Tags.security, deploy=True)
def check_proxy_settings(app_configs, **kwargs):
    """loginguard.W001: X-Forwarded-For trusted on a public address; W002: a proxy in front but none trusted."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        try:
            bind = gunicorn_bind()
        except Exception as error:  # gunicorn itself would refuse to start; say so rather than stop the check
            return [
                checks.Warning(
                    f"config/gunicorn.conf.py cannot be read in this environment ({error}).",
                    hint="Fix the GUNICORN_* variables; gunicorn would not start either.",
                    id="loginguard.W003",
                )
            ]
        if reachable_by_visitors(bind):
            return [
                checks.Warning(
                    f"gunicorn listens on {bind}, which visitors can reach without the proxy, while "
                    f"TRUSTED_PROXY_COUNT={proxies} takes their address from X-Forwarded-For: anyone connecting "
                    "directly chooses the address the admin login limit counts.",
                    hint="Bind the app where only the proxy reaches it: GUNICORN_BIND=127.0.0.1:8000 when the "
                    "proxy runs on the same machine, otherwise this server's private-network address, with the "
                    "firewall open to the proxy only (README, Deploying).",
                    id="loginguard.W001",
                )
            ]
    elif settings.SECURE_PROXY_SSL_HEADER:
        return [
            checks.Warning(
                "SECURE_PROXY_SSL_HEADER says a proxy is in front of the app, but TRUSTED_PROXY_COUNT=0: the admin "
                "login limit counts every visitor as the proxy's one address, so anyone's failures refuse "
                "everyone's logins from browsers not yet known.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For "
                "(1 for the README's deployment) and bind the app where only the proxy reaches it.",
                id="loginguard.W002",
            )
        ]
    return []
