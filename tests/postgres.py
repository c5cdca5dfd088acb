"""A PostgreSQL server for the tests that run on both engines, and a fresh database per test.

Where the server comes from, first found first:
- DASHBOARD_TEST_PG, a server URL (`.ci/run` starts a throwaway one and sets it);
- DASHBOARD_DB when it names a server: the held-out cases point everything at PostgreSQL
  that way, and every workspace of the run then lives there;
- else a throwaway server that this test session starts with `.ci/postgres` and stops at
  its end, when the machine has PostgreSQL's binaries.
Without any of them the PostgreSQL variants skip; with CI=true they fail instead.

The URL must let us create and drop databases (a superuser or a role with CREATEDB).
"""

import os
import re
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".ci" / "postgres"
BINARIES = Path("/usr/lib/postgresql")
SERVER_URL = re.compile(r"^postgres(ql)?://")


def is_server_url(target: str | os.PathLike | None) -> bool:
    return bool(target) and bool(SERVER_URL.match(str(target)))


def configured_server() -> str | None:
    """The server named by the environment, or None."""
    for name in ("DASHBOARD_TEST_PG", "DASHBOARD_DB"):
        value = os.environ.get(name, "")
        if is_server_url(value):
            return value
    return None


def binaries_present() -> bool:
    return any(BINARIES.glob("*/bin/initdb"))


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a cluster with .ci/postgres, yield its URL, stop and delete it."""
    out = subprocess.run(
        ["bash", str(SCRIPT), "start"], capture_output=True, text=True, check=True, timeout=180
    ).stdout
    exported = dict(re.findall(r"^export (\w+)=(\S+)$", out, re.M))
    try:
        yield exported["DASHBOARD_TEST_PG"]
    finally:
        subprocess.run(
            ["bash", str(SCRIPT), "stop", exported["DASHBOARD_TEST_PG_DIR"]],
            capture_output=True,
            timeout=120,
        )


def with_database(server: str, name: str) -> str:
    """The server URL with another database name (user, host, port and options kept)."""
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path="/" + name))


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new empty database on `server` for one test; dropped afterwards, even if sessions
    (a killed CLI, a leftover app thread) still hold it."""
    name = "dashboard_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
