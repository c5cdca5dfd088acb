"""Signed, expiring session tokens: what the login cookie holds. Pure (key and clock passed in).

    v1.<payload>.<signature>
    payload    base64url(JSON {"u": user, "s": session id, "e": expiry (epoch s), "p": mark})
    signature  base64url(HMAC-SHA256(key, "v1." + payload))

The signature proves the server issued the token, so a forged or edited one is refused
before anything is looked up; the expiry ends it; the password mark (an HMAC of the stored
password hash) ends it when the password changes; the session id lets a logout end it
(services/sessions keeps the list of open sessions).
"""

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass

VERSION = "v1"
# A cookie is hostile input: anything longer than a real token is refused unread.
MAX_TOKEN = 512


@dataclass(frozen=True)
class Claims:
    user: str
    sid: str
    expires: float  # epoch seconds
    mark: str

    def expired(self, now: float) -> bool:
        return now >= self.expires


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: bytes, signed: str) -> str:
    return _b64(hmac.new(key, signed.encode("ascii"), hashlib.sha256).digest())


def password_mark(key: bytes, password_hash: str) -> str:
    """Changes whenever the stored hash changes; reveals nothing about it."""
    return _b64(hmac.new(key, b"password:" + password_hash.encode(), hashlib.sha256).digest()[:12])


def sign(key: bytes, claims: Claims) -> str:
    body = {"u": claims.user, "s": claims.sid, "e": round(claims.expires, 3), "p": claims.mark}
    payload = _b64(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
    signed = f"{VERSION}.{payload}"
    return f"{signed}.{_signature(key, signed)}"


def read(key: bytes, token: str) -> Claims | None:
    """The claims of a token this key signed, or None for anything else (expiry not checked)."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN or token.count(".") != 2:
        return None
    version, payload, signature = token.split(".")
    if version != VERSION:
        return None
    if not hmac.compare_digest(_signature(key, f"{version}.{payload}"), signature):
        return None
    try:
        body = json.loads(_unb64(payload))
        return Claims(str(body["u"]), str(body["s"]), float(body["e"]), str(body["p"]))
    except (binascii.Error, ValueError, KeyError, TypeError):
        return None
