"""The messages between a warm scan and its worker: length-prefixed JSON objects on a Unix stream socket,
the request carrying the client's standard streams as file descriptors (SCM_RIGHTS).

client -> worker: {"argv": [...], "cwd": str, "env": {...}, "umask": int, "repo": str} + fds 0, 1, 2
                  (or {"stop": true}: the worker stops listening)
child  -> client: {"pid": N} once it runs, {"exit": STATUS} when the scan is over
"""

from __future__ import annotations

import json
import os
import socket
import struct
from typing import Any

MAX_MESSAGE = 16 * 1024 * 1024
_LENGTH = struct.Struct(">I")


class Closed(Exception):
    """The other side closed the connection (or sent something that is not a message)."""


def send(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    data = json.dumps(message).encode()
    payload = _LENGTH.pack(len(data)) + data
    if fds:
        sent = socket.send_fds(sock, [payload], fds)
        payload = payload[sent:]
    if payload:
        sock.sendall(payload)


def receive(sock: socket.socket, with_fds: int = 0) -> tuple[dict[str, Any], list[int]]:
    """One message (and up to `with_fds` descriptors sent with its first bytes); Closed at end of stream."""
    fds: list[int] = []
    if with_fds:
        head, fds, _, _ = socket.recv_fds(sock, _LENGTH.size, with_fds)
    else:
        head = sock.recv(_LENGTH.size)
    try:
        head += _exactly(sock, _LENGTH.size - len(head))
        (length,) = _LENGTH.unpack(head)
        if length > MAX_MESSAGE:
            raise Closed("message too long")
        message = json.loads(_exactly(sock, length))
        if not isinstance(message, dict):
            raise Closed("not a message")
    except (Closed, ValueError, struct.error):
        for fd in fds:
            os.close(fd)
        raise Closed("closed") from None
    return message, fds


def peer_uid(sock: socket.socket) -> int:
    """The uid of the process at the other end (SO_PEERCRED: struct ucred {pid, uid, gid})."""
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return int(uid)


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise Closed("closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
