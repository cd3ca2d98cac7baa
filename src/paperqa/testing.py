"""Test helpers that ship with the library: a guard that fails any connection off this machine."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator
from typing import Any


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

    def refuse(target: object, what: str) -> None:
        attempts.append(target)
        raise NetworkUsed(f"{what} {target!r} attempted")

    def connect(self: socket.socket, address: Any) -> None:
        if not _loopback(address):
            refuse(address, "connection to")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _loopback(address):
            refuse(address, "connection to")
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in (None, "localhost") and not _loopback((host,)):
            refuse(host, "name lookup of")
        return real_getaddrinfo(host, *args, **kwargs)

    patched = {"connect": connect, "connect_ex": connect_ex}
    for name, fn in patched.items():
        setattr(socket.socket, name, fn)
    socket.getaddrinfo = getaddrinfo
    try:
        yield attempts
    finally:
        setattr(socket.socket, "connect", real_connect)  # noqa: B010  (setattr: mypy forbids assigning methods)
        setattr(socket.socket, "connect_ex", real_connect_ex)  # noqa: B010
        socket.getaddrinfo = real_getaddrinfo
