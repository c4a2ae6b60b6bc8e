from django.test import RequestFactory

from accounts.client_ip import client_ip


def request(**meta):
    return RequestFactory().get("/", **meta)


def test_without_proxies_the_socket_address_counts_and_forwarded_headers_are_ignored(settings):
    settings.PAUSE_TRUSTED_PROXIES = 0
    assert client_ip(request(REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="6.6.6.6")) == "10.1.1.1"


def test_behind_one_proxy_the_address_it_appended_counts_not_what_the_client_claimed(settings):
    settings.PAUSE_TRUSTED_PROXIES = 1
    spoofed = request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert client_ip(spoofed) == "203.0.113.7"


def test_behind_two_proxies_the_second_from_the_right_counts(settings):
    settings.PAUSE_TRUSTED_PROXIES = 2
    assert client_ip(request(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2")) == "203.0.113.7"


def test_a_missing_header_falls_back_to_the_socket_and_no_address_is_none(settings):
    settings.PAUSE_TRUSTED_PROXIES = 1
    assert client_ip(request(REMOTE_ADDR="10.0.0.1")) == "10.0.0.1"
    bare = request()
    del bare.META["REMOTE_ADDR"]
    assert client_ip(bare) is None
