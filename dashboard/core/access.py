"""Who may do what. Pure rules; accounts and sessions live at the edges.

viewer    reads everything
uploader  uploads figures and writes comments for targets of their own departments
admin     everything: any department, snapshots, the catalogue, users, the audit log
"""

from dataclasses import dataclass

ROLES = ("viewer", "uploader", "admin")


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
        return self.is_admin or (self.role == "uploader" and department in self.departments)

    def may_upload(self) -> bool:
        return self.role in ("uploader", "admin")
