"""Partition files: one analysed partition as gzipped JSON lines, written atomically.

Each line is ``{"a": <ArticleAnalysis>}`` or ``{"e": <ItemError>}`` through the record codec, so
a partition can be read back one line at a time: the loader never holds more than a chunk.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import ArticleAnalysis, ItemError, from_dict, to_dict

Entry = ArticleAnalysis | ItemError


def encode(entries: Iterable[Entry], *, level: int = 3) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=level, mtime=0) as gz:
        for entry in entries:
            key = "a" if isinstance(entry, ArticleAnalysis) else "e"
            gz.write(json.dumps({key: to_dict(entry)}, ensure_ascii=False).encode("utf-8"))
            gz.write(b"\n")
    return buf.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name beside ``path`` then rename: a reader sees all of it or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_entries(path: Path) -> Iterator[Entry]:
    with gzip.open(path, "rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            data = json.loads(line)
            if "a" in data:
                yield from_dict(ArticleAnalysis, data["a"])
            else:
                yield from_dict(ItemError, data["e"])
