"""Local user accounts: a JSON file of salted, deliberately slow scrypt password hashes.

No outside service is needed; an organisation with an identity provider can map its users
to the same roles (see README, OIDC). Passwords are never stored or logged in clear.
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from datetime import datetime
from pathlib import Path

from dashboard.core.access import ROLES, User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Msg

# scrypt cost: ~50 ms and 16 MiB per check on this class of machine — slow for an
# attacker trying guesses, unnoticeable at a login form.
N, R, P, DKLEN = 2**14, 8, 1, 32
MIN_PASSWORD = 8


class AccountError(DashboardError, ValueError):
    """A user or password request that cannot be carried out (the message says why)."""


class NotAllowed(DashboardError, PermissionError):
    """The named account may not do this (or does not exist)."""


def users_path(data_dir: Path) -> Path:
    return Path(os.environ.get("DASHBOARD_USERS") or data_dir / "users.json")


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=DKLEN, maxmem=64 * 1024 * 1024
    )


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError("account.password_short", min=MIN_PASSWORD)
    salt = secrets.token_bytes(16)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(_hash(password, salt)).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(
        password.encode("utf-8"),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=DKLEN,
        maxmem=64 * 1024 * 1024,
    )
    return hmac.compare_digest(got, base64.b64decode(digest))


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    return json.loads(path.read_text("utf-8"))


def _save(path: Path, users: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(users, ensure_ascii=False, indent=1), "utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def add_user(path: Path, name: str, password: str, role: str, departments: list[str]) -> User:
    users = load(path)
    name = name.strip()
    if not name:
        raise AccountError("account.name_missing")
    if name in users:
        raise AccountError("account.exists", name=name)
    if role not in ROLES:
        raise AccountError("account.bad_role", roles=", ".join(ROLES))
    users[name] = {
        "password": hash_password(password),
        "role": role,
        "departments": sorted(set(departments)),
        "created": datetime.now().isoformat(timespec="seconds"),
    }
    _save(path, users)
    return to_user(name, users[name])


def set_password(path: Path, name: str, password: str) -> None:
    users = load(path)
    if name not in users:
        raise AccountError("account.unknown", name=name)
    users[name]["password"] = hash_password(password)
    _save(path, users)


def set_role(path: Path, name: str, role: str, departments: list[str]) -> User:
    users = load(path)
    if name not in users:
        raise AccountError("account.unknown", name=name)
    if role not in ROLES:
        raise AccountError("account.bad_role", roles=", ".join(ROLES))
    users[name].update(role=role, departments=sorted(set(departments)))
    _save(path, users)
    return to_user(name, users[name])


def to_user(name: str, record: dict) -> User:
    return User(name, record["role"], frozenset(record.get("departments", ())))


def find(path: Path, name: str) -> User | None:
    record = load(path).get(name)
    return None if record is None else to_user(name, record)


def authenticate(path: Path, name: str, password: str) -> User | None:
    record = load(path).get(name.strip())
    if record is None:
        _hash(password, b"0" * 16)  # same cost whether or not the name exists
        return None
    return to_user(name.strip(), record) if check_password(password, record["password"]) else None


def acting_user(path: Path, name: str, need: str, override: bool = False) -> User:
    """The account a command acts as, checked for `need` (upload | admin).

    An override acts without an account; the audit log records it by name.
    """
    if override:
        return User(f"{name} (admin override)", "admin")
    if not load(path):
        # A fresh installation has no accounts yet: whoever has the shell is its
        # administrator. Rules apply from the first account on.
        return User(name, "admin")
    user = find(path, name)
    if user is None:
        raise NotAllowed("account.none_for_command", name=name)
    if need == "admin" and not user.is_admin:
        raise NotAllowed("account.needs_admin", name=user.name, role=Msg(f"role.{user.role}"))
    if need == "upload" and not user.may_upload():
        raise NotAllowed("account.needs_uploader", name=user.name, role=Msg(f"role.{user.role}"))
    return user
