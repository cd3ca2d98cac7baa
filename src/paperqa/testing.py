"""Test helpers that ship with the library: a guard that fails any connection off this machine."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator


class NetworkUsed(AssertionError):
    """Raised when code under `no_network()` tries to reach a non-loopback address."""


def _loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback
        except ValueError:
            return False
    return isinstance(address, (str, bytes))  # AF_UNIX paths stay on the machine


@contextlib.contextmanager
def no_network() -> Iterator[list[object]]:
    """Within the block, any socket connect to a non-loopback address fails and is recorded."""
    attempts: list[object] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        if not _loopback(address):
            attempts.append(address)
            raise NetworkUsed(f"connection to {address!r} attempted")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _loopback(address):
            attempts.append(address)
            raise NetworkUsed(f"connection to {address!r} attempted")
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _loopback((host,)):
            attempts.append(host)
            raise NetworkUsed(f"name lookup of {host!r} attempted")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
    try:
        yield attempts
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = (
            real_connect,
            real_connect_ex,
            real_getaddrinfo,
        )
