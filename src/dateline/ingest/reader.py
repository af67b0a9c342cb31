"""read_inputs(): paths (files, directories, "-") to a stream of Articles and ItemErrors.

Nothing is read whole into memory that need not be: directories are walked lazily, JSONL
is streamed line by line, and oversized items are refused before they are read.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from ..model import Article, ItemError
from .article import Defaults, ItemFailure
from .decode import check_bytes, decode_text
from .formats import load_json, read_feed, read_html, read_jsonl_line, read_plain
from .warc import WARC

Item = Article | ItemError

PLAIN = (".txt", ".text")
JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
HTML = (".html", ".htm", ".xhtml")
FEED = (".rss", ".atom", ".xml")
REUTERS = (".sgm",)
SORT_LIMIT = 10_000  # directories up to this size are read in name order; larger ones as the OS lists them


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    defaults: Defaults = Defaults()
    max_bytes: int = 10 * 1024 * 1024
    encoding: str = "utf-8"
    # archives' pages come out unextracted (warc.Page); batch runs extract them in their workers
    pages: bool = False


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (("jsonl", JSONL), ("plain", PLAIN), ("html", HTML), ("feed", FEED), ("warc", WARC),
                           ("reuters", REUTERS)):
        if name.endswith(suffixes):
            return kind
    if name.endswith(".json"):
        return "json"
    return None


def read_inputs(paths: Iterable[str | Path], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Every item of every input, in order. Nothing raises out of here for one bad input: an item
    (or a file) that defeats its reader becomes that item's ItemError and the rest are read."""
    # the byte limit holds for the text too, after decoding and expanding entities
    options = replace(options, defaults=replace(options.defaults, max_chars=options.max_bytes))
    for p in paths:
        if str(p) == "-":
            yield from _guarded(_read_stdin(options), "-")
            continue
        path = Path(p)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except OSError as e:  # a symlink loop, a name too long
            yield ItemError(origin=origin_of(path), stage="read", code="unreadable", message=_why(e))
            continue
        if is_dir:
            for f in walk_entries(path):
                if isinstance(f, ItemError):
                    yield f
                else:
                    yield from _guarded(_read_file(f, options, explicit=False), origin_of(f))
        elif exists:
            yield from _guarded(_read_file(path, options, explicit=True), origin_of(path))
        else:
            yield _missing(path)


def _missing(path: Path) -> ItemError:
    """Why a path that does not exist as a file or folder cannot be read (a symlink loop is not 'not found')."""
    try:
        os.stat(path)
    except FileNotFoundError:
        pass
    except OSError as e:
        return ItemError(origin=origin_of(path), stage="read", code="unreadable", message=_why(e))
    return ItemError(origin=origin_of(path), stage="read", code="not_found", message="no such file or directory")


