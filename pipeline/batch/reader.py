"""Turning a file's bytes into an article: decoding, bad-input checks, header,
boilerplate and metadata.  Pure functions, no spaCy, no file I/O.

Offsets everywhere are into the decoded text exactly as read, so the prose the
model sees (``Article.prose``) is the text with header and boilerplate replaced
by spaces of the same length rather than cut out.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional
from pipeline.data import DATA_DIR, at, read_rows
from pipeline.extraction.normalize.text import clean

PATTERNS_DIR = DATA_DIR

# Articles are a few kilobytes; anything past this is not a news article and
# would only slow the batch down, so it fails with a clear error instead.
MAX_BYTES = 2_000_000

# Control characters other than tab, newline, carriage return and form feed.

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"PAR1": "Parquet file",
}

# Longer runs without whitespace are not words (see read_article).
MAX_WORD = 300
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))
# Publication years a header may state; outside, the header is malformed.
HEADER_YEARS = (1800, 2200)
_HEADER = re.compile(r"\A(\ufeff)? date (\S+)")
_HEADER_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_FOOTER = re.compile(
    r"The post (?P<title>.+?) appeared first on (?P<outlet>.+?)\.?\s*$", re.M)


class BadInput(Exception):
    """The file cannot be read as an article; the message says why, for a person."""


@dataclass
class Article:
    text: str                      # decoded text, exactly as read
    encoding: str
    published: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    body_start: int = 0
    body_end: int = 0
    # [start, end) ranges of header and boilerplate, left out of the mentions
    masked: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def prose(self) -> str:
        """The text with masked ranges blanked and apostrophe look-alikes as ``’``
        (same length, same offsets)."""
        chars = list(fold_apostrophes(self.text))
        for s, e in self.masked:
            for i in range(s, e):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


# Characters typed for an apostrophe: backtick, acute accent, modifier letter apostrophe,
# prime, left single quote.  Between two letters (`l`ONU`, `d´Ivoire`) they are one, and
# every rule downstream (and spaCy's tokenizer, which splits `l’` but not `l`) reads ``’``.
_APOSTROPHE_LOOKALIKE = re.compile(r"(?<=[^\W\d_])[`\u00b4\u02bc\u2032\u2018](?=[^\W\d_])")


def fold_apostrophes(text: str) -> str:
    """``l`ONU`` → ``l’ONU``: look-alikes between letters as the typographic apostrophe,
    one character for one, so offsets are unchanged."""
    return _APOSTROPHE_LOOKALIKE.sub("\u2019", text)


def article_id(data: bytes) -> str:
    """Stable id of an article: a hash of its bytes, so a copy is recognised anywhere."""
    return hashlib.sha256(data).hexdigest()[:32]


_UTF16_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-16 by its BOM, UTF-8 (with or without BOM), else cp1252;
    reject binaries.  A UTF-8 text with a few bad bytes stays UTF-8 (see
    ``_decode_utf8``).

    Returns (text, encoding).  Raises BadInput with a readable reason.
    """
    text, encoding, _ = decode_with_warnings(data)
    return text, encoding


def decode_with_warnings(data: bytes) -> tuple[str, str, list[str]]:
    """``decode`` plus the warnings a reader should see (bytes replaced)."""
    if len(data) == 0:
        raise BadInput("empty file (0 bytes)")
    if len(data) > MAX_BYTES:
        raise BadInput(f"file too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BadInput(f"binary file ({kind}), not text")
    warnings: list[str] = []
    for bom, codec in _UTF16_BOMS:
        # checked before control bytes: every other byte of UTF-16 is NUL
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise BadInput(f"not text: invalid {codec.upper()} at byte {exc.start + len(bom)} "
                               "(the file starts with a UTF-16 byte order mark)") from None
            _check_text(text)
            return text, codec, warnings
    n_control = len(_CONTROL_BYTES.findall(data))
    # a stray NUL or two is noise in a text; many control bytes mean a binary file
    if n_control > max(16, len(data) * 0.01):
        raise BadInput(f"binary content: {n_control} control bytes in {len(data)} bytes, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        # keep offsets into the text as read: the BOM is not part of it
        text, encoding, warnings = _decode_utf8(data[3:], "utf-8-sig")
    else:
        text, encoding, warnings = _decode_utf8(data, "utf-8")
    _check_text(text)
    return text, encoding, warnings


def _decode_utf8(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """UTF-8; a few bad bytes in a text whose other accents are valid UTF-8 are
    replaced (U+FFFD) with a warning rather than making every accent garbage as
    cp1252 would; a text whose non-ASCII bytes are mostly not UTF-8 is cp1252."""
    try:
        return data.decode("utf-8"), name, []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    n_bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    n_good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if n_good > n_bad:
        return text, name, [f"{n_bad} byte sequence(s) not valid UTF-8 replaced by U+FFFD"]
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError as exc:
        raise BadInput(f"not text: undecodable byte 0x{data[exc.start]:02x} "
                       f"at offset {exc.start} (tried UTF-8 and cp1252)") from None


def _check_text(text: str) -> None:
    if not text.strip():
        raise BadInput("no text: the file holds only whitespace")
    n_control = len(_CONTROL_CHARS.findall(text))
    if n_control > max(16, len(text) * 0.01):
        raise BadInput(f"binary content: {n_control} control characters in {len(text)}, not text")


def parse_header(text: str) -> tuple[Optional[str], Optional[tuple[int, int]], Optional[str]]:
    """The ` date YYYY-MM[-DD]` header: (published or None, its span, warning)."""
    m = _HEADER.match(text)
    if not m:
        return None, None, None
    span = (m.start(2) - len(" date "), m.end(2))
    token = m.group(2)
    dm = _HEADER_DATE.fullmatch(token)
    if not dm:
        return None, span, f"malformed header date {token!r}"
    y, mo, d = int(dm.group(1)), int(dm.group(2)), dm.group(3)
    if not HEADER_YEARS[0] <= y <= HEADER_YEARS[1]:
        # year 0000 or 9999 is no publication date, and resolving `demain` or
        # `l'an prochain` against it would leave the calendar
        return None, span, f"malformed header date {token!r} (year out of {HEADER_YEARS[0]}-{HEADER_YEARS[1]})"
    try:
        date(y, mo, int(d) if d else 1)
    except ValueError:
        return None, span, f"malformed header date {token!r}"
    return token, span, None


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for row in read_rows("boilerplate.tsv", ("kind", "regex")):
        kind, rx = row
        with at(row):
            out.append((kind, re.compile(rx, re.I)))
    return out


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {_fold(name): outlet for name, outlet in read_rows("outlets.tsv", ("name", "outlet"))}


