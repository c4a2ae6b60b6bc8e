import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from accounts.client_ip import client_ip
from config.env import env_networks


def request(**meta):
    return RequestFactory().get("/", **meta)


@pytest.fixture
def proxy(settings):
    """One proxy in front, at 10.0.0.1."""
    settings.PAUSE_TRUSTED_PROXIES = 1
    settings.PAUSE_PROXY_ADDRESSES = ["10.0.0.1"]
    return settings


def test_without_proxies_the_socket_address_counts_and_forwarded_headers_are_ignored(settings):
    settings.PAUSE_TRUSTED_PROXIES = 0
    assert client_ip(request(REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6")) == "10.1.1.1"


def test_behind_one_proxy_the_address_it_appended_counts_not_what_the_client_claimed(proxy):
    spoofed = request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert client_ip(spoofed) == "203.0.113.7"


def test_behind_two_proxies_the_second_from_the_right_counts(proxy):
    proxy.PAUSE_TRUSTED_PROXIES = 2
    assert client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2")) == "203.0.113.7"


def test_a_missing_header_falls_back_to_the_socket_and_no_address_is_none(proxy):
    assert client_ip(request(REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    bare = request()
    del bare.META["REMOTE_ADDR"]
    assert client_ip(bare) is None


def test_a_client_that_reaches_the_app_round_the_proxy_cannot_choose_its_address(proxy):
    direct = request(REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR="10.1.0.7")
    assert client_ip(direct) == "192.0.2.50"


def test_proxies_may_be_given_as_networks_or_as_any(proxy):
    proxy.PAUSE_PROXY_ADDRESSES = ["10.0.0.0/8", "fd00::/8"]
    assert client_ip(request(REMOTE_ADDR="10.9.8.7", HTTP_X_FORWARDED_FOR="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request(REMOTE_ADDR="fd00::1", HTTP_X_FORWARDED_FOR="203.0.113.8")) == "203.0.113.8"
    proxy.PAUSE_PROXY_ADDRESSES = ["*"]
    assert client_ip(request(REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.9")) == "203.0.113.9"


@pytest.mark.parametrize(
    "claimed", ["garbage", "999.999.999.999", "' OR 1=1 --", "a" * 200, "203.0.113.7:4431", "", "1.2.3.4\x00"]
)
def test_anything_but_an_address_in_the_header_falls_back_to_the_socket(proxy, claimed):
    assert client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=claimed)) == "10.0.0.1"


def test_an_address_is_given_in_its_normal_form(proxy):
    assert client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=" 2001:DB8::0001 ")) == "2001:db8::1"


def test_a_socket_address_that_is_not_an_address_is_none(proxy):
    assert client_ip(request(REMOTE_ADDR="unix-socket", HTTP_X_FORWARDED_FOR="203.0.113.7")) is None


def test_a_bad_proxy_list_is_refused_at_start(monkeypatch):
    monkeypatch.setenv("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1, proxy.internal")
    with pytest.raises(ImproperlyConfigured, match="'proxy.internal'"):
        env_networks("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
    monkeypatch.setenv("GUNICORN_FORWARDED_ALLOW_IPS", "*")
    assert env_networks("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1") == ["*"]
