"""Back-off after failed logins, per account and per client. Pure: times in, seconds out.

An account may fail ACCOUNT_FREE times within a day; after that every attempt waits,
FIRST_WAIT after its latest failure, doubling with each further failure up to MAX_WAIT.
The day is longer than the longest wait, so waiting never earns fresh free attempts:
sixty guesses at one account take about thirteen hours instead of four minutes, while a
person who mistypes a few times never notices, and a successful login forgives the
account's failures. A client (an address) may fail CLIENT_FREE times an hour, against many
names, before it waits too; one office can share one address, so its allowance is larger
and its memory shorter. While a wait lasts the password is not even checked.
"""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    account_window: float = 24 * 3600
    account_free: int = 5
    client_window: float = 3600
    client_free: int = 20
    first_wait: float = 30
    max_wait: float = 15 * 60


POLICY = Policy()


def wait_seconds(
    failures: Iterable[float], free: int, window: float, now: float, policy: Policy = POLICY
) -> float:
    """How long the next attempt must wait, given the failure times of one account or client."""
    recent = sorted(t for t in failures if now - t < window)
    beyond = len(recent) - free
    if beyond < 0:
        return 0.0
    wait = min(policy.first_wait * 2**beyond, policy.max_wait)
    return max(0.0, recent[-1] + wait - now)


def login_wait(
    account_failures: Iterable[float],
    client_failures: Iterable[float],
    now: float,
    policy: Policy = POLICY,
) -> float:
    return max(
        wait_seconds(account_failures, policy.account_free, policy.account_window, now, policy),
        wait_seconds(client_failures, policy.client_free, policy.client_window, now, policy),
    )


def memory(policy: Policy = POLICY) -> float:
    """How long a failure matters at all (older ones can be forgotten)."""
    return max(policy.account_window, policy.client_window)
