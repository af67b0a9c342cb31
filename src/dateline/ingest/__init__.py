"""Readers: files, directories, JSONL, HTML, RSS/Atom and stdin to Articles (or per-item errors)."""

from .article import Defaults, ItemFailure, make_article, parse_published
from .reader import Item, ReadOptions, read_inputs

__all__ = ["Defaults", "Item", "ItemFailure", "ReadOptions", "make_article", "parse_published", "read_inputs"]
