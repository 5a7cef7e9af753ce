"""HTTP hardening of the dashboard: response headers, a Host allow-list, HEAD, and the two
ways stored text could turn against a reader (a `javascript:` link, bidi control characters).

The pages carry no script at all, so the Content-Security-Policy forbids inline script and
anything not served by the dashboard itself; `frame-ancestors 'none'` stops another site from
framing a page (clickjacking). The Host check stops DNS rebinding: a hostile page whose name
resolves to 127.0.0.1 would otherwise read every JSON twin from the analyst's browser.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers without CSP level 2
    (b"referrer-policy", b"no-referrer"),  # filters in our URLs are nobody else's business
    (b"cross-origin-resource-policy", b"same-origin"),
)
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
WEB_SCHEMES = frozenset({"http", "https"})

# Bidi controls reorder the text around them (a "Trojan Source" title can read as something
# else); shown as their code point they cannot.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_VISIBLE_BIDI = {ord(char): f"[U+{ord(char):04X}]" for char in BIDI_CONTROLS}
_URL_NEVER_INSIDE = {ord("\t"): None, ord("\n"): None, ord("\r"): None}
_URL_NEVER_LEADING = "".join(chr(code) for code in range(0x21))  # C0 controls and space


def show_bidi(value: object) -> object:
    """Jinja `finalize`: every bidi control in a rendered value replaced by `[U+XXXX]`."""
    if isinstance(value, str):  # Markup too: the replacement holds no HTML syntax
        return value.translate(_VISIBLE_BIDI)
    return value


def web_url(value: object) -> str | None:
    """`value` if a browser would open it as an http(s) address, else None (never link it).

    Browsers drop tabs and newlines anywhere in a URL and leading spaces and controls, so
    "java\\tscript:" is `javascript:`; the check looks at what the browser would see.
    """
    if not isinstance(value, str):
        return None
    cleaned = value.translate(_URL_NEVER_INSIDE).lstrip(_URL_NEVER_LEADING)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    return cleaned


def allowed_hosts(*, bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a server listening on `bind` answers to.

    Loopback binds answer to the loopback names; a wildcard bind (0.0.0.0, ::) also to this
    machine's name and addresses; a named bind to that name. `extra` adds names (a proxy's).
    """
    names = set(LOOPBACK) | {_host_name(name) for name in extra}
    if bind in WILDCARD:
        machine = socket.gethostname()
        names |= {machine.lower(), socket.getfqdn().lower()}
        names |= set(_addresses(machine))
    else:
        names.add(_host_name(bind))
    return frozenset(names)


def _addresses(machine: str) -> list[str]:
    try:
        return socket.gethostbyname_ex(machine)[2]
    except OSError:
        return []


def _host_name(header: str) -> str:
    """The name in a Host header value: no port, no IPv6 brackets, lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class Hardened:
    """ASGI middleware: 400 for a Host not allowed, HEAD answered as GET without a body,
    security headers on every response (errors and static files included)."""

    def __init__(self, app: ASGIApp, *, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_hardened(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        if self._host(scope) not in self.hosts:
            await _refuse_host(send_hardened)
            return
        await self.app(scope, receive, send_hardened)

    @staticmethod
    def _host(scope: Scope) -> str:
        for name, value in scope.get("headers", []):
            if name == b"host":
                return _host_name(value.decode("latin-1"))
        return ""


async def _refuse_host(send: Send) -> None:
    body = b"Invalid Host header: this dashboard answers only to the names it serves.\n"
    headers = [(b"content-type", b"text/plain; charset=utf-8")]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
