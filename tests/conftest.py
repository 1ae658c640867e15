"""Shared test set-up: the hand-built archive, and a logged-in superuser for admin tests."""

import pytest
from django.core.management import call_command


@pytest.fixture
def archive(db):
    """The five seed documents' archive, loaded exactly as an operator loads it."""
    call_command("load_archive", verbosity=0)


@pytest.fixture
def admin_client(db, client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client
