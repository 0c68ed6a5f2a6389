"""The Starlette application: safety middleware, the store, and the server.

Safety, in the order a request meets it:

* ``--token``: a server shared on a network answers only requests that carry
  the token (``?token=`` once, then an HttpOnly cookie); without it, 401.
* size: a request body larger than ``max_request_bytes`` is refused with 413
  before it is read (by its Content-Length) or as soon as the streamed bytes
  pass the cap (chunked uploads), so a 200 MB upload never fills memory or disk;
  each uploaded file is also held to the reader's ``Limits.max_file_bytes``, and
  read under the same :class:`~summarylab.readers.Limits` as ``summarylab ingest``.
* CSRF: every POST form carries a token derived from the session cookie
  (SameSite=Strict, HttpOnly) with a per-process secret; a POST without the
  right token, or from another origin, is refused with 403.
* every response carries a strict Content-Security-Policy (scripts and styles
  only from this server, no inline script, no framing), nosniff and
  no-referrer; all document text goes through Jinja2's autoescape.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union
from urllib.parse import parse_qsl, urlencode

from ..readers import DEFAULT_LIMITS, Limits

#: Largest request body (several files in one upload); past it the request is refused unread.
#: One file at the readers' size limit fits, with room for the form around it.
MAX_REQUEST_BYTES = DEFAULT_LIMITS.max_file_bytes + 16 * 1024 * 1024
#: Most files in one upload.
MAX_FILES = 50

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

SESSION_COOKIE = "sl_session"
TOKEN_COOKIE = "sl_token"
REVIEWER_COOKIE = "sl_reviewer"

HERE = Path(__file__).resolve().parent


class BodyTooLarge(Exception):
    """The request body passed the size cap while it was being read."""


class StoreAccess:
    """Opens the store for one request at a time.

    The file is opened per request, not held for the life of the server, so
    that ``summarylab ingest`` or a notebook can use the store between page
    loads; the lock keeps this process to one connection at a time (DuckDB
    lets one process write a file).

    It also keeps the results of the few most recent plan checks and panels:
    documents are keyed by the hash of their text, so a pair's check never
    changes, and recomputing it on every page load (seconds) would make
    reviewing row after row slow.  The cache lives on the app, not the module.
    """

    def __init__(self, path: Union[str, os.PathLike], *, keep: int = 8):
        self.path = Path(path)
        self.lock = threading.RLock()
        self.keep = keep
        self._results: "OrderedDict[tuple, Any]" = OrderedDict()

    @contextmanager
    def open(self) -> Iterator[Any]:
        from ..store import Store

        with self.lock:
            store = Store(self.path, timeout=10)
            try:
                yield store
            finally:
                store.close()

    def remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The result for ``key``, computed once while it stays among the last ``keep``."""
        with self.lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        value = compute()
        with self.lock:
            self._results[key] = value
            while len(self._results) > self.keep:
                self._results.popitem(last=False)
        return value


