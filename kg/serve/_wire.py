"""HTTP/1.1 on the wire, for the proxy: requests from clients, answers from the engine."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

REASONS = {
    200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 411: "Length Required", 413: "Content Too Large",
    431: "Request Header Fields Too Large", 500: "Internal Server Error", 502: "Bad Gateway",
    503: "Service Unavailable", 505: "HTTP Version Not Supported",
}
MAX_HEADER_BYTES = 64 * 1024
CHUNK = 64 * 1024


class HttpError(Exception):
    """A request that cannot be served: the status and the message for the client."""

    def __init__(self, status: int, message: str, *, close: bool = True) -> None:
        self.status = status
        self.message = message
        self.close = close
        super().__init__(message)


@dataclass(slots=True)
class Request:
    method: str
    target: str
    version: str
    headers: list[tuple[str, str]]
    body: bytes = b""
    keep_alive: bool = True
    _index: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        if not self._index:
            for key, value in self.headers:
                key = key.lower()
                self._index[key] = f"{self._index[key]}, {value}" if key in self._index else value
        return self._index.get(name)


async def read_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, body_limit: int,
                        idle_s: float) -> Request | None:
    """The next request on a client connection; ``None`` when the client closed it between requests."""
    try:
        async with asyncio.timeout(idle_s):
            head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise HttpError(400, "The request ended before its headers did.\n") from exc
        return None
    except asyncio.LimitOverrunError as exc:
        raise HttpError(431, f"The request's headers are longer than {MAX_HEADER_BYTES // 1024} KB.\n") from exc
    except TimeoutError:
        return None
    lines = head[:-4].decode("latin-1").split("\r\n")
    while lines and not lines[0]:  # stray CRLF between requests
        lines.pop(0)
    parts = lines[0].split(" ") if lines else []
    if len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise HttpError(400, "Malformed request line: expected 'METHOD /path HTTP/1.1'.\n")
    method, target, version = parts
    if version not in ("HTTP/1.1", "HTTP/1.0"):
        raise HttpError(505, f"{version} is not supported: use HTTP/1.1.\n")
    headers = []
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise HttpError(400, f"Malformed header line {line[:80]!r}.\n")
        headers.append((name, value.strip()))
    request = Request(method, target, version, headers)
    connection = (request.header("connection") or "").lower()
    request.keep_alive = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
    request.body = await _read_body(request, reader, writer, body_limit)
    return request


async def _read_body(request: Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                     limit: int) -> bytes:
    too_large = HttpError(413, f"The request body is larger than {size_text(limit)}: send a shorter query, "
                                "or restart the server with a larger --max-body.\n")
    chunked = "chunked" in (request.header("transfer-encoding") or "").lower()
    length_text = request.header("content-length")
    if not chunked and length_text is None:
        return b""
    if length_text is not None and not chunked:
        if not length_text.isdigit():
            raise HttpError(400, "Content-Length is not a number.\n")
        length = int(length_text)
        if length > limit:
            raise too_large
    if (request.header("expect") or "").lower() == "100-continue":
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    try:
        async with asyncio.timeout(60):
            if not chunked:
                return await reader.readexactly(length)
            parts, total = [], 0
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0].strip() or b"x", 16)
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":  # trailers
                        pass
                    return b"".join(parts)
                total += size
                if total > limit:
                    raise too_large
                parts.append(await reader.readexactly(size))
                await reader.readexactly(2)
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        raise HttpError(400, "The request body ended early or is malformed.\n") from exc
    except TimeoutError as exc:
        raise HttpError(408, "The request body did not arrive within 60 s.\n") from exc


def size_text(size: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size / 1024:.0f} KB"


def response_head(status: int, headers: list[tuple[str, str]], *, reason: str | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason or REASONS.get(status, '')}"]
    lines += [f"{key}: {value}" for key, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")




async def read_head(upstream: asyncio.StreamReader) -> tuple[int, str, list[tuple[str, str]]]:
    head = await upstream.readuntil(b"\r\n\r\n")
    lines = head[:-4].decode("latin-1").split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip(), value.strip()))
    return int(code), reason, headers


class Body:
    """The body of an engine response, read piece by piece whatever its framing."""

    def __init__(self, reader: asyncio.StreamReader, headers: dict[str, str], *, no_body: bool) -> None:
        self.reader = reader
        self.chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        length = headers.get("content-length")
        self.left = 0 if no_body else (int(length) if length is not None and not self.chunked else None)
        self.done = no_body or self.left == 0
        self.reusable = self.chunked or self.left is not None

    async def read(self) -> bytes:
        if self.done:
            return b""
        if self.chunked:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
            if size == 0:
                while (await self.reader.readuntil(b"\r\n")) != b"\r\n":
                    pass
                self.done = True
                return b""
            data = await self.reader.readexactly(size)
            await self.reader.readexactly(2)
            return data
        if self.left is not None:
            data = await self.reader.read(min(self.left, CHUNK))
            if not data:
                raise asyncio.IncompleteReadError(b"", self.left)
            self.left -= len(data)
            self.done = self.left == 0
            return data
        data = await self.reader.read(CHUNK)
        self.done = not data
        return data


