"""WARC / WARC.gz web archives (Common Crawl's CC-NEWS layout): one Article per HTML response.

The archive is streamed record by record (warcio stays inside this module). A response's
page goes through trafilatura like any HTML file; ``WARC-Target-URI`` is its url and
``WARC-Date`` (the crawl time) its published date when the page states none. Records that are
not pages (requests, metadata, images, redirects) are passed over. A record whose HTTP header
is broken, or whose page is too large, fails alone; a truncated archive fails from the point
where it breaks, and the records before it are kept.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Article, ItemError
from .article import Defaults, ItemFailure, parse_published
from .decode import check_bytes

WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTTP_TYPES = ["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0"]


@dataclass(frozen=True, slots=True)
class Page:
    """A web page read from an archive but not yet extracted: batch runs ship these to their
    workers, so trafilatura's work (the slow part of reading an archive) runs on every core or Ray
    node instead of in the one process that reads the input."""

    origin: str
    data: bytes
    url: str
    defaults: Defaults
    record_id: str = ""

    def article(self) -> Article | ItemError:
        """The page's article, or the reason it has none (as reading it directly would give)."""
        from .formats import read_html

        try:
            article = read_html(self.data, origin=self.origin, url=self.url, defaults=self.defaults)
        except ItemFailure as f:
            return ItemError(origin=self.origin, stage="parse", code=f.code, message=f.message)
        except Exception as e:  # a page that defeats the extractor fails alone, here or in a worker
            return ItemError(origin=self.origin, stage="parse", code="bad_html", message=f"{type(e).__name__}: {e}")
        if self.record_id:
            article.meta["warc_record_id"] = self.record_id
        return article


def read_warc(path: Path, *, max_bytes: int, defaults: Defaults, pages: bool = False
              ) -> Iterator[Article | ItemError | Page]:
    """The archive's articles; with ``pages``, its HTML pages unextracted (``Page.article()`` later)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .reader import origin_of

    origin = origin_of(path)
    try:
        fh = path.open("rb")
    except OSError as e:
        yield ItemError(origin=origin, stage="read", code="unreadable", message=str(e))
        return
    n = given = 0
    with fh:
        # no_record_parse: HTTP headers are parsed here, per record, so a broken one fails its record alone
        records = iter(ArchiveIterator(fh, no_record_parse=True))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (EOFError, OSError, zlib.error, ArchiveLoadFailed, ValueError) as e:
                yield ItemError(origin=f"{origin}#{n + 1}", stage="read", code="truncated",
                                message=f"the archive is broken after record {n}: {type(e).__name__}: {e}")
                return
            except Exception as e:  # whatever else warcio raises on a broken archive ends it, not the batch
                yield ItemError(origin=f"{origin}#{n + 1}", stage="read", code="truncated",
                                message=f"the archive cannot be read after record {n}: {type(e).__name__}: {e}")
                return
            n += 1
            if record.rec_type not in ("response", "resource"):
                continue
            where = f"{origin}#{n}"
            try:
                got = _record_page(record, where=where, max_bytes=max_bytes, defaults=defaults)
                if got is not None and not pages:
                    got = got.article()
            except ItemFailure as f:
                given += 1
                yield ItemError(origin=where, stage="read" if f.code in ("bad_http", "too_large") else "parse",
                                code=f.code, message=f.message)
                continue
            except (EOFError, OSError, zlib.error, ValueError) as e:  # the record's body ends early
                given += 1
                yield ItemError(origin=where, stage="read", code="truncated",
                                message=f"the record's content is broken: {type(e).__name__}: {e}")
                continue
            except Exception as e:  # a record that defeats the reader fails alone
                given += 1
                yield ItemError(origin=where, stage="read", code="bad_record",
                                message=f"the record could not be read: {type(e).__name__}: {e}")
                continue
            if got is not None:
                given += 1
                yield got
    if n == 0:
        yield ItemError(origin=origin, stage="read", code="empty", message="the archive holds no WARC records")
    elif not given:  # every record was passed over: say so rather than read nothing in silence
        yield ItemError(origin=origin, stage="read", code="no_pages",
                        message=f"none of the archive's {n:,} records is an HTML page")


def _record_page(record, *, where: str, max_bytes: int, defaults: Defaults) -> Page | None:
    from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response" and uri.startswith(("http:", "https:")):
        try:
            http = StatusAndHeadersParser(HTTP_TYPES, verify=True).parse(record.raw_stream)
        except (StatusAndHeadersParserException, EOFError, ValueError) as e:
            raise ItemFailure("bad_http", f"the record's HTTP header is broken: {e}") from None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None  # redirects and error pages are not articles
        record.http_headers = http  # lets warcio undo chunked and gzip transfer encodings
        content_type = (http.get_header("Content-Type") or "").lower()
    else:
        content_type = (record.content_type or "").lower()
    if content_type and not any(t in content_type for t in HTML_TYPES):
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ItemFailure("too_large", f"the page is over the limit of {max_bytes:,} bytes")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:  # the archive ended inside this record: its page is cut short
        raise EOFError(f"{missing:,} bytes of the record are missing")
    check_bytes(data, max_bytes=max_bytes)
    crawled = _crawl_date(headers.get_header("WARC-Date"), defaults)
    meta_defaults = replace(defaults, published=crawled or defaults.published, url=uri or defaults.url)
    return Page(origin=where, data=data, url=uri, defaults=meta_defaults,
                record_id=headers.get_header("WARC-Record-ID") or "")


def _crawl_date(value: str | None, defaults: Defaults) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value.strip(), latest=defaults.latest)
    except ItemFailure:
        return None
