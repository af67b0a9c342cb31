"""Count claims ("Kim Jong Un makes 4th visit to China in a year"): read (parse), checked against the
occurrences in the store (check), and found in stored articles (find)."""

from .check import CONTRADICTED, NOT_ENOUGH, SUPPORTED, check, window
from .find import claims_in, find_claims
from .parse import Claim, ClaimError, parse_claim

__all__ = ["CONTRADICTED", "NOT_ENOUGH", "SUPPORTED", "Claim", "ClaimError", "check", "claims_in", "find_claims",
           "parse_claim", "window"]
