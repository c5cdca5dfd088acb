"""Who may do what. Pure rules; accounts and sessions live at the edges.

viewer    reads everything
uploader  uploads figures and writes comments for targets of their own departments
reviewer  an uploader who also approves or rejects other people's uploads for their own
          departments before the figures count (with DASHBOARD_REVIEW=1, issue 21)
admin     everything: any department, snapshots, the catalogue, users, the audit log
"""

import unicodedata
from dataclasses import dataclass

ROLES = ("viewer", "uploader", "reviewer", "admin")
DEPARTMENT_ROLES = ("uploader", "reviewer")  # roles that act for named departments


@dataclass(frozen=True)
class User:
    name: str
    role: str
    departments: frozenset[str] = frozenset()

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def may_edit(self, department: str) -> bool:
        """Upload figures or write comments for a target of `department`."""
        return self.is_admin or (self.role in DEPARTMENT_ROLES and department in self.departments)

    def may_upload(self) -> bool:
        return self.role in (*DEPARTMENT_ROLES, "admin")

    def may_review(self, departments: frozenset[str] | set[str]) -> bool:
        """Approve or reject an upload whose figures are for `departments` (all of them
        must be the reviewer's own)."""
        return self.is_admin or (
            self.role == "reviewer" and bool(departments) and set(departments) <= self.departments
        )


# Every name kept from a form (accounts, and the names tried at a failed login) is capped:
# an anonymous visitor must not be able to grow the database with megabyte-long names.
NAME_MAX = 64
PASSWORD_MIN, PASSWORD_MAX = 8, 256


def clipped(text: str, limit: int = NAME_MAX) -> str:
    """`text` as it may be stored: no control or format characters, at most `limit` long."""
    kept = "".join(c for c in str(text) if unicodedata.category(c)[0] != "C").strip()
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def name_problem(name: str) -> str | None:
    """The message key saying why `name` cannot name an account, or None if it can."""
    if not name.strip():
        return "account.name_missing"
    if len(name) > NAME_MAX:
        return "account.name_long"
    if name != name.strip() or clipped(name) != name:
        return "account.name_characters"
    return None


def password_problem(password: str) -> str | None:
    if len(password) < PASSWORD_MIN:
        return "account.password_short"
    if len(password) > PASSWORD_MAX:
        return "account.password_long"
    return None
