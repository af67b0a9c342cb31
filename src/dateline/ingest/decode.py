"""Turning raw bytes into text, or a specific reason why not."""

from __future__ import annotations

import codecs

from .article import ItemFailure

_TEXT_CONTROLS = {7, 8, 9, 10, 12, 13, 27}
# longest first: a UTF-32-LE BOM starts with the UTF-16-LE one
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` announces, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def check_bytes(data: bytes, *, max_bytes: int) -> None:
    if not data.strip():
        raise ItemFailure("empty", "the item is empty (no bytes other than whitespace)")
    if len(data) > max_bytes:
        raise ItemFailure("too_large", f"the item is {len(data):,} bytes, over the limit of {max_bytes:,}")
    wide = bom_encoding(data) in ("utf-16", "utf-32")
    # UTF-16/32 text is full of NUL bytes: look at its characters instead
    head: bytes | str = data[:8192].decode(bom_encoding(data), errors="ignore") if wide else data[:8192]
    codes = [ord(c) for c in head] if isinstance(head, str) else list(head)
    if not codes and wide:
        raise ItemFailure("empty", "the item is empty (a byte-order mark and nothing else)")
    if 0 in codes:
        raise ItemFailure("binary", "the item is binary (it contains NUL bytes), not text")
    controls = sum(1 for b in codes if b < 32 and b not in _TEXT_CONTROLS)
    if controls > max(8, len(codes) // 50):
        raise ItemFailure("binary", f"the item looks binary ({controls} control bytes in its first {len(codes)})")


def decode_text(data: bytes, *, encoding: str = "utf-8") -> str:
    """Strict decoding: a wrongly encoded file is refused with the byte offset, never mangled.
    A byte-order mark (UTF-8, UTF-16 or UTF-32) decides the encoding over ``encoding``."""
    encoding = bom_encoding(data) or encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ItemFailure(
            "encoding",
            f"not valid {e.encoding} at byte {e.start} ({data[e.start:e.start + 4]!r}); "
            "re-encode the file as UTF-8 or pass --encoding",
        ) from None
    except LookupError:
        raise ItemFailure("encoding", f"unknown encoding {encoding!r}") from None
    return text.lstrip("\ufeff")
