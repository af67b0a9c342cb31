"""What the API's routes share: the open store, one lock around it, the write token and the spaCy
pipeline (loaded on the first write, not at start, so a read-only server starts in a second)."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError


@dataclass
class Backend:
    store: Any
    write_token: str | None = None
    model: str = ""
    max_bytes: int = 10 * 1024 * 1024
    nlp: Any = None
    # Stores give each thread its own connection or cursor, so requests read side by side; writes take
    # turns, so "was it new?" and the save that follows are one step.
    lock: threading.Lock = field(default_factory=threading.Lock)
    _nlp_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writable(self) -> bool:
        return bool(self.write_token)

    def read(self, fn, *args, **kwargs):
        return fn(self.store, *args, **kwargs)

    def check_token(self, authorization: str | None) -> None:
        """Writes need ``Authorization: Bearer TOKEN``; a server without a token refuses every write."""
        if not self.writable:
            raise ApiError(401, "read_only", "this server is read-only: start it with a write token "
                           "(--write-token or DATELINE_WRITE_TOKEN) to accept articles")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise ApiError(401, "unauthorized", "a write needs the header 'Authorization: Bearer <token>'")
        if not hmac.compare_digest(given.strip().encode(), self.write_token.encode()):
            raise ApiError(401, "unauthorized", "wrong write token")

    def pipeline(self):
        with self._nlp_lock:
            if self.nlp is None:
                from ..nlp.build import build_nlp

                self.nlp = build_nlp(self.model) if self.model else build_nlp()
            return self.nlp

    def close(self) -> None:
        self.store.close()
