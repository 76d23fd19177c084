"""Build data/heldout2/written.jsonl from the inline-marked sources in src/*.txt and check it.

Source format (one article per file, UTF-8):
- `%% key value` lines are directives, removed from the text with their newline:
  `%% title TEXT`, `%% outlet TEXT`, `%% alias SHORT => LONG` (the value of ORG, EVENT and
  PERSON mentions written SHORT), `%% role PERSON | TITLE | ORG | COUNTRY` (`-` for null).
- `[[SPAN|LAB]]` or `[[SPAN|LAB|VALUE]]` marks a mention; LAB is one of PER MIN ORG CTY LOC
  EVT DAT MON PCT QTY. VALUE: COUNTRY alpha-3; DATE ISO/TIMEX3 or `null`; MONEY `AMOUNT CUR`;
  PERCENT a number; QUANTITY `VALUE UNIT`; names a string. Without VALUE: LOC/ORG/EVENT take the
  span (apostrophes as '), after `alias`; PERSON the one longer name of the article ending with
  the span, else the span; MINISTRY the span with `ministre` → `ministère`.
- Everything else is the article's text, exactly as it will be read (the ` date …` header first).

Offsets are computed here, never by hand. Run: python data/heldout2/build.py [DIR] [--check]
(DIR: another set in this format, data/heldout3 or data/heldout4, default this one; --check:
rebuild in memory and fail if written.jsonl differs). One builder, one set of checks.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

LABELS = {"PER": "PERSON", "MIN": "MINISTRY", "ORG": "ORG", "CTY": "COUNTRY", "LOC": "LOC",
          "EVT": "EVENT", "DAT": "DATE", "MON": "MONEY", "PCT": "PERCENT", "QTY": "QUANTITY"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]{3})(?:\|([^\[\]]*))?\]\]")
DATE_VALUE = re.compile(
    r"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?|\d{4}-(Q[1-4]|H[12]|W\d{2}|SU|WI|SP|FA)"
    r"|\d{4}/\d{4}|\d{2}")
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
LEADING = re.compile(r"(?i)(le|la|les|l['’]|du|des|de|d['’]|en|au|aux|à)\s")
ISO3 = None
HONORIFIC = re.compile(r"(M|Mme|Mlle|Dr|Me|Pr)\.? ")
QUALIFIER = re.compile(r"(?i)(près d|plus d|moins d|environ|quelque|au moins|autour d|jusqu)")


def iso3():
    global ISO3
    if ISO3 is None:
        try:
            import pycountry
            ISO3 = {c.alpha_3 for c in pycountry.countries}
        except ImportError:  # the check then only tests the form
            ISO3 = set()
    return ISO3


def apos(s: str) -> str:
    return s.replace("’", "'")


def number(s: str):
    v = float(s.replace(",", "."))
    return int(v) if v.is_integer() else v


class SourceError(Exception):
    pass


def parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    meta = {"title": None, "outlet": None}
    aliases, roles, body = {}, [], []
    for line in raw.splitlines(keepends=True):
        if line.startswith("%% "):
            key, _, rest = line[3:].rstrip("\n").partition(" ")
            if key in ("title", "outlet"):
                meta[key] = rest.strip()
            elif key == "alias":
                short, _, long = rest.partition("=>")
                aliases[apos(short.strip())] = long.strip()
            elif key == "role":
                parts = [p.strip() for p in rest.split("|")]
                if len(parts) != 4:
                    raise SourceError(f"{path.name}: role needs 4 fields: {rest}")
                roles.append(dict(zip(("person", "title", "org", "country"),
                                      [None if p == "-" else p for p in parts])))
            else:
                raise SourceError(f"{path.name}: unknown directive {key}")
        else:
            body.append(line)
    marked = "".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        span, lab, val = m.group(1), m.group(2), m.group(3)
        if lab not in LABELS:
            raise SourceError(f"{path.name}: unknown label {lab} at {span!r}")
        ents.append({"start": out_len, "end": out_len + len(span), "label": LABELS[lab],
                     "text": span, "raw": val})
        text.append(span)
        out_len += len(span)
        pos = m.end()
    text.append(marked[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        raise SourceError(f"{path.name}: unparsed mark near {text[text.find('[['):][:60]!r}")
    hm = re.match(r" date (\d{4}-\d{2}(?:-\d{2})?)", text)
    pub = hm.group(1) if hm else None
    persons = [e["text"] for e in ents if e["label"] == "PERSON" and e["raw"] is None]
    for e in ents:
        e["norm"] = value(e, aliases, persons, path.name)
        del e["raw"]
    return {"file": path.stem + ".txt", "pub_date": pub, "title": meta["title"],
            "outlet": meta["outlet"], "text": text, "entities": ents, "roles": roles}


def value(e, aliases, persons, name):
    lab, span, raw = e["label"], e["text"], e["raw"]
    if raw is not None:
        raw = raw.strip()
    if lab == "MONEY":
        amount, cur = raw.split()
        return {"amount": number(amount), "currency": cur}
    if lab == "PERCENT":
        return {"value": number(raw)}
    if lab == "QUANTITY":
        v, _, unit = raw.partition(" ")
        return {"value": number(v), "unit": unit}
    if lab == "DATE":
        return None if raw == "null" else raw
    if raw:
        return raw
    if lab in ("ORG", "EVENT", "PERSON") and apos(span) in aliases:
        return aliases[apos(span)]
    if lab == "PERSON":
        longer = {p for p in persons if p != span and (p.endswith(" " + span))}
        if len(longer) > 1:
            raise SourceError(f"{name}: {span!r} could be any of {sorted(longer)}")
        return apos(longer.pop()) if longer else apos(span)
    if lab == "MINISTRY":
        v = apos(span)
        v = re.sub(r"^[Mm]inistre\b", "ministère", v)
        v = re.sub(r"^[Mm]inistère\b", "ministère", v)
        v = re.sub(r"^[Ss]ecrétaire d'[EÉ]tat", lambda m: "secrétariat d'" + m.group(0)[13:], v)
        return v
    if lab == "COUNTRY":
        raise SourceError(f"{name}: COUNTRY {span!r} needs its code")
    return apos(span)


def check(art: dict) -> list[str]:
    errs = []
    t, name = art["text"], art["file"]
    prev_end = -1
    for e in sorted(art["entities"], key=lambda e: e["start"]):
        s, end, lab, v = e["start"], e["end"], e["label"], e["norm"]
        where = f"{name}:{s} {lab} {e['text']!r}"
        if t[s:end] != e["text"]:
            errs.append(f"{where}: offsets do not give the text")
        if s < prev_end:
            errs.append(f"{where}: overlaps the previous mention")
        prev_end = end
        if e["text"] != e["text"].strip() or re.search(r"[.,;:!?»«()\"]$", e["text"]):
            errs.append(f"{where}: span has outer space or trailing punctuation")
        if LEADING.match(e["text"]) and lab not in ("MONEY", "QUANTITY", "PERCENT"):
            errs.append(f"{where}: span starts with a determiner or preposition")
        if lab in ("MONEY", "PERCENT", "QUANTITY") and QUALIFIER.match(e["text"]):
            errs.append(f"{where}: qualifier inside a figure's span")
        if lab == "PERSON" and HONORIFIC.match(e["text"]):
            errs.append(f"{where}: honorific inside a PERSON span")
        if lab == "COUNTRY" and not (isinstance(v, str) and re.fullmatch(r"[A-Z]{3}", v)
                                     and (not iso3() or v in iso3())):
            errs.append(f"{where}: bad country code {v!r}")
        if lab == "DATE" and v is not None:
            if not DATE_VALUE.fullmatch(v):
                errs.append(f"{where}: bad date value {v!r}")
            errs += check_relative(e, v, art["pub_date"], where)
        if lab == "MONEY" and not (isinstance(v["amount"], (int, float))
                                   and re.fullmatch(r"[A-Z]{3}", v["currency"] or "")):
            errs.append(f"{where}: bad money value {v!r}")
        if lab == "PERCENT" and not isinstance(v["value"], (int, float)):
            errs.append(f"{where}: bad percent value {v!r}")
        if lab == "QUANTITY" and not (isinstance(v["value"], (int, float)) and v["unit"]
                                      and v["unit"] == v["unit"].lower()):
            errs.append(f"{where}: bad quantity value {v!r}")
        if lab in ("PERSON", "ORG", "EVENT", "LOC", "MINISTRY") and not (isinstance(v, str) and v):
            errs.append(f"{where}: empty value")
        if lab == "MINISTRY" and not re.match(r"(ministère|secrétariat d'[EÉ]tat) ", v or ""):
            errs.append(f"{where}: ministry value {v!r}")
        if isinstance(v, str) and "’" in v:
            errs.append(f"{where}: value keeps a typographic apostrophe")
    names = {e["norm"] for e in art["entities"] if e["label"] == "PERSON"}
    orgs = {e["norm"] for e in art["entities"] if e["label"] in ("ORG", "MINISTRY", "EVENT")}
    for r in art["roles"]:
        if r["person"] not in names:
            errs.append(f"{name}: role person {r['person']!r} is not a PERSON value")
        if r["org"] is not None and r["org"] not in orgs:
            errs.append(f"{name}: role org {r['org']!r} is not an ORG/MINISTRY/EVENT value")
        if r["country"] is not None and iso3() and r["country"] not in iso3():
            errs.append(f"{name}: role country {r['country']!r}")
        if r["title"][:1] != r["title"][:1].lower() and not re.match(r"[A-Z]{2,}\b", r["title"]):
            errs.append(f"{name}: role title {r['title']!r} not lower case")
    return errs


def check_relative(e, v, pub, where):
    """Weekday names and hier/aujourd'hui/demain against a day-precise header."""
    words = e["text"].lower().replace("’", "'").split()
    if not pub or len(pub) != 10 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return []
    p, d = dt.date.fromisoformat(pub), dt.date.fromisoformat(v)
    if words and words[0] in WEEKDAYS and len(words) <= 2:
        if d.weekday() != WEEKDAYS.index(words[0]):
            return [f"{where}: {v} is not a {words[0]}"]
        if "prochain" not in words and not (0 <= (p - d).days <= 6):
            return [f"{where}: {v} is not the last {words[0]} on or before {pub}"]
    want = {"hier": -1, "aujourd'hui": 0, "demain": 1}.get(" ".join(words))
    if want is not None and d != p + dt.timedelta(days=want):
        return [f"{where}: {v} should be {p + dt.timedelta(days=want)}"]
    return []


def build(directory: Path = HERE) -> list[dict]:
    """Parse every `src/*.txt` of a set's directory (this one by default)."""
    return [parse(p) for p in sorted((directory / "src").glob("*.txt"))]


def dumps(arts) -> str:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts)


def main(argv, directory: Path = HERE) -> int:
    out = directory / "written.jsonl"
    arts = build(directory)
    errs = [err for a in arts for err in check(a)]
    for err in errs:
        print("error:", err)
    if errs:
        return 1
    if "--check" in argv:
        same = out.exists() and out.read_text(encoding="utf-8") == dumps(arts)
        print("written.jsonl is", "up to date" if same else "STALE: run build.py")
        return 0 if same else 1
    out.write_text(dumps(arts), encoding="utf-8")
    n = sum(len(a["entities"]) for a in arts)
    print(f"{len(arts)} articles, {n} mentions, {sum(len(a['roles']) for a in arts)} roles -> {out}")
    return 0


if __name__ == "__main__":
    # `build.py [DIR] [--check]`: another set in the same format (data/heldout3, data/heldout4)
    dirs = [Path(a).resolve() for a in sys.argv[1:] if not a.startswith("--")]
    sys.exit(main(sys.argv[1:], dirs[0] if dirs else HERE))
