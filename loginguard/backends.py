"""Authentication that reads the user name exactly as the login limit counts it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .usernames import normalize_username


class NormalizedUsernameBackend(ModelBackend):
    """Django's ModelBackend with the user name normalised first, so one account is one login counter."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.pop(get_user_model().USERNAME_FIELD, None)
        if username is not None:
            username = normalize_username(username)
        return super().authenticate(request, username=username, password=password, **kwargs)
