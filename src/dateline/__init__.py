"""Dateline: news in, an explainable record of who did what to whom, when and where, out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"