class Guard:
    """ASGI middleware: token, body-size cap and security headers (see the module doc)."""

    def __init__(self, app, *, token: Optional[str], max_request_bytes: int):
        self.app = app
        self.token = token
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_secure(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", [])
                           if h[0].lower() not in {k for k, _ in SECURITY_HEADERS}]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        if self.token is not None:
            refusal = self._token_refusal(scope)
            if refusal is not None:
                return await refusal(scope, receive, send_secure)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_request_bytes:
            return await too_large(self.max_request_bytes)(scope, receive, send_secure)

        seen = 0
        cap = self.max_request_bytes

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge()
            return message

        return await self.app(scope, counted_receive, send_secure)

    def _token_refusal(self, scope):
        from starlette.requests import Request
        from starlette.responses import RedirectResponse

        request = Request(scope)
        given = request.query_params.get("token")
        if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
            # Trade the token in the address for a cookie, and drop it from the address bar.
            rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode())
                    if k != "token"]
            target = scope["path"] + ("?" + urlencode(rest) if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return response
        for candidate in (request.cookies.get(TOKEN_COOKIE),
                          request.headers.get("x-summarylab-token")):
            if candidate and hmac.compare_digest(candidate.encode(), self.token.encode()):
                return None
        return message_response(
            401, "需要口令",
            "这个页面由他人共享，请使用带口令的完整地址打开（地址中的 ?token=…）。")


def too_large(limit: int):
    return message_response(
        413, "文件太大",
        f"上传的内容超过 {limit // (1024 * 1024)} MB 上限，未被接收。请分批上传较小的文件。")


def message_response(status: int, title: str, text: str):
    """A small self-contained Chinese page for refusals (no template, no store)."""
    from html import escape

    from starlette.responses import HTMLResponse

    body = (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<title>{escape(title)}</title><link rel="stylesheet" href="/static/app.css"></head>'
            f'<body><main><h1>{escape(title)}</h1><p class="refusal">{escape(text)}</p>'
            f'<p><a href="/">返回文档页</a></p></main></body></html>')
    return HTMLResponse(body, status_code=status)


class Csrf:
    """Per-session CSRF tokens: HMAC(secret, session id), checked on every POST."""

    def __init__(self, secret: Optional[bytes] = None):
        self.secret = secret or secrets.token_bytes(32)

    def session(self, request) -> tuple[str, bool]:
        """The request's session id, and whether it is new (to be set as a cookie)."""
        sid = request.cookies.get(SESSION_COOKIE, "")
        if len(sid) >= 32 and sid.replace("-", "").replace("_", "").isalnum():
            return sid, False
        return secrets.token_urlsafe(32), True

    def token(self, sid: str) -> str:
        return hmac.new(self.secret, sid.encode(), hashlib.sha256).hexdigest()

    def valid(self, request, given: Optional[str]) -> bool:
        sid = request.cookies.get(SESSION_COOKIE)
        if not sid or not given:
            return False
        if not hmac.compare_digest(self.token(sid), str(given)):
            return False
        origin = request.headers.get("origin")
        if origin and origin != "null":
            host = request.headers.get("host", "")
            if origin.split("://", 1)[-1] != host:
                return False
        return True


def create_app(store: Union[str, os.PathLike], *, token: Optional[str] = None,
               limits: Optional[Limits] = None,
               max_request_bytes: int = MAX_REQUEST_BYTES,
               secret: Optional[bytes] = None):
    """The web app over one store file (created when missing).

    Args:
        store: The DuckDB store the pages read and the uploads go into.
        token: When given, every request must carry it (a server shared on a network).
        limits: What one uploaded file may cost (:class:`~summarylab.readers.Limits`, the
            limits of ``summarylab ingest`` by default): a file past ``max_file_bytes`` is
            refused while it is received, the rest when the readers read it.
        max_request_bytes: Largest request body; larger ones are refused unread.
        secret: Key of the CSRF tokens (random per process when not given).

    Returns:
        An ASGI application (Starlette wrapped in the safety middleware).

    Example:
        >>> from starlette.testclient import TestClient      # doctest: +SKIP
        >>> TestClient(create_app("/tmp/s.duckdb")).get("/").status_code  # doctest: +SKIP
        200
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from starlette.applications import Starlette
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles
    from starlette.templating import Jinja2Templates

    from ..store import StoreError
    from . import routes

    access = StoreAccess(store)
    with access.open():  # create (or migrate) the store now, and fail early if it is unusable
        pass
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["label"] = routes.label
    env.filters["num"] = routes.number_text
    env.filters["text"] = routes.plain_text
    templates = Jinja2Templates(env=env)

    app = Starlette(
        routes=[
            Route("/", routes.documents_page, methods=["GET"]),
            Route("/upload", routes.upload, methods=["POST"]),
            Route("/doc/{doc_id:str}", routes.document_page, methods=["GET"]),
            Route("/check", routes.check_page, methods=["GET"]),
            Route("/review", routes.save_review, methods=["POST"]),
            Route("/retrain", routes.retrain, methods=["POST"]),
            Route("/panel", routes.panel_page, methods=["GET"]),
            Route("/download/{table:str}.{fmt:str}", routes.download, methods=["GET"]),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        exception_handlers={BodyTooLarge: routes.body_too_large,
                            StoreError: routes.store_unavailable},
    )
    app.state.access = access
    app.state.model = None  # the verdict model; replaced by 「用人工复核重新训练」
    app.state.templates = templates
    app.state.csrf = Csrf(secret)
    app.state.limits = limits or DEFAULT_LIMITS
    app.state.max_request_bytes = max_request_bytes
    return Guard(app, token=token, max_request_bytes=max_request_bytes)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only.

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(store: Union[str, os.PathLike], *, host: str = "127.0.0.1", port: int = 8000,
          token: Optional[str] = None, echo: Callable[[str], None] = print) -> None:
    """Run the page until Ctrl+C.

    Raises:
        ValueError: A host other than loopback without a token.

    Example:
        >>> serve("summarylab.duckdb", port=8000)  # doctest: +SKIP
        summarylab: 页面已启动 http://127.0.0.1:8000/ （按 Ctrl+C 停止）
    """
    import uvicorn

    if not is_loopback(host) and not token:
        raise ValueError(f"--host {host} shares the page on the network: give --token TOKEN too")
    app = create_app(store, token=token)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    echo(f"summarylab: 页面已启动 {address} （按 Ctrl+C 停止）  store: {store}")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
