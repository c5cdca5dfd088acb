"""The web server: `python -m streamlit run dashboard/server.py` serves every page of
app.py and the two routes that keep a login in an HttpOnly cookie across reloads and tabs.

A page cannot set an HttpOnly cookie. After a login it gives the browser a one-time grant
(services/sessions.HANDOFF, same process); the browser posts it to /api/session and gets
the cookie in the answer. /api/session/end deletes the cookie after a logout. Both answer
only to the dashboard's own pages (Origin must match Host).
"""

import json
import logging
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from dashboard.services import sessions
from dashboard.ui import session_cookie

MAX_BODY = 1024  # a grant is 32 characters


def _own_page(request: Request) -> bool:
    """A request from the dashboard's own pages: blocks other sites posting here."""
    origin = request.headers.get("origin")
    return bool(origin) and urlsplit(origin).netloc == request.headers.get("host")


def _cookie(response: Response, request: Request, value: str, max_age: int) -> None:
    response.set_cookie(
        sessions.COOKIE,
        value,
        max_age=max_age,
        path=session_cookie.base_path() or "/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


async def store(request: Request) -> Response:
    body = await request.body()
    if not _own_page(request) or len(body) > MAX_BODY:
        return Response(status_code=403)
    try:
        grant = str(json.loads(body)["grant"])
    except (ValueError, KeyError, TypeError):
        return Response(status_code=400)
    token = sessions.HANDOFF.redeem(grant, time.time())
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    _cookie(response, request, token, int(sessions.session_seconds()))
    return response


async def end(request: Request) -> Response:
    if not _own_page(request):
        return Response(status_code=403)
    response = Response(status_code=204)
    _cookie(response, request, "", 0)
    return response


def _warm() -> None:
    try:
        # imported here, with Streamlit's runtime running: the pages' data caches are made
        # in the runtime's storage, as when a page imports them
        from dashboard.ui import common

        common.warm()
    except Exception:  # noqa: BLE001 - a page will meet the same problem and say it in words
        logging.getLogger(__name__).exception("warming the caches at start failed")


@asynccontextmanager
async def lifespan(_app):
    """Warm the caches in the background as the server starts (ui/common.warm): the
    server answers at once, and the first visitor shares whatever is already built."""
    threading.Thread(target=_warm, name="warm-caches", daemon=True).start()
    yield


app = st.App(
    Path(__file__).with_name("app.py"),
    lifespan=lifespan,
    routes=[
        Route(session_cookie.store_path(), store, methods=["POST"]),
        Route(session_cookie.end_path(), end, methods=["POST"]),
    ],
)
