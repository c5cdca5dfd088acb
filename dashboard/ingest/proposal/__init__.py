"""From a work report's text to proposed catalogue rows (deterministic rules, no model)."""

from dashboard.ingest.proposal.engine import propose
from dashboard.ingest.proposal.records import Baseline, Proposal, ProposedTarget

__all__ = ["Baseline", "Proposal", "ProposedTarget", "propose"]
