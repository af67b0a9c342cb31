"""The one JSON codec for records: dataclass <-> plain dict <-> JSON text.

Decoding is driven by the dataclass type hints, so a record survives a round trip through
JSON (tuples come back as tuples, nested records as records).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

from . import records

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """A record (or tuple/list/dict of records) as JSON-ready plain data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


def dumps(obj: Any, **kw: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, **kw)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from plain data made by :func:`to_dict`."""
    return _decode(cls, data)


def loads(cls: type[T], text: str) -> T:
    return from_dict(cls, json.loads(text))


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            return _decode(options[0], data)
        return data
    if origin is tuple:
        args = typing.get_args(tp)
        inner = args[0] if args else Any
        return tuple(_decode(inner, x) for x in data)
    if origin is list:
        (inner,) = typing.get_args(tp) or (Any,)
        return [_decode(inner, x) for x in data]
    if origin is dict or tp is dict:
        return dict(data)
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"{tp.__name__}: unknown fields {sorted(unknown)}")
        return tp(**{k: _decode(hints[k], v) for k, v in data.items()})
    if tp is float and isinstance(data, int):
        return float(data)
    return data