def origin_of(path: Path | str) -> str:
    """A path as stored text: bytes of a name that are not UTF-8 are shown escaped (\\xe9), never
    kept as the lone surrogates Python reads them as (those cannot be stored)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _why(e: OSError) -> str:
    return e.strerror or str(e)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """A reader's items; if the reader itself breaks, one error for the rest of that input (the
    items before it are kept) instead of an exception that would end the whole batch."""
    n = 0
    try:
        for item in items:
            n += 1
            yield item
    except Exception as e:  # the last line of defence: the readers catch what they expect per item
        where = origin if n == 0 else f"{origin} (after item {n})"
        yield ItemError(origin=where, stage="read", code="reader_error",
                        message=f"the input could not be read: {type(e).__name__}: {e}")


def _walk(root: Path) -> Iterator[Path]:
    """The readable files under root (walk_entries without its errors)."""
    return (f for f in walk_entries(root) if isinstance(f, Path))


def walk_entries(root: Path) -> Iterator[Path | ItemError]:
    """Files under root, lazily; small directories in name order so runs are reproducible.
    A name that is not UTF-8, or an entry that cannot be looked at (a symlink loop), is an error."""
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            it = os.scandir(d)
        except OSError as e:
            if d == root:
                yield ItemError(origin=origin_of(d), stage="read", code="unreadable", message=_why(e))
            continue
        with it:
            batch: list[os.DirEntry] = []
            for entry in it:
                batch.append(entry)
                if len(batch) > SORT_LIMIT:
                    break
            ordered = sorted(batch, key=lambda e: e.name) if len(batch) <= SORT_LIMIT else batch
            subdirs = []
            for entry in _chain(ordered, it if len(batch) > SORT_LIMIT else ()):
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=False)
                    is_file = not is_dir and entry.is_file()
                except OSError as e:  # a symlink loop, a vanished entry
                    yield ItemError(origin=origin_of(entry.path), stage="read", code="unreadable", message=_why(e))
                    continue
                if (is_dir or is_file) and not _utf8_name(entry.name):
                    yield ItemError(origin=origin_of(entry.path), stage="read", code="bad_filename",
                                    message="the name is not valid UTF-8: rename it to read it")
                elif is_dir:
                    subdirs.append(Path(entry.path))
                elif is_file:
                    yield Path(entry.path)
            stack.extend(reversed(sorted(subdirs)))


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:  # undecodable bytes come back as lone surrogates
        return False


def _chain(first: Iterable[os.DirEntry], rest: Iterable[os.DirEntry]) -> Iterator[os.DirEntry]:
    yield from first
    yield from rest


def _failure(origin: str, f: ItemFailure, stage: str = "read") -> ItemError:
    return ItemError(origin=origin, stage=stage, code=f.code, message=f.message)


def _read_file(path: Path, options: ReadOptions, *, explicit: bool) -> Iterator[Item]:
    kind = kind_of(path)
    origin = origin_of(path)
    if not _utf8_name(str(path)):
        yield ItemError(origin=origin, stage="read", code="bad_filename",
                        message="the name is not valid UTF-8: rename it to read it")
        return
    if kind == "json" and path.with_suffix(".txt").exists():
        return  # a sidecar; read with its article
    if kind is None:
        if explicit:
            yield ItemError(origin=origin, stage="read", code="unsupported",
                            message=f"unknown file type {path.suffix or '(none)'}: use .txt, .jsonl, .html, .rss/.atom, "
                            ".warc[.gz], .sgm")
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, options)
        return
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, max_bytes=options.max_bytes, defaults=options.defaults, pages=options.pages)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise ItemFailure("too_large", f"the file is {size:,} bytes, over the limit of {options.max_bytes:,}")
        data = path.read_bytes()
    except ItemFailure as f:
        yield _failure(origin, f)
        return
    except OSError as e:
        yield ItemError(origin=origin, stage="read", code="unreadable", message=_why(e))
        return
    yield from _read_bytes(data, kind, origin, options, sidecar_of=path)


def _read_bytes(data: bytes, kind: str, origin: str, options: ReadOptions, sidecar_of: Path | None = None) -> Iterator[Item]:
    try:
        check_bytes(data, max_bytes=options.max_bytes)
        if kind == "feed":
            for where, got in read_feed(data, origin=origin, defaults=options.defaults):
                yield _failure(where, got, "parse") if isinstance(got, ItemFailure) else got
            return
        if kind == "html":
            yield read_html(data, origin=origin, defaults=options.defaults)
            return
        if kind == "reuters":
            from .reuters import read_reuters

            for where, got in read_reuters(data, origin=origin, defaults=options.defaults):
                yield _failure(where, got, "parse") if isinstance(got, ItemFailure) else got
            return
        text = decode_text(data, encoding=options.encoding)
        if kind == "json":
            yield from _read_json_document(text, origin, options)
            return
        sidecar = _sidecar(sidecar_of) if sidecar_of else {}
        yield read_plain(text, origin=origin, sidecar=sidecar, defaults=options.defaults)
    except ItemFailure as f:
        yield _failure(origin, f)
    except RecursionError:
        yield ItemError(origin=origin, stage="parse", code="too_deep", message="the item nests too deeply to read")


def _read_json_document(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    from .formats import article_from_record

    try:
        data = load_json(text, what="document")
    except ItemFailure as f:
        yield _failure(origin, f, "parse")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = origin if len(records) == 1 else f"{origin}#{i + 1}"
        try:
            yield article_from_record(record, origin=where, defaults=options.defaults)
        except ItemFailure as f:
            yield _failure(where, f, "parse")
        except Exception as e:  # a record that defeats the reader fails alone
            yield ItemError(origin=where, stage="parse", code="bad_record", message=f"{type(e).__name__}: {e}")


def _sidecar(path: Path) -> dict:
    """Metadata beside a text file: ``name.json`` for ``name.txt``."""
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        data = load_json(side.read_bytes(), what="metadata file")
    except OSError as e:
        raise ItemFailure("bad_sidecar", f"the metadata file {origin_of(side.name)} cannot be read: {_why(e)}") from None
    except ItemFailure as e:
        raise ItemFailure("bad_sidecar", f"the metadata file {origin_of(side.name)}: {e.message}") from None
    if not isinstance(data, dict):
        raise ItemFailure("bad_sidecar", f"the metadata file {side.name} must hold a JSON object")
    return data


def _open_lines(path: Path) -> BinaryIO:
    raw = path.open("rb")
    return gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw  # type: ignore[return-value]


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Item]:
    try:
        fh = _open_lines(path)
    except OSError as e:
        yield ItemError(origin=origin_of(path), stage="read", code="unreadable", message=_why(e))
        return
    yield from _jsonl_stream(fh, origin_of(path), options)


def _jsonl_stream(fh: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    lineno = 0
    seen_any = False
    with fh:
        while True:
            try:
                line, whole = _bounded_line(fh, options.max_bytes)
            except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as e:
                yield ItemError(origin=f"{origin}:{lineno + 1}", stage="read", code="truncated",
                                message=f"the compressed stream is broken after line {lineno}: {e}")
                return
            if not line and whole:
                break
            lineno += 1
            where = f"{origin}:{lineno}"
            if not whole:
                yield ItemError(origin=where, stage="read", code="too_large",
                                message=f"line {lineno} is over the limit of {options.max_bytes:,} bytes")
                continue
            if not line.strip():
                continue
            seen_any = True
            try:
                yield read_jsonl_line(line, origin=where, defaults=options.defaults)
            except ItemFailure as f:
                yield _failure(where, f, "parse")
            except Exception as e:  # a line that defeats the reader fails alone
                yield ItemError(origin=where, stage="parse", code="bad_record", message=f"{type(e).__name__}: {e}")
    if not seen_any:
        yield ItemError(origin=origin, stage="read", code="empty", message="the JSONL file has no records")


def _bounded_line(fh: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """The next line, or (b"", False) after skipping one longer than ``limit`` without keeping it."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while line and not line.endswith(b"\n"):
        line = fh.readline(1 << 20)
    return b"", False


def _read_stdin(options: ReadOptions) -> Iterator[Item]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    head = data.lstrip()[:512].lower()
    if head.startswith(b"{"):
        yield from _jsonl_stream(io.BytesIO(data), "-", options)
    elif head.startswith(b"<") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        yield from _read_bytes(data, "feed", "-", options)
    elif head.startswith(b"<"):
        yield from _read_bytes(data, "html", "-", options)
    else:
        yield from _read_bytes(data, "plain", "-", options)