def _fold(s: str) -> str:
    return clean(s).lower()


# A line of prose, even a headline, has function words; a line of tags or a
# rubric (`Côte d'Ivoire Sénégal accords coopération`) has none.
_FUNCTION_WORDS = frozenset(
    "le la les de des du un une et à au aux en pour par sur avec dans que qui "
    "est sont a ont ce cette ses son sa se ne pas plus entre vers après".split())


def _is_tag_line(s: str) -> bool:
    words = re.findall(r"[\w-]+", s.lower())
    return (2 <= len(words) <= 10 and not re.search(r"[.,;:!?«»\"()]", s)
            and not any(w in _FUNCTION_WORDS for w in words)
            and not any(ch.isdigit() for ch in s))


def boilerplate_kind(line: str) -> Optional[str]:
    """The kind of boilerplate a whole line is (`byline`, `dateline`, …), else None."""
    s = line.replace("’", "'").replace("\u00a0", " ").strip()
    if not s:
        return None
    for kind, rx in _boilerplate_patterns():
        if rx.fullmatch(s):
            return kind
    if _is_tag_line(s):
        return "tags"
    return None


class _LinkList:
    """The related-article titles listed under a bare `Lire aussi` header, one per line
    (`» Bauxite : les exportations en hausse (12/02/2026)`), are furniture like the header: a
    run of lines right after it, up to the first blank line after one, that do not end a
    sentence the way prose paragraphs do."""

    MAX_ITEMS = 8

    def __init__(self):
        self.left = 0          # items still allowed after the last header
        self.started = False   # an item was seen since the header

    def header(self, kind: str, line: str) -> None:
        # a header alone (`Lire aussi :`, `LIRE AUSSI`); `Lire aussi : TITLE` carries its one item
        bare = kind == "link" and not re.search(r"[:>»→]\s*\w", line) and len(line.split()) <= 6
        self.left, self.started = (self.MAX_ITEMS if bare else 0), False

    def blank(self) -> None:
        if self.started:
            self.left = 0

    def item(self, line: str) -> bool:
        if not self.left:
            return False
        if _SENTENCE_END.search(line) or len(line) > 200:
            self.left = 0
            return False
        self.left -= 1
        self.started = True
        return True


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def read_article(data: bytes) -> Article:
    """Decode and analyse one file.  Raises BadInput for files that are not articles."""
    text, encoding, warnings = decode_with_warnings(data)
    art = Article(text=text, encoding=encoding, warnings=warnings)
    nul = text.count("\x00")
    if nul:
        art.warnings.append(f"{nul} NUL character(s) ignored")
        art.masked.extend((m.start(), m.end()) for m in re.finditer("\x00+", text))

    for m in _LONG_WORD.finditer(text):
        # no word is this long: a run like this (a 60 KB hyphenated string, a
        # base64 blob) only costs the tokenizer time, so the model never sees it
        art.masked.append((m.start(), m.end()))
        art.warnings.append(f"a {m.end() - m.start():,}-character word ignored")

    published, hspan, warning = parse_header(text)
    art.published = published
    if hspan:
        art.masked.append(hspan)
    if warning:
        art.warnings.append(warning)

    footer = None
    prose_lines = []
    first_content = True
    links = _LinkList()
    for s, e, line in _lines(text):
        if hspan and s <= hspan[0] < e:
            # the header shares its line with prose: only the token is masked
            ls = hspan[1]
            rest = text[ls:e]
            if not rest.strip():
                continue
            s, line = ls, rest
        if not line.strip():
            links.blank()
            continue
        if links.item(line):
            art.masked.append((s, e))
            continue
        stripped = line.strip()
        if first_content and _fold(stripped) in _outlets():
            art.outlet = _outlets()[_fold(stripped)]
            art.masked.append((s, e))
            first_content = False
            continue
        first_content = False
        kind = boilerplate_kind(line)
        if kind:
            art.masked.append((s, e))
            links.header(kind, line)
            if kind == "footer":
                footer = _FOOTER.search(line)
            continue
        prose_lines.append((s, e, line))

    if footer:
        art.title = footer.group("title").strip()
        outlet = footer.group("outlet").strip()
        # `OUTLET - TAGLINE`: the tagline is not part of the name
        art.outlet = re.split(r"\s+[-–|]\s+", outlet)[0].strip()
    if art.title is None:
        art.title = _guess_title(prose_lines)
    if prose_lines:
        art.body_start = min(s + len(l) - len(l.lstrip()) for s, _, l in prose_lines[:1])
        art.body_end = max(s + len(l.rstrip()) for s, _, l in prose_lines[-1:])
    else:
        art.body_start = art.body_end = 0
    art.masked.sort()
    return art


