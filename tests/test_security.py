"""Security headers on public pages, and the admin login refusing password guessing."""

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/en/admin/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@example.org", "right-password", is_staff=True)


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_public_page_carries_csp_without_inline_scripts_and_the_other_security_headers(archive, client):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_or_style(archive, client):
    html = client.get("/ru/").content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html


def test_admin_login_is_refused_with_429_after_five_wrong_passwords(editor, client):
    for _ in range(5):
        response = attempt(client, "editor", "guess")
        assert response.status_code == 200
    refused = attempt(client, "editor", "right-password")
    assert refused.status_code == 429
    assert "Too many failed login attempts" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_admin_login_limit_is_per_address_and_user_name(editor, client):
    for _ in range(5):
        attempt(client, "editor", "guess")
    assert attempt(client, "editor", "right-password", address="198.51.100.2").status_code == 302
    assert attempt(client, "someone-else", "guess").status_code == 200


def test_successful_login_clears_earlier_failures(editor, client):
    for _ in range(4):
        attempt(client, "editor", "guess")
    assert attempt(client, "editor", "right-password").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "editor", "guess").status_code == 200
    assert attempt(client, "editor", "right-password").status_code == 302


def test_many_user_names_from_one_address_are_refused(client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 3
    for n in range(3):
        assert attempt(client, f"user-{n}", "guess").status_code == 200
    assert attempt(client, "user-99", "guess").status_code == 429


def test_address_behind_a_trusted_proxy_comes_from_x_forwarded_for(editor, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        client.post(LOGIN, {"username": "editor", "password": "guess"}, HTTP_X_FORWARDED_FOR="192.0.2.1")
    from_other_visitor = client.post(
        LOGIN, {"username": "editor", "password": "right-password"}, HTTP_X_FORWARDED_FOR="192.0.2.2"
    )
    assert from_other_visitor.status_code == 302


def test_rate_limit_message_is_in_russian_under_ru(editor, client):
    for _ in range(5):
        client.post("/ru/admin/login/", {"username": "editor", "password": "guess"})
    refused = client.post("/ru/admin/login/", {"username": "editor", "password": "guess"})
    assert refused.status_code == 429
    assert "Слишком много неудачных попыток входа" in refused.content.decode()
