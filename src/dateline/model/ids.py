"""Stable hash ids: the same input always gets the same id, on any machine."""

from __future__ import annotations

import hashlib
import unicodedata


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A short hex digest of the parts; ``prefix`` names the kind of record ("ev", "q"…)."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{h}" if prefix else h


def normalise_text(text: str) -> str:
    """The form of an article's text that its id is computed from.

    NFC, unified line endings and trimmed line whitespace: the same article saved by two
    tools (CRLF vs LF, trailing spaces) gets the same id.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def article_id(text: str) -> str:
    return stable_id(normalise_text(text), prefix="a")
