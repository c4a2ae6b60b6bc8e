"""The accepted publishers (content/publishers.yaml): the hosts a source or a link may be on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Publisher:
    host: str
    name: str
    kind: str
    why: str


def host_of(url: str) -> str:
    """``https://www.Example.org/x`` -> ``example.org``."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    return host.removeprefix("www.")


def _bare(url: str) -> str:
    """``https://www.Example.org/Path`` -> ``example.org/path``: a URL without scheme or www., for prefixes."""
    rest = url.split("://", 1)[-1]
    path = rest.split("/", 1)[1] if "/" in rest else ""
    return f"{host_of(url)}/{path}".lower().rstrip("/")


@dataclass(frozen=True, slots=True)
class Refusal:
    prefix: str  # a host, or a host and path, without scheme or www.: "hotline.ie/contact-us"
    why: str

    @property
    def host(self) -> str:
        return self.prefix.split("/", 1)[0]

    def refuses(self, url: str) -> bool:
        if "/" not in self.prefix:  # a host and its subdomains
            host = host_of(url)
            return host == self.prefix or host.endswith("." + self.prefix)
        bare = _bare(url)  # a page, and anything beneath it
        return bare == self.prefix or bare.startswith(self.prefix + "/")


@dataclass(frozen=True, slots=True)
class Publishers:
    """The accepted publishers (content/publishers.yaml) and the pages or hosts refused even beneath them."""

    hosts: Mapping[str, Publisher]
    refused: tuple[Refusal, ...]

    def find(self, url: str | None) -> Publisher | None:
        """The publisher whose host, or a parent domain of it, serves ``url``; None when refused or unknown."""
        if not url:
            return None
        host = host_of(url)
        # Only a refusal on this host or a parent domain can apply: the rest are skipped unread
        # (a course checks some 1,600 URLs against about 70 refusals at every start).
        domains = {host, *(host.split(".", n)[-1] for n in range(1, host.count(".") + 1))}
        if any(refusal.refuses(url) for refusal in self.refused if refusal.host in domains):
            return None
        while host:
            if host in self.hosts:
                return self.hosts[host]
            if "." not in host:
                return None
            host = host.split(".", 1)[1]
        return None

    def __bool__(self) -> bool:
        return bool(self.hosts)
