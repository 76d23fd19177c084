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
from pipeline.data import DATA_DIR

PATTERNS_DIR = DATA_DIR

# Articles are a few kilobytes; anything past this is not a news article and
# would only slow the batch down, so it fails with a clear error instead.
MAX_BYTES = 2_000_000

# Control characters other than tab, newline, carriage return and form feed.

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
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
        """The text with masked ranges blanked (same length, same offsets)."""
        chars = list(self.text)
        for s, e in self.masked:
            for i in range(s, e):
                if chars[i] not in "\n\r":
                    chars[i] = " "
        return "".join(chars)


def article_id(data: bytes) -> str:
    """Stable id of an article: a hash of its bytes, so a copy is recognised anywhere."""
    return hashlib.sha256(data).hexdigest()[:32]


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252; reject binaries.

    Returns (text, encoding).  Raises BadInput with a readable reason.
    """
    if len(data) == 0:
        raise BadInput("empty file (0 bytes)")
    if len(data) > MAX_BYTES:
        raise BadInput(f"file too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BadInput(f"binary file ({kind}), not text")
    n_control = len(_CONTROL_BYTES.findall(data))
    # a stray NUL or two is noise in a text; many control bytes mean a binary file
    if n_control > max(16, len(data) * 0.01):
        raise BadInput(f"binary content: {n_control} control bytes in {len(data)} bytes, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        # keep offsets into the text as read: the BOM is not part of it
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc:
                raise BadInput(f"not text: undecodable byte 0x{data[exc.start]:02x} "
                               f"at offset {exc.start} (tried UTF-8 and cp1252)") from None
    if not text.strip():
        raise BadInput("no text: the file holds only whitespace")
    return text, encoding


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
    try:
        date(y, mo, int(d) if d else 1)
    except ValueError:
        return None, span, f"malformed header date {token!r}"
    return token, span, None


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for line in (PATTERNS_DIR / "boilerplate.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, rx = line.split("\t", 1)
        out.append((kind, re.compile(rx, re.I)))
    return out


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    out = {}
    for line in (PATTERNS_DIR / "outlets.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, outlet = line.split("\t")
        out[_fold(name)] = outlet
    return out


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("\u00a0", " ")).strip().lower()


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


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def read_article(data: bytes) -> Article:
    """Decode and analyse one file.  Raises BadInput for files that are not articles."""
    text, encoding = decode(data)
    art = Article(text=text, encoding=encoding)
    nul = text.count("\x00")
    if nul:
        art.warnings.append(f"{nul} NUL character(s) ignored")
        art.masked.extend((m.start(), m.end()) for m in re.finditer("\x00+", text))

    published, hspan, warning = parse_header(text)
    art.published = published
    if hspan:
        art.masked.append(hspan)
    if warning:
        art.warnings.append(warning)

    footer = None
    prose_lines = []
    first_content = True
    for s, e, line in _lines(text):
        if hspan and s <= hspan[0] < e:
            # the header shares its line with prose: only the token is masked
            ls = hspan[1]
            rest = text[ls:e]
            if not rest.strip():
                continue
            s, line = ls, rest
        if not line.strip():
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