_SENTENCE_END = re.compile(r"[.!?…]\s*[»\"”]?\s*$")


def _guess_title(prose_lines) -> Optional[str]:
    """A headline is a short first line of prose that does not end a sentence."""
    for _, _, line in prose_lines[:3]:
        s = line.strip()
        words = s.split()
        if len(words) < 4:
            continue  # a rubric (`Politique & Société`), not a headline
        if len(s) <= 200 and not _SENTENCE_END.search(s):
            return s
        return None
    return None


# Where a long text may be cut, best first: between paragraphs, between lines,
# after a sentence, at any space.
_CUTS = (re.compile(r"\n[ \t\r\f\v]*\n\s*"), re.compile(r"\n\s*"),
         re.compile(r"[.!?…][»\"”)]?\s+"), re.compile(r"\s+"))


def split_pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) ranges covering `text`, each at most `limit` characters,
    cut at the best boundary in the second half of the window (a piece starts
    at the beginning of a paragraph where the text has paragraphs)."""
    out, start, n = [], 0, len(text)
    while n - start > limit:
        window_end = start + limit
        cut = None
        for rx in _CUTS:
            ends = [m.end() for m in rx.finditer(text, start + limit // 2, window_end)]
            ends = [e for e in ends if e <= window_end]
            if ends:
                cut = ends[-1]
                break
        cut = cut or window_end
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out
