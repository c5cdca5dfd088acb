"""The browser side of a login that survives reloads: the HttpOnly cookie and the language.

Page script cannot set an HttpOnly cookie. After a login this small component posts a
one-time grant to the web server (dashboard/server.py), whose answer sets the cookie; after
a logout it asks the server to delete it. The language choice is kept in a plain cookie.
"""

from functools import cache

import streamlit as st

from dashboard.services import sessions

JS = """
export default function (component) {
  const { data, setTriggerValue } = component;
  if (!data) return;
  const secure = location.protocol === "https:" ? "; secure" : "";
  const lang = `${data.langCookie}=${data.lang}`;
  if (!document.cookie.split("; ").includes(lang)) {
    document.cookie = `${lang}; path=${data.path}; max-age=31536000; samesite=strict${secure}`;
  }
  const post = (url, body) => fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).then((r) => r.ok, () => false);
  if (data.grant) {
    post(data.storeUrl, { grant: data.grant })
      .then((ok) => setTriggerValue("done", { grant: data.grant, ok }));
  } else if (data.clear) {
    post(data.endUrl, {});  // no answer back: a rerun now would wipe the page's notices
  }
}
"""


@cache
def _bridge():
    # registered on first use, inside a page run (dashboard/server.py imports this module
    # before Streamlit's runtime exists)
    return st.components.v2.component("dashboard_session_cookie", js=JS)


def base_path() -> str:
    """The URL path the app is served under ('' at the root)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def store_path() -> str:
    return f"{base_path()}/api/session"


def end_path() -> str:
    return f"{base_path()}/api/session/end"


def render(lang: str) -> None:
    """Keep the browser's cookies in step with this tab (call once per run)."""
    _bridge()(
        key="session_cookie",
        data={
            "grant": st.session_state.get("cookie_grant"),
            "clear": st.session_state.get("cookie_clear"),
            "storeUrl": store_path(),
            "endUrl": end_path(),
            "lang": lang,
            "langCookie": sessions.LANG_COOKIE,
            "path": base_path() or "/",
        },
        on_done_change=_done,
        height=0,
    )


def _done() -> None:
    state = st.session_state.get("session_cookie")
    if state is None:
        # The answer came to a run that no longer knows the component by its key (a login
        # on a phone that lands on 我的部门 switched pages meanwhile): reading it raised
        # KeyError and the page showed Streamlit's error. The grant was posted and works
        # once: drop it rather than post it again.
        st.session_state.pop("cookie_grant", None)
        return
    result = state.done or {}
    if result.get("grant") and result["grant"] == st.session_state.get("cookie_grant"):
        st.session_state.pop("cookie_grant")
        st.session_state["cookie_tab_only"] = not result.get("ok")


def hand_over(token: str, now: float) -> None:
    """After a login: the next run gives the browser a grant for the cookie."""
    st.session_state["cookie_grant"] = sessions.HANDOFF.grant(token, now)
    st.session_state.pop("cookie_clear", None)


def forget() -> None:
    """After a logout or an ended session: the next run deletes the browser's cookie
    (each call a new number, so that the component runs again)."""
    st.session_state.pop("cookie_grant", None)
    st.session_state["cookie_clear"] = st.session_state.get("cookie_cleared", 0) + 1
    st.session_state["cookie_cleared"] = st.session_state["cookie_clear"]


def token() -> str | None:
    """The token the browser sent when this tab connected (a reload, a new tab, a link)."""
    return st.context.cookies.get(sessions.COOKIE)


def saved_lang() -> str | None:
    return st.context.cookies.get(sessions.LANG_COOKIE)
