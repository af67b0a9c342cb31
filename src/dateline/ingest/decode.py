"""Turning raw bytes into text, or a specific reason why not."""

from __future__ import annotations

from .article import ItemFailure

_TEXT_CONTROLS = {7, 8, 9, 10, 12, 13, 27}


def check_bytes(data: bytes, *, max_bytes: int) -> None:
    if not data.strip():
        raise ItemFailure("empty", "the item is empty (no bytes other than whitespace)")
    if len(data) > max_bytes:
        raise ItemFailure("too_large", f"the item is {len(data):,} bytes, over the limit of {max_bytes:,}")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ItemFailure("binary", "the item is binary (it contains NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls > max(8, len(head) // 50):
        raise ItemFailure("binary", f"the item looks binary ({controls} control bytes in its first {len(head)})")


def decode_text(data: bytes, *, encoding: str = "utf-8") -> str:
    """Strict decoding: a wrongly encoded file is refused with the byte offset, never mangled."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ItemFailure(
            "encoding",
            f"not valid {e.encoding} at byte {e.start} ({data[e.start:e.start + 4]!r}); "
            "re-encode the file as UTF-8 or pass --encoding",
        ) from None
    except LookupError:
        raise ItemFailure("encoding", f"unknown encoding {encoding!r}") from None
