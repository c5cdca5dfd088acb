"""Session tokens and the login back-off: pure functions, exact values."""

import pytest

from dashboard.core import throttle, tokens
from dashboard.core.access import NAME_MAX, clipped, name_problem, password_problem

KEY = b"k" * 32
CLAIMS = tokens.Claims("王芳", "sid-1", 1_800_000_000.5, "mark")


def test_a_signed_token_reads_back_exactly():
    token = tokens.sign(KEY, CLAIMS)
    assert token.startswith("v1.") and token.count(".") == 2
    assert tokens.read(KEY, token) == CLAIMS
    assert CLAIMS.expired(1_800_000_000.4) is False
    assert CLAIMS.expired(1_800_000_000.5) is True


def _swap(token: str, part: int, value: str) -> str:
    parts = token.split(".")
    parts[part] = value
    return ".".join(parts)


@pytest.mark.parametrize(
    "forge",
    [
        lambda t: tokens.sign(b"another key of 32 bytes........", CLAIMS),  # wrong key
        lambda t: _swap(t, 1, t.split(".")[1][:-2] + "AA"),  # payload edited
        lambda t: _swap(t, 2, t.split(".")[2][:-1] + ("A" if t[-1] != "A" else "B")),
        lambda t: _swap(t, 0, "v2"),
        lambda t: t + ".x",
        lambda t: "",
        lambda t: "v1." + "A" * 600 + ".sig",  # longer than any real token
        lambda t: None,
    ],
)
def test_anything_else_is_refused_unread(forge):
    assert tokens.read(KEY, forge(tokens.sign(KEY, CLAIMS))) is None


def test_a_token_for_another_user_cannot_be_made_from_one_we_signed():
    token = tokens.sign(KEY, CLAIMS)
    other = tokens.sign(b"x" * 32, tokens.Claims("admin", "sid-1", CLAIMS.expires, "mark"))
    spliced = ".".join([*other.split(".")[:2], token.split(".")[2]])
    assert tokens.read(KEY, spliced) is None


def test_the_password_mark_changes_with_the_hash_and_hides_it():
    a = tokens.password_mark(KEY, "scrypt$16384$8$1$salt$digest")
    b = tokens.password_mark(KEY, "scrypt$16384$8$1$salt$other")
    assert a != b and len(a) == 16 and "digest" not in a
    assert tokens.password_mark(b"y" * 32, "scrypt$16384$8$1$salt$digest") != a


# the back-off: times are seconds. An account: 5 free a day; a client: 20 free an hour;
# then 30 s after the latest failure, doubling up to 15 min
@pytest.mark.parametrize(
    "failures, now, wait",
    [
        ([], 1000, 0.0),
        ([100, 200, 300, 400], 400, 0.0),  # four: the fifth try is free
        ([100, 200, 300, 400, 500], 500, 30.0),  # five: wait 30 s after the last
        ([100, 200, 300, 400, 500], 520, 10.0),
        ([100, 200, 300, 400, 500], 530, 0.0),
        ([100, 200, 300, 400, 500, 600], 600, 60.0),
        ([100 + i for i in range(9)], 108, 480.0),
        ([100 + i for i in range(10)], 109, 900.0),  # 960 s capped at 15 min
        ([100 + i for i in range(30)], 129, 900.0),
        ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 909, 0.0),  # 15 min after the last: go ahead
        ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 909], 909, 900.0),  # ... but no fresh free tries
        ([0, 1, 2, 3, 4], 24 * 3600 + 4, 0.0),  # a day later all are forgotten
    ],
)
def test_account_back_off(failures, now, wait):
    policy = throttle.POLICY
    assert throttle.wait_seconds(failures, policy.account_free, policy.account_window, now) == wait


def test_the_longer_of_account_and_client_waits_counts():
    account = [100, 200]
    client = [10 * i for i in range(1, 21)]  # 20 from one address, the last at 200
    assert throttle.login_wait(account, client, 200) == 30.0
    assert throttle.login_wait(account, client[:19], 200) == 0.0
    assert throttle.login_wait([1, 2, 3, 4, 5, 6, 7], client[:5], 7) == 120.0
    assert throttle.login_wait(account, client, 200 + 3600) == 0.0  # an hour later


def test_sixty_guesses_take_hours_not_minutes():
    """The review's attack: 60 guesses at one account, each as soon as allowed."""
    t, failures = 0.0, []
    for _ in range(60):
        t += throttle.login_wait(failures, [], t)
        failures.append(t)
    assert t == (30 + 60 + 120 + 240 + 480) + 50 * 900  # 12.8 hours; was 229 s


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("wang", "wang"),
        ("  wang  ", "wang"),
        ("wa\x1b[31mng", "wa[31mng"),  # terminal escapes lose their ESC
        ("a\u200bb", "ab"),  # format characters
        ("x" * 2 * 1024 * 1024, "x" * (NAME_MAX - 1) + "…"),
    ],
)
def test_names_are_clipped_before_anything_stores_them(raw, stored):
    assert clipped(raw) == stored and len(clipped(raw)) <= NAME_MAX


@pytest.mark.parametrize(
    "name, problem",
    [
        ("wang", None),
        ("王芳", None),
        ("", "account.name_missing"),
        ("   ", "account.name_missing"),
        ("x" * 65, "account.name_long"),
        (" wang", "account.name_characters"),
        ("wa\nng", "account.name_characters"),
    ],
)
def test_account_names(name, problem):
    assert name_problem(name) == problem


def test_password_lengths():
    assert password_problem("1234567") == "account.password_short"
    assert password_problem("12345678") is None
    assert password_problem("x" * 257) == "account.password_long"
