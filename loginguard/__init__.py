"""The admin login limit: failed attempts counted in the database, known browsers exempt from shared counts.

`limits.py` decides whether an attempt may go ahead, `devices.py` recognises browsers an account has
logged in from, `usernames.py` reads a typed user name the one way the limit and authentication
(`backends.py`) share, `middleware.py` applies it to the admin login, and `checks.py` warns at
`check --deploy` when the proxy setting would let visitors choose the address the limit counts.
"""
